package dev.trustml.stats;

/**
 * The log-gamma function and the regularised incomplete gamma functions P(a, x) and Q(a, x).
 *
 * <p>log-gamma: upward recurrence to x &gt;= 15, then Stirling's series (Abramowitz &amp; Stegun
 * 6.1.41) whose first omitted term is below 2.2e-16 there. Incomplete gamma: the power series for x
 * &lt; a + 1 and the Lentz continued fraction otherwise (Numerical Recipes, 3rd ed., section 6.2,
 * eqs. 6.2.5 and 6.2.7).
 */
public final class Gamma {
  /** 0.5 * ln(2 pi). */
  static final double HALF_LOG_TWO_PI = 0.9189385332046727417803297364056176;

  private static final double STIRLING_MIN = 15.0;
  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 100_000;

  private Gamma() {}

  /** ln Gamma(x) for x &gt; 0; absolute error below ~5e-15 for moderate x. */
  public static double logGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("logGamma needs x > 0, got " + x);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return x;
    }
    if (x >= STIRLING_MIN) {
      return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
    }
    // Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1)); the product stays far from overflow.
    double product = 1.0;
    double shifted = x;
    while (shifted < STIRLING_MIN) {
      product *= shifted;
      shifted += 1.0;
    }
    return logGamma(shifted) - Math.log(product);
  }

  /**
   * The Stirling remainder delta(x) = ln Gamma(x) - [(x - 1/2) ln x - x + ln(2 pi)/2] for x &gt;=
   * 15 (A&amp;S 6.1.41). Exposed to {@link Beta} so that ratios of gamma functions of large
   * arguments are formed without cancelling huge logarithms.
   */
  static double stirlingCorrection(double x) {
    if (x < STIRLING_MIN) {
      throw new IllegalArgumentException("stirlingCorrection needs x >= 15, got " + x);
    }
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    return inv
        * (1.0 / 12
            + inv2
                * (-1.0 / 360
                    + inv2
                        * (1.0 / 1260
                            + inv2
                                * (-1.0 / 1680 + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360))))));
  }

  /** The regularised lower incomplete gamma function P(a, x) = gamma(a, x) / Gamma(a). */
  public static double regularizedP(double a, double x) {
    checkArguments(a, x);
    if (x == 0) {
      return 0.0;
    }
    if (x < a + 1) {
      return series(a, x);
    }
    return 1.0 - continuedFractionQ(a, x);
  }

  /**
   * The regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x), accurate in its tail.
   */
  public static double regularizedQ(double a, double x) {
    checkArguments(a, x);
    if (x == 0) {
      return 1.0;
    }
    if (x < a + 1) {
      return 1.0 - series(a, x);
    }
    return continuedFractionQ(a, x);
  }

  private static void checkArguments(double a, double x) {
    if (!(a > 0) || !(x >= 0)) {
      throw new IllegalArgumentException(
          "incomplete gamma needs a > 0 and x >= 0, got a=" + a + " x=" + x);
    }
  }

  /** P(a, x) by its power series; converges quickly for x &lt; a + 1. */
  private static double series(double a, double x) {
    double term = 1.0 / a;
    double sum = term;
    double ap = a;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      ap += 1.0;
      term *= x / ap;
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) {
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
      }
    }
    throw new ArithmeticException(
        "incomplete gamma series did not converge for a=" + a + " x=" + x);
  }

  private static double continuedFractionQ(double a, double x) {
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * continuedFraction(a, x);
  }

  /**
   * The Lentz continued fraction h with Q(a, x) = exp(-x) x^a / Gamma(a) * h, for x &gt;= a + 1.
   */
  private static double continuedFraction(double a, double x) {
    double b = x + 1.0 - a;
    double c = 1.0 / TINY;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2.0;
      d = an * d + b;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = b + an / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1.0 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1.0) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException(
        "incomplete gamma fraction did not converge for a=" + a + " x=" + x);
  }
}
