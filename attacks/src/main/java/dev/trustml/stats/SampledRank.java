package dev.trustml.stats;

/**
 * Bounds on a secret's rank in a candidate space too large to enumerate, from a uniform sample.
 *
 * <p>n candidates are drawn uniformly at random, with replacement, from R minus the secret; b of
 * them score at or below the secret (ties against it, as in exposure, Carlini et al. 2019, Def. 3).
 * Each draw beats the secret independently with probability (rank - 1)/(|R| - 1), so b is exactly
 * Binomial(n, (rank - 1)/(|R| - 1)) and a Clopper-Pearson bound on that share (Clopper &amp;
 * Pearson 1934, see {@link ClopperPearson}) is a bound on the rank:
 *
 * <pre>rank &lt;= 1 + floor(CP_upper(b, n, level) (|R| - 1))   with probability &gt;= level.</pre>
 *
 * No assumption on the shape of the loss distribution is made, unlike the skew-normal extrapolation
 * of Carlini et al. 2019, Sec. 4.3, which is an estimate. The price is resolution: with b = 0 the
 * bound is about |R| ln(1/(1 - level))/n, so a secret is never placed above roughly the n-th share
 * of the space.
 */
public final class SampledRank {
  private SampledRank() {}

  /**
   * The one-sided upper bound on the rank at {@code level}.
   *
   * @param beating sampled candidates with loss &lt;= the secret's
   * @param sampled n &gt; 0
   * @param others |R| - 1, the candidates other than the secret (a double: |R| may exceed a long)
   */
  public static double upper(long beating, long sampled, double others, double level) {
    checkOthers(others);
    return Math.min(
        others + 1, 1 + Math.floor(ClopperPearson.upper(beating, sampled, level) * others));
  }

  /**
   * The two-sided interval at {@code level} (each end at (1 + level)/2), for reports and checks;
   * the DP test uses the one-sided {@link #upper}.
   */
  public static Interval interval(long beating, long sampled, double others, double level) {
    checkOthers(others);
    double side = 0.5 * (1 + level);
    double low = 1 + Math.ceil(ClopperPearson.lower(beating, sampled, side) * others);
    double high = upper(beating, sampled, others, side);
    return new Interval(Math.min(low, high), high, level);
  }

  private static void checkOthers(double others) {
    if (!(others >= 1) || Double.isInfinite(others)) {
      throw new IllegalArgumentException(
          "a sampled rank needs at least one other candidate, got " + others);
    }
  }
}
