package dev.trustml.stats;

/**
 * The log-beta function, the regularised incomplete beta function I_x(a, b), its complement and its
 * inverse. These carry the Clopper-Pearson bounds and binomial tails.
 *
 * <p>I_x(a, b) is evaluated with the modified Lentz continued fraction of Numerical Recipes (3rd
 * ed., section 6.4, eq. 6.4.5), switched to the symmetric form 1 - I_{1-x}(b, a) when x &gt;= (a +
 * 1)/(a + b + 2) so the fraction converges in O(sqrt(max(a, b))) steps. The prefactor x^a (1-x)^b /
 * B(a, b) is formed in log space; when a and b are both large (the audit-size regime: a, b of
 * 1e5..1e6) it is written around the mode a/(a+b) with Stirling remainders instead of subtracting
 * log-gammas of size 1e7 (the approach of DiDonato &amp; Morris, ACM TOMS Algorithm 708, "brcomp").
 */
public final class Beta {
  private static final double STIRLING_MIN = 15.0;
  private static final double EPS = 1e-16;
  private static final double TINY = 1e-300;
  private static final int MAX_ITERATIONS = 1_000_000;
  private static final int MAX_INVERSE_ITERATIONS = 300;

  private Beta() {}

  /**
   * ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), without cancellation for large a, b.
   */
  public static double logBeta(double a, double b) {
    checkShape(a, b);
    double small = Math.min(a, b);
    double big = Math.max(a, b);
    if (big < STIRLING_MIN) {
      return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }
    if (small < STIRLING_MIN) {
      // ln Gamma(big) - ln Gamma(big + small) from Stirling's series, differenced analytically.
      double ratio =
          -(big - 0.5) * Math.log1p(small / big)
              - small * Math.log(big + small)
              + small
              + Gamma.stirlingCorrection(big)
              - Gamma.stirlingCorrection(big + small);
      return Gamma.logGamma(small) + ratio;
    }
    double sum = a + b;
    return -(a * Math.log(sum / a) + b * Math.log(sum / b))
        - 0.5 * (Math.log(a) + Math.log(b) - Math.log(sum))
        + Gamma.HALF_LOG_TWO_PI
        - Gamma.stirlingCorrection(sum)
        + Gamma.stirlingCorrection(a)
        + Gamma.stirlingCorrection(b);
  }

  /** I_x(a, b) = P[Beta(a, b) &lt;= x]. */
  public static double regularized(double x, double a, double b) {
    checkArguments(x, a, b);
    if (x == 0 || x == 1) {
      return x;
    }
    if (useDirectFraction(x, a, b)) {
      return directTail(x, a, b);
    }
    return 1.0 - symmetricTail(x, a, b);
  }

  /** 1 - I_x(a, b) = P[Beta(a, b) &gt; x], accurate when it is small. */
  public static double regularizedComplement(double x, double a, double b) {
    checkArguments(x, a, b);
    if (x == 0 || x == 1) {
      return 1.0 - x;
    }
    if (useDirectFraction(x, a, b)) {
      return 1.0 - directTail(x, a, b);
    }
    return symmetricTail(x, a, b);
  }

  /**
   * The x in [0, 1] with I_x(a, b) = p: the p-quantile of Beta(a, b). Newton steps (on ln I_x
   * against ln x for p &lt;= 1/2) from the Numerical Recipes starting guess (section 6.14.10), kept
   * inside a bisection bracket; for p &gt; 1/2 the complement equation 1 - I_x = 1 - p is solved so
   * upper quantiles keep full accuracy.
   */
  public static double inverseRegularized(double p, double a, double b) {
    checkShape(a, b);
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("beta quantile needs p in [0, 1], got " + p);
    }
    if (p == 0 || p == 1) {
      return p;
    }
    boolean solveComplement = p > 0.5;
    double target = solveComplement ? 1.0 - p : p;
    double lo = 0.0;
    double hi = 1.0;
    double x = Math.min(Math.max(initialGuess(p, a, b), Double.MIN_NORMAL), 1.0 - 1e-16);
    for (int i = 0; i < MAX_INVERSE_ITERATIONS; i++) {
      // The tail solved for (I_x, or 1 - I_x for upper quantiles); f is increasing in x either way.
      double tail = solveComplement ? regularizedComplement(x, a, b) : regularized(x, a, b);
      double f = solveComplement ? target - tail : tail - target;
      if (f == 0) {
        return x;
      }
      if (f < 0) {
        lo = x;
      } else {
        hi = x;
      }
      double density = Math.exp(logKernel(x, a, b)) / (x * (1.0 - x));
      double next;
      if (solveComplement) {
        next = x - f / density;
      } else {
        // Newton on ln I_x against ln x: near 0, I_x ~ c x^a, which this solves in one step,
        // whereas a Newton step on I_x itself shrinks x only by the factor 1 - 1/a while x is far
        // above a tiny quantile (p = 1e-300 with a = 300 would need thousands of steps). Near the
        // root both are the same Newton step.
        next = x * Math.exp(-Math.log(tail / target) * tail / (x * density));
      }
      if (!(next > lo && next < hi)) {
        next = lo == 0.0 ? 0.5 * hi : 0.5 * (lo + hi);
        if (lo == 0.0 && hi < 1e-3) {
          // Tiny quantiles: bisect geometrically towards zero.
          next = hi * 1e-3;
        }
      }
      // Converged: relative to the nearer end of [0, 1], but never finer than one ulp of x.
      if (Math.abs(next - x) <= Math.max(1e-15 * Math.min(x, 1.0 - x), Math.ulp(x))) {
        return next;
      }
      x = next;
    }
    return x;
  }

  /**
   * ln[x^a (1-x)^b / B(a, b)], the prefactor of both continued-fraction forms; the Beta(a, b)
   * density at x is exp(logKernel) / (x (1-x)).
   */
  static double logKernel(double x, double a, double b) {
    if (Math.min(a, b) < STIRLING_MIN) {
      return a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
    }
    double sum = a + b;
    double p0 = a / sum;
    double q0 = b / sum;
    // ln(x / p0) and ln((1-x) / q0); log1p of the relative offset when x is near the mode.
    double relX = (x - p0) / p0;
    double relY = (p0 - x) / q0;
    double logX = Math.abs(relX) < 0.5 ? Math.log1p(relX) : Math.log(x) - Math.log(p0);
    double logY = Math.abs(relY) < 0.5 ? Math.log1p(relY) : Math.log1p(-x) - Math.log(q0);
    return a * logX
        + b * logY
        + 0.5 * (Math.log(a) + Math.log(b) - Math.log(sum))
        - Gamma.HALF_LOG_TWO_PI
        + Gamma.stirlingCorrection(sum)
        - Gamma.stirlingCorrection(a)
        - Gamma.stirlingCorrection(b);
  }

  private static boolean useDirectFraction(double x, double a, double b) {
    return x < (a + 1.0) / (a + b + 2.0);
  }

  /** I_x(a, b) from the direct fraction (valid for x &lt; (a+1)/(a+b+2)). */
  private static double directTail(double x, double a, double b) {
    double firstDenominator = 1.0 - (a + b) * x / (a + 1.0);
    return Math.exp(logKernel(x, a, b)) * continuedFraction(a, b, x, firstDenominator) / a;
  }

  /** 1 - I_x(a, b) = I_{1-x}(b, a) from the fraction in 1 - x. */
  private static double symmetricTail(double x, double a, double b) {
    // The fraction runs in y = 1 - x, but its first denominator 1 - (a+b) y/(b+1) cancels badly
    // when y is near 1; written in x it is exact enough: (1 - a + (a+b) x)/(b+1).
    double firstDenominator = (1.0 - a + (a + b) * x) / (b + 1.0);
    return Math.exp(logKernel(x, a, b)) * continuedFraction(b, a, 1.0 - x, firstDenominator) / b;
  }

  /**
   * The Lentz evaluation of the fraction for I_x(a, b); firstDenominator is 1 - (a+b) x/(a+1),
   * passed in so that the caller can form it without cancellation.
   */
  private static double continuedFraction(double a, double b, double x, double firstDenominator) {
    double qab = a + b;
    double qap = a + 1.0;
    double qam = a - 1.0;
    double c = 1.0;
    double d = firstDenominator;
    if (Math.abs(d) < TINY) {
      d = TINY;
    }
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1.0 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1.0 + aa / c;
      if (Math.abs(c) < TINY) {
        c = TINY;
      }
      d = 1.0 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1.0 + aa * d;
      if (Math.abs(d) < TINY) {
        d = TINY;
      }
      c = 1.0 + aa / c;
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
        "incomplete beta fraction did not converge for a=" + a + " b=" + b + " x=" + x);
  }

  private static double initialGuess(double p, double a, double b) {
    if (a >= 1 && b >= 1) {
      double pp = p < 0.5 ? p : 1.0 - p;
      double t = Math.sqrt(-2.0 * Math.log(pp));
      double z = (2.30753 + t * 0.27061) / (1.0 + t * (0.99229 + t * 0.04481)) - t;
      if (p < 0.5) {
        z = -z;
      }
      double al = (z * z - 3.0) / 6.0;
      double h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
      double w =
          z * Math.sqrt(al + h) / h
              - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0))
                  * (al + 5.0 / 6.0 - 2.0 / (3.0 * h));
      return a / (a + b * Math.exp(2.0 * w));
    }
    double lna = Math.log(a / (a + b));
    double lnb = Math.log(b / (a + b));
    double t = Math.exp(a * lna) / a;
    double u = Math.exp(b * lnb) / b;
    double w = t + u;
    if (p < t / w) {
      return Math.pow(a * w * p, 1.0 / a);
    }
    return 1.0 - Math.pow(b * w * (1.0 - p), 1.0 / b);
  }

  private static void checkShape(double a, double b) {
    if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException(
          "beta needs finite a > 0 and b > 0, got a=" + a + " b=" + b);
    }
  }

  private static void checkArguments(double x, double a, double b) {
    checkShape(a, b);
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("incomplete beta needs x in [0, 1], got " + x);
    }
  }
}
