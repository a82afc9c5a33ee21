package dev.trustml.train;

import dev.trustml.data.LabeledText;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.privacy.LaplacePartitionSelection;
import dev.trustml.stats.Shuffle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A differentially private vocabulary: the words {@link LaplacePartitionSelection} releases over
 * the training rows. Each row contributes at most K distinct words, chosen from the row alone: all
 * of them when it has at most K, else K drawn at random by a stream seeded with a hash of (seed,
 * row) - so the choice never looks at another row, and copies of a row choose alike. The vocabulary
 * is {@code [PAD]}, {@code [UNK]}, the reserved tokens (a canary's slot alphabet comes from the
 * auditor's template, not from data), then the released words, largest noisy count first
 * (post-processing of the mechanism's output), up to the size limit.
 *
 * @param vocabulary the vocabulary in id order
 * @param released how many words the mechanism released (before the size limit)
 * @param mechanism the mechanism, with its threshold and scale
 */
public record DpVocabulary(
    List<String> vocabulary, int released, LaplacePartitionSelection mechanism) {
  /** Keeps the word-choice and noise streams apart from other uses of the seed. */
  private static final long CHOICE_SALT = 0x766f_6361_625f_6b21L;

  private static final long NOISE_SALT = 0x6470_766f_6361_6221L;

  public DpVocabulary {
    vocabulary = List.copyOf(vocabulary);
  }

  /**
   * Runs the mechanism on {@code rows} (the rows trained on).
   *
   * @param maxSize entries in all, including [PAD], [UNK] and the reserved tokens
   */
  public static DpVocabulary build(
      List<LabeledText> rows,
      boolean lowercase,
      int maxSize,
      List<String> reserved,
      VocabularySource.DpPartitionSelection source,
      long seed) {
    LaplacePartitionSelection mechanism =
        new LaplacePartitionSelection(source.epsilon(), source.delta(), source.maxWordsPerRow());
    List<List<String>> contributions = new ArrayList<>(rows.size());
    for (LabeledText r : rows) {
      contributions.add(contribution(r, lowercase, source.maxWordsPerRow(), seed));
    }
    List<LaplacePartitionSelection.Released> released =
        mechanism.select(contributions, new SplittableRandom(seed ^ NOISE_SALT));
    Set<String> vocab = new LinkedHashSet<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    for (String r : reserved) {
      vocab.add(lowercase ? r.toLowerCase(Locale.ROOT) : r);
    }
    for (LaplacePartitionSelection.Released w : released) {
      if (vocab.size() >= maxSize) {
        break;
      }
      vocab.add(w.key());
    }
    return new DpVocabulary(new ArrayList<>(vocab), released.size(), mechanism);
  }

  /** The row's distinct words, or K of them drawn with the row's own seeded stream. */
  static List<String> contribution(LabeledText row, boolean lowercase, int k, long seed) {
    List<String> distinct =
        new ArrayList<>(new LinkedHashSet<>(VocabTokenizer.words(row.text(), lowercase)));
    if (distinct.size() <= k) {
      return distinct;
    }
    SplittableRandom random =
        new SplittableRandom(RowHash.of(seed, CHOICE_SALT, row.text(), row.label()));
    Shuffle.prefix(distinct, k, random);
    return List.copyOf(distinct.subList(0, k));
  }
}
