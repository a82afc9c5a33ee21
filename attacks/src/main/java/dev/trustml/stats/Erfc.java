package dev.trustml.stats;

/**
 * The complementary error function erfc(x) = 1 - erf(x), the arithmetic under {@link Normal}.
 *
 * <p>Two evaluations, each where it is used:
 *
 * <ul>
 *   <li>{@link #value} and {@link #fraction}: the power series erf(x) = 2/sqrt(pi) e^{-x^2} sum_n
 *       (2x^2)^n x / (1*3*...*(2n+1)) (Abramowitz &amp; Stegun 7.1.6; all terms positive, so no
 *       cancellation) for x &lt; {@value #FRACTION_FROM}, and the continued fraction erfc(x) =
 *       e^{-x^2}/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))) (A&amp;S 7.1.14) from there
 *       on, whose value f(x) = x + (1/2)/(x + ...) {@link Normal} combines with an exactly formed
 *       e^{-x^2} in log space. The switch point keeps the relative error of erfc below about 1e-14
 *       (1 - erf loses digits as erfc shrinks; the fraction needs more terms as x shrinks: about 90
 *       at x = 1.5).
 *   <li>{@link #logNonNegative}: ln erfc(z) for z &gt;= 0 by the Chebyshev fit of Press et al.,
 *       Numerical Recipes (3rd ed., 2007, Sec. 6.2, {@code Erf::erfccheb}): erfc(z) = t exp(-z^2 +
 *       P(t)) with t = 2/(2+z), relative error about 1e-16. The fit is already an exponent, so its
 *       logarithm never forms the (possibly underflowing) tail probability; LiRA's offline scores
 *       have been computed with it since they were introduced, and keeping it keeps audits' numbers
 *       identical for the same seed.
 * </ul>
 */
final class Erfc {
  /** Where {@link #value} switches from the series to the continued fraction. */
  static final double FRACTION_FROM = 1.5;

  private static final double SQRT_PI = Math.sqrt(Math.PI);

  /** Chebyshev coefficients of Numerical Recipes 3rd ed., Sec. 6.2 ({@code Erf::cof}). */
  private static final double[] CHEBYSHEV = {
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
    -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8, -8.5238095915e-8,
    6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
    9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13,
    3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
    -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17
  };

  private Erfc() {}

  /** erfc(x) for any x (NaN for NaN). */
  static double value(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x < 0) {
      return 2 - value(-x);
    }
    if (x == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    if (x >= FRACTION_FROM) {
      return Math.exp(-x * x) / (SQRT_PI * fraction(x));
    }
    return 1 - erfSeries(x);
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
   * the modified Lentz method; for x &gt;= {@value #FRACTION_FROM}.
   */
  static double fraction(double x) {
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

  /** ln erfc(z) for z &gt;= 0, via the Chebyshev fit in its exponent form. */
  static double logNonNegative(double z) {
    if (z == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double t = 2.0 / (2.0 + z);
    double ty = 4.0 * t - 2.0;
    // Clenshaw recurrence for the Chebyshev series in ty.
    double d = 0.0;
    double dd = 0.0;
    for (int j = CHEBYSHEV.length - 1; j > 0; j--) {
      double tmp = d;
      d = ty * d - dd + CHEBYSHEV[j];
      dd = tmp;
    }
    return Math.log(t) - z * z + 0.5 * (CHEBYSHEV[0] + ty * d) - dd;
  }
}
