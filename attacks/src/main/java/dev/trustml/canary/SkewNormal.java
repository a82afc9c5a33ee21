package dev.trustml.canary;

import dev.trustml.stats.Normal;
import java.util.random.RandomGenerator;

/**
 * Azzalini's skew-normal distribution SN(location xi, scale omega, shape alpha): density {@code
 * 2/omega * phi(z) * Phi(alpha z)} with {@code z = (x - xi)/omega}. Carlini et al. ("The Secret
 * Sharer", USENIX Security 2019, Sec. 4.3) fit it to the losses of random candidates to extrapolate
 * a canary's rank when the candidate space is too large to enumerate.
 *
 * <p>The CDF uses Owen's T function, F(x) = Phi(z) - 2 T(z, alpha) (Azzalini 1985; Owen 1956),
 * which is exact up to rounding but loses relative accuracy when F is tiny and alpha &gt; 0 (two
 * nearly equal terms cancel). {@link #logCdf} therefore switches to integrating the density in log
 * space below {@code F = 1e-5}, which is where large exposures live.
 */
public record SkewNormal(double location, double scale, double shape) {
  private static final double LN2 = Math.log(2);
  private static final double TWO_PI = 2 * Math.PI;
  private static final double OWEN_CDF_MIN = 1e-5;

  /** Validates the parameters: finite, scale &gt; 0. */
  public SkewNormal {
    if (!Double.isFinite(location)
        || !Double.isFinite(shape)
        || !(scale > 0)
        || !Double.isFinite(scale)) {
      throw new IllegalArgumentException(
          "skew-normal needs finite location/shape and scale > 0: "
              + location
              + ", "
              + scale
              + ", "
              + shape);
    }
  }

  /** delta = alpha / sqrt(1 + alpha^2), the correlation parameter of the moments below. */
  public double delta() {
    return shape / Math.sqrt(1 + shape * shape);
  }

  /** Mean xi + omega delta sqrt(2/pi) (Azzalini 1985). */
  public double mean() {
    return location + scale * delta() * Math.sqrt(2 / Math.PI);
  }

  /** Variance omega^2 (1 - 2 delta^2 / pi). */
  public double variance() {
    double d = delta();
    return scale * scale * (1 - 2 * d * d / Math.PI);
  }

  /** Skewness (4 - pi)/2 * (delta sqrt(2/pi))^3 / (1 - 2 delta^2/pi)^{3/2}. */
  public double skewness() {
    double m = delta() * Math.sqrt(2 / Math.PI);
    return (4 - Math.PI) / 2 * m * m * m / Math.pow(1 - m * m, 1.5);
  }

  /** Density at x. */
  public double pdf(double x) {
    return Math.exp(logPdf(x));
  }

  /** ln density: ln 2 - ln omega + ln phi(z) + ln Phi(alpha z). */
  public double logPdf(double x) {
    double z = (x - location) / scale;
    return LN2 - Math.log(scale) + Normal.logPdf(z) + Normal.logCdf(shape * z);
  }

  /** P(X &lt;= x) = Phi(z) - 2 T(z, alpha). */
  public double cdf(double x) {
    double z = (x - location) / scale;
    double f = Normal.cdf(z) - 2 * owensT(z, shape);
    return Math.min(1, Math.max(0, f));
  }

  /** ln P(X &lt;= x), accurate (relative) far into the lower tail. */
  public double logCdf(double x) {
    double owen = cdf(x);
    if (owen >= OWEN_CDF_MIN) {
      return Math.log(owen);
    }
    return logLowerTailByIntegration(x);
  }

  /**
   * ln F(x) by integrating the standardised density below z = (x - xi)/omega: ln F = ln g(z) + ln
   * integral_0^inf exp(ln g(z - v) - ln g(z)) dv with g(s) = 2 phi(s) Phi(alpha s). The exponent is
   * formed as a difference of small terms, zv - v^2/2 + [ln Phi(alpha(z - v)) - ln Phi(alpha z)],
   * never as a difference of two huge logs, so the integrand is accurate even for z = -1e4. ln g is
   * concave (ln phi and ln Phi are), so below the mode the integrand decays at least like
   * exp(-slope v) and [0, 50/slope] holds all but e^-50 of the mass.
   */
  double logLowerTailByIntegration(double x) {
    double z = (x - location) / scale;
    double t = shape * z;
    // d/dz ln g = -z + alpha phi(alpha z)/Phi(alpha z); the ratio taken in log space.
    double slope = -z + shape * Math.exp(Normal.logPdf(t) - Normal.logCdf(t));
    if (!(slope > 0)) {
      // Not below the mode; cannot happen when F < 1e-5, but stay safe.
      return Math.log(Math.max(cdf(x), Double.MIN_VALUE));
    }
    double upper = 50 / slope;
    double integral =
        Quadrature.adaptiveSimpson(
            v -> Math.exp(z * v - 0.5 * v * v + Normal.logCdfShift(t, shape * v)),
            0,
            upper,
            1e-12 / slope);
    double logDensity = LN2 + Normal.logPdf(z) + Normal.logCdf(t);
    return logDensity + Math.log(integral);
  }

  /** A random draw: delta |U0| + sqrt(1 - delta^2) U1 with U0, U1 iid N(0,1) (Azzalini 1985). */
  public double sample(RandomGenerator random) {
    double d = delta();
    double u0 = Math.abs(random.nextGaussian());
    double u1 = random.nextGaussian();
    return location + scale * (d * u0 + Math.sqrt(1 - d * d) * u1);
  }

  /**
   * Owen's T function T(h, a) = 1/(2 pi) * integral_0^a exp(-h^2 (1 + x^2)/2) / (1 + x^2) dx (Owen
   * 1956). For |a| &gt; 1 the integration range is folded to [0, 1/|a|] by Owen's identity T(h,a) +
   * T(ah,1/a) = Phi(h)/2 + Phi(ah)/2 - Phi(h)Phi(ah) (a &gt; 0), whose right side is written as
   * (Phi(h)Phi(-ah) + Phi(ah)Phi(-h))/2 to avoid cancellation.
   */
  public static double owensT(double h, double a) {
    if (a == 0 || Double.isNaN(h) || Double.isNaN(a)) {
      return a == 0 ? 0 : Double.NaN;
    }
    if (a < 0) {
      return -owensT(h, -a);
    }
    if (Double.isInfinite(a)) {
      // T(h, inf) = (1 - Phi(|h|)) / 2.
      return 0.5 * Normal.cdf(-Math.abs(h));
    }
    if (a <= 1) {
      return owensTIntegral(h, a);
    }
    double ah = a * h;
    double folded = 0.5 * (Normal.cdf(h) * Normal.cdf(-ah) + Normal.cdf(ah) * Normal.cdf(-h));
    return folded - owensTIntegral(ah, 1 / a);
  }

  private static double owensTIntegral(double h, double a) {
    double halfH2 = 0.5 * h * h;
    if (halfH2 > 760) {
      return 0; // exp(-h^2/2) underflows: T is below the smallest double.
    }
    // exp(-h^2/2) factored out so the integrand is in (0, 1].
    double integral =
        Quadrature.adaptiveSimpson(x -> Math.exp(-halfH2 * x * x) / (1 + x * x), 0, a, 1e-16);
    return Math.exp(-halfH2) / TWO_PI * integral;
  }
}
