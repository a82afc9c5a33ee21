package dev.trustml.train;

import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.io.Hashing;
import dev.trustml.model.Tokenizers;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokenizer a training run uses, made from a {@link VocabularySource}, with what the card says
 * about it: its spec, where it came from, and - as a privacy component - what it cost.
 *
 * @param tokenizer encodes the rows
 * @param tokens the word vocabulary in id order (empty for a Hugging Face tokenizer)
 * @param tokenizerFile the Hugging Face tokenizer file to copy into the bundle, or null
 * @param spec the card's tokenizer entry
 * @param source the card's {@code training.vocabulary_source}
 * @param component the privacy component the vocabulary adds to a DP claim
 */
record BuiltVocabulary(
    Tokenizer tokenizer,
    List<String> tokens,
    Path tokenizerFile,
    TokenizerSpec spec,
    String source,
    PrivacyComponent component) {

  /** The file name of a word vocabulary inside the bundle. */
  static final String VOCAB_FILE = "vocab.txt";

  /** The file name of a Hugging Face tokenizer inside the bundle. */
  static final String TOKENIZER_FILE = "tokenizer.json";

  /** Model vocabulary size: rows of the embedding. */
  int size() {
    return tokenizer.vocabularySize();
  }

  /**
   * Builds the vocabulary.
   *
   * @param trainingRows the rows trained on (read only by the members and DP sources)
   * @param reserved tokens every word vocabulary holds (canary slot alphabets)
   */
  static BuiltVocabulary build(
      TrainJobSpec spec, List<LabeledText> trainingRows, List<String> reserved, long seed)
      throws BadInputException {
    VocabularySource source = spec.vocabulary();
    boolean lc = spec.lowercase();
    int max = spec.maxVocabularySize();
    if (source instanceof VocabularySource.FromMembers m) {
      List<String> vocab =
          VocabularyBuilder.build(
              trainingRows.stream().map(LabeledText::text).toList(),
              lc,
              max,
              m.minCount(),
              reserved);
      return words(vocab, lc, TrainingRecipe.VOCABULARY_FROM_MEMBERS, null);
    }
    if (source instanceof VocabularySource.PublicWords p) {
      List<String> vocab = PublicWordList.vocabulary(p.file(), lc, max, reserved);
      return words(
          vocab,
          lc,
          TrainingRecipe.VOCABULARY_PUBLIC_WORD_LIST,
          publicComponent(TrainingRecipe.VOCABULARY_PUBLIC_WORD_LIST, p.file(), vocab.size()));
    }
    if (source instanceof VocabularySource.DpPartitionSelection dp) {
      DpVocabulary v = DpVocabulary.build(trainingRows, lc, max, reserved, dp, seed);
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("noise", "laplace");
      params.put("max_words_per_row", dp.maxWordsPerRow());
      params.put("laplace_scale", v.mechanism().scale());
      params.put("threshold", v.mechanism().threshold());
      params.put("released_words", v.released());
      params.put("tokens", v.vocabulary().size());
      return words(
          v.vocabulary(),
          lc,
          TrainingRecipe.VOCABULARY_DP_PARTITION_SELECTION,
          new PrivacyComponent(
              TrainingRecipe.VOCABULARY_DP_PARTITION_SELECTION, dp.epsilon(), dp.delta(), params));
    }
    VocabularySource.PublicTokenizer t = (VocabularySource.PublicTokenizer) source;
    if (Files.isDirectory(t.file())) {
      throw new BadInputException(
          t.file() + ": is a directory; give a Hugging Face tokenizer.json file");
    }
    if (!Files.exists(t.file())) {
      throw new BadInputException(
          t.file()
              + ": tokenizer file not found; give a Hugging Face tokenizer.json trained on public"
              + " data");
    }
    // trustml's own architecture never sees special tokens: the card leaves them off.
    TokenizerSpec tokenizerSpec =
        new TokenizerSpec(TokenizerKind.HUGGINGFACE, TOKENIZER_FILE, null);
    Tokenizer hf = Tokenizers.open(t.file(), tokenizerSpec, spec.maxLength());
    return new BuiltVocabulary(
        hf,
        List.of(),
        t.file(),
        tokenizerSpec,
        TrainingRecipe.VOCABULARY_PUBLIC_TOKENIZER,
        publicComponent(TrainingRecipe.VOCABULARY_PUBLIC_TOKENIZER, t.file(), hf.vocabularySize()));
  }

  private static BuiltVocabulary words(
      List<String> vocab, boolean lowercase, String source, PrivacyComponent component) {
    return new BuiltVocabulary(
        new VocabTokenizer(vocab, lowercase),
        vocab,
        null,
        new TokenizerSpec(TokenizerKind.VOCAB, VOCAB_FILE, lowercase),
        source,
        component);
  }

  /** A public input: epsilon 0, named by its file's name and SHA-256. */
  private static PrivacyComponent publicComponent(String mechanism, Path file, int tokens)
      throws BadInputException {
    Map<String, Object> params = new LinkedHashMap<>();
    Path name = file.getFileName();
    params.put("file", name == null ? file.toString() : name.toString());
    params.put("sha256", Hashing.sha256(file));
    params.put("tokens", tokens);
    return new PrivacyComponent(mechanism, 0, 0, params);
  }
}
