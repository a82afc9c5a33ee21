package dev.trustml.stats;

/**
 * Exact (Clopper-Pearson, Biometrika 1934) binomial confidence bounds for a proportion from k
 * successes in n trials, via Beta quantiles: the one-sided upper bound at level c is the c-quantile
 * of Beta(k + 1, n - k), the lower bound the (1 - c)-quantile of Beta(k, n - k + 1). The bounds are
 * conservative: coverage is at least the nominal level for every true proportion.
 */
public final class ClopperPearson {
  private ClopperPearson() {}

  /**
   * One-sided upper bound: P[p &lt;= upper] &gt;= level. Equals 1 - (1 - level)^(1/n) when k = 0,
   * and 1 when k = n.
   */
  public static double upper(long k, long n, double level) {
    check(k, n, level);
    if (k == n) {
      return 1.0;
    }
    return Beta.inverseRegularized(level, k + 1.0, (double) (n - k));
  }

  /** One-sided lower bound: P[p &gt;= lower] &gt;= level; 0 when k = 0. */
  public static double lower(long k, long n, double level) {
    check(k, n, level);
    if (k == 0) {
      return 0.0;
    }
    return Beta.inverseRegularized(1.0 - level, (double) k, n - k + 1.0);
  }

  /**
   * The two-sided interval at the given level: each end is a one-sided bound at (1 + level)/2, as
   * in R's binom.test and statsmodels' proportion_confint(method="beta").
   */
  public static Interval twoSided(long k, long n, double level) {
    double sideLevel = 0.5 * (1.0 + level);
    return new Interval(lower(k, n, sideLevel), upper(k, n, sideLevel), level);
  }

  private static void check(long k, long n, double level) {
    if (n <= 0 || k < 0 || k > n) {
      throw new IllegalArgumentException(
          "Clopper-Pearson needs 0 <= k <= n and n > 0, got k=" + k + " n=" + n);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Clopper-Pearson level must be in (0, 1), got " + level);
    }
  }
}
