package dev.trustml.audit.shadow;

import dev.trustml.stats.Shuffle;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Which rows each reference model trains on: a seeded function of (model count, row count, seed),
 * never of the rows' content, so a plan written today and an audit run tomorrow agree.
 */
public enum Assignment {
  /**
   * Each row is IN for exactly half of the models, the half chosen by a seeded shuffle per row
   * (Carlini et al. 2022, "Membership Inference Attacks From First Principles", Sec. IV: "we train
   * N shadow models on random samples... such that each example is in half of them"). Needs an even
   * model count.
   */
  HALF("half"),
  /** Each row is IN for each model by its own seeded fair coin, independently. */
  BERNOULLI("bernoulli");

  /** Keeps the shuffles of {@link #HALF} apart from every other use of the seed. */
  private static final long HALF_SALT = 0x5ad0_3a11_7c0dL;

  /** Keeps the coins of {@link #BERNOULLI} apart from every other use of the seed. */
  private static final long BERNOULLI_SALT = 0x5ad0_b3e4_4011L;

  private final String jsonName;

  Assignment(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in plan files and on the command line. */
  public String jsonName() {
    return jsonName;
  }

  /** The assignment named {@code name}, or null. */
  public static Assignment fromJson(String name) {
    for (Assignment a : values()) {
      if (a.jsonName.equals(name.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code count} models can be assigned this way. */
  public boolean allows(int count) {
    return this == HALF ? count >= 2 && count % 2 == 0 : count >= 1;
  }

  /**
   * {@code in[m][i]}: whether model m trains on row i.
   *
   * @throws IllegalArgumentException when {@link #allows} is false for {@code count}
   */
  public boolean[][] assign(int count, int rows, long seed) {
    if (!allows(count)) {
      throw new IllegalArgumentException(jsonName + " assignment of " + count + " models");
    }
    return this == HALF ? half(count, rows, seed) : bernoulli(count, rows, seed);
  }

  private static boolean[][] half(int count, int n, long seed) {
    boolean[][] in = new boolean[count][n];
    SplittableRandom rnd = new SplittableRandom(seed ^ HALF_SALT);
    int[] order = new int[count];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < count; m++) {
        order[m] = m;
      }
      Shuffle.inPlace(order, rnd);
      for (int m = 0; m < count / 2; m++) {
        in[order[m]][i] = true;
      }
    }
    return in;
  }

  private static boolean[][] bernoulli(int count, int n, long seed) {
    boolean[][] in = new boolean[count][n];
    SplittableRandom rnd = new SplittableRandom(seed ^ BERNOULLI_SALT);
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < count; m++) {
        in[m][i] = rnd.nextBoolean();
      }
    }
    return in;
  }
}
