package dev.trustml.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic tokenised data for tests and benchmarks, shaped like text: background words
 * follow Zipf's law (frequency of rank r proportional to 1/r, as in natural language), and each
 * class has a few indicator words. Every example holds at least one indicator word of its class
 * (more at the given rate), so the classes are separable. Ids 0 (padding) and 1 (unknown) are not
 * used.
 */
public final class SyntheticTokens {
  /** Indicator words per class, taken from the top of the id range. */
  public static final int INDICATORS_PER_CLASS = 5;

  private SyntheticTokens() {}

  /**
   * @param n examples
   * @param vocabSize V; must exceed 2 + numClasses * {@link #INDICATORS_PER_CLASS}
   * @param numClasses K; labels are uniform over [0, K)
   * @param minLength shortest example
   * @param maxLength longest example (lengths are uniform in between)
   * @param signalRate probability that a position holds one of its class's indicator words
   */
  public static TrainingSet generate(
      int n,
      int vocabSize,
      int numClasses,
      int minLength,
      int maxLength,
      double signalRate,
      long seed) {
    int firstIndicator = vocabSize - numClasses * INDICATORS_PER_CLASS;
    if (firstIndicator <= 2 || minLength < 1 || maxLength < minLength) {
      throw new IllegalArgumentException("vocabulary too small or bad lengths");
    }
    int background = firstIndicator - 2;
    double[] cdf = new double[background];
    double total = 0;
    for (int r = 0; r < background; r++) {
      total += 1.0 / (r + 1);
      cdf[r] = total;
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<TokenizedExample> examples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(numClasses);
      int length = minLength + random.nextInt(maxLength - minLength + 1);
      long[] tokens = new long[length];
      for (int t = 0; t < length; t++) {
        if (random.nextDouble() < signalRate) {
          tokens[t] =
              firstIndicator
                  + (long) label * INDICATORS_PER_CLASS
                  + random.nextInt(INDICATORS_PER_CLASS);
        } else {
          int rank = Arrays.binarySearch(cdf, random.nextDouble() * total);
          tokens[t] = 2 + (rank >= 0 ? rank : Math.min(-rank - 1, background - 1));
        }
      }
      tokens[random.nextInt(length)] =
          firstIndicator
              + (long) label * INDICATORS_PER_CLASS
              + random.nextInt(INDICATORS_PER_CLASS);
      examples.add(new TokenizedExample(tokens, label));
    }
    return new TrainingSet(vocabSize, numClasses, examples);
  }
}
