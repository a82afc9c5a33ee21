package dev.trustml.train;

import java.nio.file.Path;

/**
 * Where a trained model's vocabulary comes from. Only {@link FromMembers} reads the training rows
 * in the clear, so a DP run must use one of the other three: what ships beside a DP model may come
 * from training rows only through an accounted mechanism.
 */
public sealed interface VocabularySource {

  /** Whether the vocabulary is built from the training rows outside any DP mechanism. */
  default boolean readsTrainingRowsInTheClear() {
    return false;
  }

  /**
   * Every word of the training rows seen at least {@code minCount} times, most frequent first
   * ({@link VocabularyBuilder}). Leaks membership: for non-private models only.
   */
  record FromMembers(int minCount) implements VocabularySource {
    @Override
    public boolean readsTrainingRowsInTheClear() {
      return true;
    }
  }

  /**
   * A public token list, one token per line (a {@code vocab.txt}); see {@link PublicWordList}.
   *
   * @param file the list
   */
  record PublicWords(Path file) implements VocabularySource {}

  /**
   * A Hugging Face {@code tokenizer.json} trained on public data; the model's vocabulary is the
   * tokenizer's.
   *
   * @param file the tokenizer file
   */
  record PublicTokenizer(Path file) implements VocabularySource {}

  /**
   * Words released by DP partition selection over the training rows ({@link DpVocabulary}).
   *
   * @param epsilon this mechanism's share of the privacy budget
   * @param delta its share of delta
   * @param maxWordsPerRow K: distinct words one row contributes at most
   */
  record DpPartitionSelection(double epsilon, double delta, int maxWordsPerRow)
      implements VocabularySource {}
}
