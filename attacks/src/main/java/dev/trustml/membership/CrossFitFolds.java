package dev.trustml.membership;

import java.util.SplittableRandom;

/**
 * Two seeded folds of the audit rows for calibrating an attack without a population file: rows of
 * one fold are scored against statistics of the other fold only, so no row calibrates its own score
 * and no membership bit is used (cross-fitting). The folds are a seeded random permutation cut in
 * half, independent of row order and of membership.
 */
public final class CrossFitFolds {
  // Keeps the folds' random stream apart from other uses of the same seed.
  private static final long SALT = 0x6f1d_c40f_5eedL;

  private CrossFitFolds() {}

  /**
   * {@code fold[i]} is 0 or 1; fold 0 holds floor(n/2) rows.
   *
   * @param n rows
   * @param seed the audit's seed
   */
  public static byte[] assign(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    byte[] fold = new byte[n];
    for (int k = n / 2; k < n; k++) {
      fold[order[k]] = 1;
    }
    return fold;
  }
}
