package dev.trustml.canary;

/**
 * Fits a {@link SkewNormal} to a sample of candidate losses, as Carlini et al. (2019, Sec. 4.3) do
 * to extrapolate exposure beyond what can be enumerated.
 *
 * <p>{@link #methodOfMoments} inverts the mean/variance/skewness formulas (Azzalini 1985); the
 * sample skewness is clamped to +-{@value #MAX_ABS_SKEWNESS} because a skew-normal cannot be more
 * skewed than about 0.9953 and noise can push a sample past it. {@link #maximumLikelihood} starts
 * there and refines (xi, ln omega, alpha) with Nelder-Mead; the shape is kept within +-{@value
 * #MAX_ABS_SHAPE} because the likelihood can increase without bound in alpha on samples whose
 * values all fall on one side of the location (a known skew-normal MLE pathology).
 */
public final class SkewNormalFit {
  /** Largest |sample skewness| accepted by the moment inversion. */
  public static final double MAX_ABS_SKEWNESS = 0.99;

  /** Largest |alpha| the likelihood search may reach. */
  public static final double MAX_ABS_SHAPE = 50;

  private SkewNormalFit() {}

  /** Method-of-moments fit. Needs at least 3 values with positive variance. */
  public static SkewNormal methodOfMoments(double[] sample) {
    Moments m = Moments.of(sample);
    double g = Math.max(-MAX_ABS_SKEWNESS, Math.min(MAX_ABS_SKEWNESS, m.skewness));
    // Invert skewness: |delta| = sqrt(pi/2 * |g|^(2/3) / (|g|^(2/3) + ((4 - pi)/2)^(2/3))).
    double g23 = Math.pow(Math.abs(g), 2.0 / 3);
    double c23 = Math.pow((4 - Math.PI) / 2, 2.0 / 3);
    double delta = Math.signum(g) * Math.sqrt(Math.PI / 2 * g23 / (g23 + c23));
    delta = Math.max(-0.9999, Math.min(0.9999, delta));
    double shape = delta / Math.sqrt(1 - delta * delta);
    double scale = Math.sqrt(m.variance / (1 - 2 * delta * delta / Math.PI));
    double location = m.mean - scale * delta * Math.sqrt(2 / Math.PI);
    return new SkewNormal(
        location, scale, Math.max(-MAX_ABS_SHAPE, Math.min(MAX_ABS_SHAPE, shape)));
  }

  /** Maximum-likelihood fit started from {@link #methodOfMoments}. */
  public static SkewNormal maximumLikelihood(double[] sample) {
    SkewNormal start = methodOfMoments(sample);
    double[] x0 = {start.location(), Math.log(start.scale()), start.shape()};
    double[] steps = {0.1 * start.scale(), 0.1, Math.max(0.5, 0.2 * Math.abs(start.shape()))};
    double[] best =
        NelderMead.minimise(p -> negativeLogLikelihood(sample, p), x0, steps, 1e-10, 2000);
    SkewNormal fitted = fromParameters(best);
    // Nelder-Mead only accepts improvements, but guard against a non-finite start anyway.
    return negativeLogLikelihood(sample, best) <= negativeLogLikelihood(sample, x0)
        ? fitted
        : start;
  }

  /** Mean log-density of the sample under {@code dist} (for comparing fits). */
  public static double meanLogLikelihood(double[] sample, SkewNormal dist) {
    double sum = 0;
    for (double x : sample) {
      sum += dist.logPdf(x);
    }
    return sum / sample.length;
  }

  private static double negativeLogLikelihood(double[] sample, double[] p) {
    if (Math.abs(p[2]) > MAX_ABS_SHAPE || !Double.isFinite(p[0]) || !(Math.abs(p[1]) < 700)) {
      return Double.POSITIVE_INFINITY;
    }
    double nll = -meanLogLikelihood(sample, fromParameters(p));
    return Double.isNaN(nll) ? Double.POSITIVE_INFINITY : nll;
  }

  private static SkewNormal fromParameters(double[] p) {
    return new SkewNormal(p[0], Math.exp(p[1]), p[2]);
  }

  /** Sample mean, (biased) variance and skewness g1 = m3 / m2^{3/2}. */
  private record Moments(double mean, double variance, double skewness) {
    static Moments of(double[] sample) {
      if (sample.length < 3) {
        throw new IllegalArgumentException(
            "a skew-normal fit needs at least 3 values, got " + sample.length);
      }
      double mean = 0;
      for (double x : sample) {
        mean += x;
      }
      mean /= sample.length;
      double m2 = 0;
      double m3 = 0;
      for (double x : sample) {
        double d = x - mean;
        m2 += d * d;
        m3 += d * d * d;
      }
      m2 /= sample.length;
      m3 /= sample.length;
      if (!(m2 > 0) || !Double.isFinite(m2)) {
        throw new IllegalArgumentException(
            "a skew-normal fit needs values that differ (variance " + m2 + ")");
      }
      return new Moments(mean, m2, m3 / Math.pow(m2, 1.5));
    }
  }
}
