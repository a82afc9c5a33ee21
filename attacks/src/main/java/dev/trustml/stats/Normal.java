package dev.trustml.stats;

/**
 * The standard normal distribution: pdf, cdf, log-cdf accurate far into the lower tail, and the
 * quantile function (ppf).
 *
 * <p>The cdf is Phi(z) = erfc(-z / sqrt 2) / 2 = Q(1/2, z^2/2) / 2 for z &lt; 0. For |z| &lt;
 * sqrt(3) the incomplete-gamma power series is used; beyond, the Lentz continued fraction of {@link
 * Gamma} gives the Mills-ratio factor h with Phi(z) = exp(-z^2/2) |z| h / (2 sqrt(2 pi)), and
 * exp(-z^2/2) is formed with Cody's split z = hi + lo so that squaring z costs no accuracy in the
 * tail (W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 1969,
 * as used in ACM TOMS Algorithm 715).
 *
 * <p>The quantile starts from P. J. Acklam's rational approximation (relative error 1.15e-9, "An
 * algorithm for computing the inverse normal cumulative distribution function", 2003) and polishes
 * it with Halley steps in the body and Newton steps on log Phi in the tail, so it is accurate to a
 * few ulps down to p = 1e-300.
 */
public final class Normal {
  private static final double SQRT_THREE = 1.7320508075688772;
  private static final double LN_2 = 0.6931471805599453;

  // Acklam's coefficients: central region.
  private static final double[] A = {
    -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
    1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  // Acklam's coefficients: tails.
  private static final double[] C = {
    -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
    -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double ACKLAM_LOW = 0.02425;

  private Normal() {}

  /** The density phi(z). */
  public static double pdf(double z) {
    return Math.exp(logPdf(z));
  }

  /** ln phi(z) = -z^2/2 - ln sqrt(2 pi). */
  public static double logPdf(double z) {
    return minusHalfSquare(z) - Gamma.HALF_LOG_TWO_PI;
  }

  /** Phi(z) = P[Z &lt;= z]; relative accuracy ~1e-15 in the lower tail. */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      return z;
    }
    if (z < -SQRT_THREE) {
      return Math.exp(logLowerTail(z));
    }
    if (z > SQRT_THREE) {
      return 1.0 - Math.exp(logLowerTail(-z));
    }
    double erf = Gamma.regularizedP(0.5, 0.5 * z * z);
    return z < 0 ? 0.5 - 0.5 * erf : 0.5 + 0.5 * erf;
  }

  /** The survival function 1 - Phi(z) = Phi(-z), accurate in the upper tail. */
  public static double sf(double z) {
    return cdf(-z);
  }

  /** ln Phi(z), finite down to z of about -1e150 (e.g. ln Phi(-40) = -804.608...). */
  public static double logCdf(double z) {
    if (Double.isNaN(z)) {
      return z;
    }
    if (z < -SQRT_THREE) {
      return logLowerTail(z);
    }
    if (z > SQRT_THREE) {
      return Math.log1p(-Math.exp(logLowerTail(-z)));
    }
    return Math.log(cdf(z));
  }

  /**
   * The quantile function Phi^-1(p). Returns -infinity for p = 0 and +infinity for p = 1.
   *
   * @throws IllegalArgumentException if p is outside [0, 1]
   */
  public static double ppf(double p) {
    if (Double.isNaN(p)) {
      return p;
    }
    if (p < 0 || p > 1) {
      throw new IllegalArgumentException("normal quantile needs p in [0, 1], got " + p);
    }
    if (p == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p == 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p > 0.5) {
      // 1 - p is exact here (Sterbenz), so symmetry costs nothing.
      return -lowerQuantile(1.0 - p);
    }
    return lowerQuantile(p);
  }

  /** The upper-tail quantile: the z with 1 - Phi(z) = q; accurate for tiny q. */
  public static double isf(double q) {
    return -ppf(q);
  }

  private static double lowerQuantile(double p) {
    double x = acklam(p);
    for (int i = 0; i < 4; i++) {
      double step;
      if (p < 1e-3) {
        // Newton on ln Phi(x) = ln p: well scaled however small p is.
        double logCdf = logCdf(x);
        step = (logCdf - Math.log(p)) * Math.exp(logCdf - logPdf(x));
      } else {
        // Halley on Phi(x) = p (Acklam's suggested refinement).
        double u = (cdf(x) - p) / pdf(x);
        step = u / (1.0 + 0.5 * x * u);
      }
      x -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1.0, Math.abs(x))) {
        break;
      }
    }
    return x;
  }

  private static double acklam(double p) {
    if (p < ACKLAM_LOW) {
      double q = Math.sqrt(-2.0 * Math.log(p));
      return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
          / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
        * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0);
  }

  /** ln Phi(z) for z &lt; -sqrt(3) via the incomplete-gamma continued fraction. */
  private static double logLowerTail(double z) {
    double x = 0.5 * z * z;
    if (x == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double h = Gamma.continuedFraction(0.5, x);
    return minusHalfSquare(z) + Math.log(-z) + Math.log(h) - LN_2 - Gamma.HALF_LOG_TWO_PI;
  }

  /** -z^2/2 with Cody's split: hi has few bits so hi*hi is exact. */
  private static double minusHalfSquare(double z) {
    double hi = Math.floor(z * 16.0) / 16.0;
    if (Double.isInfinite(hi)) {
      return Double.NEGATIVE_INFINITY;
    }
    return -0.5 * hi * hi - 0.5 * (z - hi) * (z + hi);
  }
}
