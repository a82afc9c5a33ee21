package dev.trustml.stats;

/** Binomial(n, q) probabilities in log space, and its upper tail through the incomplete beta. */
public final class Binomial {
  private Binomial() {}

  /** ln P[Binomial(n, q) = k]; -infinity outside the support. */
  public static double logPmf(long k, long n, double q) {
    checkArguments(n, q);
    if (k < 0 || k > n) {
      return Double.NEGATIVE_INFINITY;
    }
    return logPmf(k, n, Math.log(q), Math.log1p(-q));
  }

  /**
   * ln P[Binomial(n, q) = k] given ln q and ln(1 - q) directly, so callers that know them more
   * precisely than q itself (e.g. q = 1/(1 + e^-eps) with large eps) lose nothing.
   */
  static double logPmf(long k, long n, double logQ, double logOneMinusQ) {
    if (k < 0 || k > n) {
      return Double.NEGATIVE_INFINITY;
    }
    double successes = k == 0 ? 0.0 : k * logQ;
    double failures = k == n ? 0.0 : (n - k) * logOneMinusQ;
    return logChoose(n, k) + successes + failures;
  }

  /** P[Binomial(n, q) &gt;= k] = I_q(k, n - k + 1) (Abramowitz &amp; Stegun 26.5.24). */
  public static double upperTail(long k, long n, double q) {
    checkArguments(n, q);
    if (k <= 0) {
      return 1.0;
    }
    if (k > n) {
      return 0.0;
    }
    if (q == 0 || q == 1) {
      return q;
    }
    return Beta.regularized(q, k, n - k + 1.0);
  }

  /** ln C(n, k) = -ln(n + 1) - ln B(k + 1, n - k + 1). */
  static double logChoose(long n, long k) {
    if (k == 0 || k == n) {
      return 0.0;
    }
    return -Math.log(n + 1.0) - Beta.logBeta(k + 1.0, n - k + 1.0);
  }

  private static void checkArguments(long n, double q) {
    if (n < 0 || !(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException(
          "binomial needs n >= 0 and q in [0, 1], got n=" + n + " q=" + q);
    }
  }
}
