package dev.trustml.canary;

/**
 * Standard normal density and distribution function, accurate in the far lower tail (log-space), as
 * the exposure extrapolation needs probabilities far below 1e-16.
 *
 * <p>erfc uses the power series erf(x) = 2/sqrt(pi) e^{-x^2} sum_n (2x^2)^n x / (1*3*...*(2n+1))
 * (Abramowitz &amp; Stegun 7.1.6; all terms positive, so no cancellation) for x &lt; 1.5, and the
 * continued fraction erfc(x) = e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
 * (A&amp;S 7.1.14) for x &gt;= 1.5, evaluated in log space where it would underflow. The switch
 * point keeps the relative error of erfc below about 1e-14 (1 - erf loses digits as erfc shrinks;
 * the fraction needs more terms as x shrinks: about 90 at x = 1.5).
 */
final class StandardNormal {
  private static final double LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double LN_2_SQRT_PI = Math.log(2 * Math.sqrt(Math.PI));
  private static final double SQRT2 = Math.sqrt(2);
  private static final double CONTINUED_FRACTION_FROM = 1.5;

  private StandardNormal() {}

  static double pdf(double z) {
    return Math.exp(logPdf(z));
  }

  static double logPdf(double z) {
    return -0.5 * z * z - LN_SQRT_2PI;
  }

  /** Phi(z). */
  static double cdf(double z) {
    double x = -z / SQRT2;
    if (x >= CONTINUED_FRACTION_FROM) {
      // Phi(z) = e^{-z^2/2} / (2 sqrt(pi) f(x)); e^{-z^2/2} taken from z itself (see below).
      return expMinusHalfSquare(z) / (2 * SQRT_PI * continuedFraction(x));
    }
    return 0.5 * erfc(x);
  }

  /** ln Phi(z), finite for every finite z. */
  static double logCdf(double z) {
    double x = -z / SQRT2;
    if (x >= CONTINUED_FRACTION_FROM) {
      double[] sq = exactSquare(z);
      return -0.5 * sq[0] - 0.5 * sq[1] - LN_2_SQRT_PI - Math.log(continuedFraction(x));
    }
    if (z > 0) {
      // Phi(z) = 1 - Phi(-z); log1p keeps the tiny upper-tail mass.
      return Math.log1p(-cdf(-z));
    }
    return Math.log(0.5 * erfc(x));
  }

  /**
   * ln Phi(t - w) - ln Phi(t) without the cancellation of subtracting two large logs: when both
   * arguments are in the continued-fraction range, ln Phi(y) = -y^2/2 - ln(2 sqrt(pi)) - ln
   * f(-y/sqrt(2)), so the difference is t w - w^2/2 + ln(f(-t/sqrt 2) / f(-(t-w)/sqrt 2)). Taking
   * the shift w itself (not t - w rounded) keeps the quadratic part exact to rounding of w.
   */
  static double logCdfShift(double t, double w) {
    double s = t - w;
    double xs = -s / SQRT2;
    double xt = -t / SQRT2;
    if (xs >= CONTINUED_FRACTION_FROM && xt >= CONTINUED_FRACTION_FROM) {
      return t * w - 0.5 * w * w + Math.log(continuedFraction(xt) / continuedFraction(xs));
    }
    return logCdf(s) - logCdf(t);
  }

  /** The complementary error function erfc(x) = 1 - erf(x). */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2 - erfc(-x);
    }
    if (x >= CONTINUED_FRACTION_FROM) {
      return Math.exp(-x * x) / (SQRT_PI * continuedFraction(x));
    }
    return 1 - erfSeries(x);
  }

  /**
   * e^{-z^2/2} to within a few ulps even when z^2/2 is in the hundreds: rounding z*z costs |z|^2/2
   * * 2^-53 absolute in the exponent (1e-13 relative at z = 30), so z*z is split exactly into hi +
   * lo with a fused multiply-add and the two parts exponentiated separately.
   */
  private static double expMinusHalfSquare(double z) {
    double[] sq = exactSquare(z);
    return Math.exp(-0.5 * sq[0]) * Math.exp(-0.5 * sq[1]);
  }

  private static double[] exactSquare(double z) {
    double hi = z * z;
    double lo = Math.fma(z, z, -hi);
    return new double[] {hi, lo};
  }

  private static double erfSeries(double x) {
    double twoX2 = 2 * x * x;
    double term = x;
    double sum = x;
    for (int n = 1; n < 500; n++) {
      term *= twoX2 / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) {
        break;
      }
    }
    return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }

  /**
   * f(x) = x + a1/(x + a2/(x + ...)), a_n = n/2, so that erfc(x) = e^{-x^2} / (sqrt(pi) f(x)), by
   * the modified Lentz method; for x >= 1.5.
   */
  private static double continuedFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = f;
    double d = 0;
    for (int n = 1; n < 5000; n++) {
      double a = 0.5 * n;
      d = x + a * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) {
        break;
      }
    }
    return f;
  }
}
