package dev.trustml.membership;

import dev.trustml.stats.Shuffle;
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
    int[] order = Shuffle.permutation(n, new SplittableRandom(seed ^ SALT));
    byte[] fold = new byte[n];
    for (int k = n / 2; k < n; k++) {
      fold[order[k]] = 1;
    }
    return fold;
  }
}
