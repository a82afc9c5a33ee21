package dev.trustml.stats;

/**
 * The standard normal distribution, trustml's one implementation: density, cdf and log-cdf accurate
 * far into the lower tail (the canary exposure extrapolation and privacy accounting need
 * probabilities far below 1e-16), the log survival function (LiRA's offline score), interval
 * probabilities without cancellation, and the quantile function (ppf).
 *
 * <p>Phi(z) = erfc(-z/sqrt 2)/2 ({@link Erfc}). Below z = -1.5 sqrt 2 the continued fraction f of
 * erfc is combined with e^{-z^2/2}, z^2 split exactly into hi + lo with a fused multiply-add:
 * rounding z*z would cost |z|^2/2 * 2^-53 in the exponent (1e-13 relative at z = 30), and in log
 * space ln Phi(z) = -z^2/2 - ln(2 sqrt(pi)) - ln f never underflows. {@link #logSf} evaluates erfc
 * by a Chebyshev fit in exponent form instead ({@link Erfc#logNonNegative}). The arithmetic of each
 * function is the one its callers have always used, so the audits' numbers are the same as before
 * these functions were gathered here.
 *
 * <p>The quantile starts from P. J. Acklam's rational approximation (relative error 1.15e-9, "An
 * algorithm for computing the inverse normal cumulative distribution function", 2003) and polishes
 * it with Halley steps in the body and Newton steps on log Phi in the tail, so it is accurate to a
 * few ulps down to p = 1e-300.
 */
public final class Normal {
  private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double LN_2_SQRT_PI = Math.log(2 * Math.sqrt(Math.PI));
  private static final double SQRT2 = Math.sqrt(2);
  private static final double SQRT_HALF = Math.sqrt(0.5);
  private static final double LN2 = Math.log(2.0);

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
    return -0.5 * z * z - LN_SQRT_2PI;
  }

  /** ln N(x; mean, sd^2), the density of a normal with that mean and standard deviation. */
  public static double logDensity(double x, double mean, double sd) {
    double u = (x - mean) / sd;
    return -0.5 * u * u - Math.log(sd) - LN_SQRT_2PI;
  }

  /** Phi(z) = P[Z &lt;= z]; relative accuracy ~1e-14 in the lower tail. */
  public static double cdf(double z) {
    double x = -z / SQRT2;
    if (x >= Erfc.FRACTION_FROM) {
      double[] sq = exactSquare(z);
      if (Double.isInfinite(sq[0])) {
        return 0.0;
      }
      // Phi(z) = e^{-z^2/2} / (2 sqrt(pi) f(x)), e^{-z^2/2} to within a few ulps from hi + lo.
      return Math.exp(-0.5 * sq[0]) * Math.exp(-0.5 * sq[1]) / (2 * SQRT_PI * Erfc.fraction(x));
    }
    return 0.5 * Erfc.value(x);
  }

  /** The survival function 1 - Phi(z) = Phi(-z), accurate in the upper tail. */
  public static double sf(double z) {
    return cdf(-z);
  }

  /** ln Phi(z), finite for every finite z whose square is finite (ln Phi(-40) = -804.608...). */
  public static double logCdf(double z) {
    double x = -z / SQRT2;
    if (x >= Erfc.FRACTION_FROM) {
      double[] sq = exactSquare(z);
      if (Double.isInfinite(sq[0])) {
        return Double.NEGATIVE_INFINITY;
      }
      return -0.5 * sq[0] - 0.5 * sq[1] - LN_2_SQRT_PI - Math.log(Erfc.fraction(x));
    }
    if (z > 0) {
      // Phi(z) = 1 - Phi(-z); log1p keeps the tiny upper-tail mass.
      return Math.log1p(-cdf(-z));
    }
    return Math.log(0.5 * Erfc.value(x));
  }

  /**
   * ln(1 - Phi(t)) = ln P(Z &gt; t), accurate in both tails and finite however far out t is, so
   * that LiRA's offline scores stay distinct for confidences hundreds of standard deviations above
   * the OUT mean. Evaluated with the Chebyshev form of erfc ({@link Erfc#logNonNegative}).
   */
  public static double logSf(double t) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (t >= 0.0) {
      // P(Z > t) = erfc(t / sqrt 2) / 2
      return Erfc.logNonNegative(t * SQRT_HALF) - LN2;
    }
    // P(Z > t) = 1 - P(Z > -t); the subtracted tail is <= 1/2, so log1p is accurate.
    return Math.log1p(-0.5 * Math.exp(Erfc.logNonNegative(-t * SQRT_HALF)));
  }

  /**
   * ln Phi(t - w) - ln Phi(t) without the cancellation of subtracting two large logs: when both
   * arguments are in the continued-fraction range, ln Phi(y) = -y^2/2 - ln(2 sqrt(pi)) - ln
   * f(-y/sqrt(2)), so the difference is t w - w^2/2 + ln(f(-t/sqrt 2) / f(-(t-w)/sqrt 2)). Taking
   * the shift w itself (not t - w rounded) keeps the quadratic part exact to rounding of w (the
   * skew-normal tail integral needs this at t = -1e4).
   */
  public static double logCdfShift(double t, double w) {
    double s = t - w;
    double xs = -s / SQRT2;
    double xt = -t / SQRT2;
    if (xs >= Erfc.FRACTION_FROM && xt >= Erfc.FRACTION_FROM) {
      return t * w - 0.5 * w * w + Math.log(Erfc.fraction(xt) / Erfc.fraction(xs));
    }
    return logCdf(s) - logCdf(t);
  }

  /**
   * ln P(a &lt; Z &lt;= b), without cancellation: the difference is taken on the side of zero where
   * both tail probabilities are small (privacy accounting needs the masses of narrow intervals many
   * standard deviations out). -infinity when the interval is empty.
   */
  public static double logProbabilityBetween(double a, double b) {
    if (!(a < b)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a >= 0) {
      // Upper tail: Phi(-a) - Phi(-b).
      return logDifference(logCdf(-a), logCdf(-b));
    }
    if (b <= 0) {
      return logDifference(logCdf(b), logCdf(a));
    }
    // Straddles zero: 1 - Phi(a) - Phi(-b), both terms below 1/2.
    return Math.log1p(-(cdf(a) + cdf(-b)));
  }

  /** ln(e^x - e^y) for x &gt;= y; -infinity when they are equal. */
  private static double logDifference(double x, double y) {
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    if (!(x > y)) {
      return Double.NEGATIVE_INFINITY;
    }
    return x + Math.log1p(-Math.exp(y - x));
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

  /** z^2 as hi + lo exactly (a fused multiply-add gives the rounding error of z*z). */
  private static double[] exactSquare(double z) {
    double hi = z * z;
    double lo = Math.fma(z, z, -hi);
    return new double[] {hi, lo};
  }
}
