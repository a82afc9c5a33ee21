package dev.trustml.membership;

/**
 * Normal-distribution functions in log space, for LiRA's likelihood ratios and tail tests.
 *
 * <p>The upper tail uses the Chebyshev fit of {@code erfc} of Press et al., Numerical Recipes (3rd
 * ed., 2007, Sec. 6.2, {@code Erf::erfccheb}): {@code erfc(z) = t exp(-z^2 + P(t))} with {@code t =
 * 2/(2+z)} for {@code z >= 0}, relative error about 1e-16. Because the fit is already an exponent,
 * its logarithm is available without ever forming the (possibly underflowing) tail probability:
 * LiRA-offline scores stay distinct and finite for target confidences hundreds of standard
 * deviations above the OUT mean.
 */
final class Gaussian {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2.0 * Math.PI);
  private static final double LN2 = Math.log(2.0);
  private static final double SQRT_HALF = Math.sqrt(0.5);

  /** Chebyshev coefficients of Numerical Recipes 3rd ed., Sec. 6.2 ({@code Erf::cof}). */
  private static final double[] ERFC_COEFFICIENTS = {
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
    -1.624290004647e-6, 1.303655835580e-6, 1.5626441722e-8, -8.5238095915e-8,
    6.529054439e-9, 5.059343495e-9, -9.91364156e-10, -2.27365122e-10,
    9.6467911e-11, 2.394038e-12, -6.886027e-12, 8.94487e-13,
    3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15,
    -1.523e-15, -9.4e-17, 1.21e-16, -2.8e-17
  };

  private Gaussian() {}

  /** {@code log N(x; mean, sd^2)}. */
  static double logDensity(double x, double mean, double sd) {
    double u = (x - mean) / sd;
    return -0.5 * u * u - Math.log(sd) - LOG_SQRT_2PI;
  }

  /** {@code log P(Z > t)} for a standard normal {@code Z}, accurate in both tails. */
  static double logSurvival(double t) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (t >= 0.0) {
      // P(Z > t) = erfc(t / sqrt 2) / 2
      return logErfcNonNegative(t * SQRT_HALF) - LN2;
    }
    // P(Z > t) = 1 - P(Z > -t); the subtracted tail is <= 1/2, so log1p is accurate.
    return Math.log1p(-0.5 * Math.exp(logErfcNonNegative(-t * SQRT_HALF)));
  }

  /** {@code log erfc(z)} for {@code z >= 0}, via the Chebyshev fit in its exponent form. */
  static double logErfcNonNegative(double z) {
    if (z == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    double t = 2.0 / (2.0 + z);
    double ty = 4.0 * t - 2.0;
    // Clenshaw recurrence for the Chebyshev series in ty.
    double d = 0.0;
    double dd = 0.0;
    for (int j = ERFC_COEFFICIENTS.length - 1; j > 0; j--) {
      double tmp = d;
      d = ty * d - dd + ERFC_COEFFICIENTS[j];
      dd = tmp;
    }
    return Math.log(t) - z * z + 0.5 * (ERFC_COEFFICIENTS[0] + ty * d) - dd;
  }
}
