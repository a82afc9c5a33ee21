package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SkewNormalFitTest {

  private static double[] draw(SkewNormal truth, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = truth.sample(random);
    }
    return xs;
  }

  @Test
  void maximumLikelihoodRecoversKnownParameters() {
    // n = 10,000 from SN(2, 1.5, 3). Over independent seeds the estimates scatter with standard
    // deviations of about 0.012 (location), 0.013 (scale) and 0.07 (shape); the tolerances are
    // about 5 of them, so a biased or non-converged fit fails while seed noise does not.
    SkewNormal truth = new SkewNormal(2, 1.5, 3);
    SkewNormal fit = SkewNormalFit.maximumLikelihood(draw(truth, 10_000, 42));
    assertEquals(2, fit.location(), 0.06);
    assertEquals(1.5, fit.scale(), 0.07);
    assertEquals(3, fit.shape(), 0.35);
  }

  @Test
  void maximumLikelihoodRecoversLeftSkewedParameters() {
    // Seed-to-seed standard deviations at n = 10,000: about 0.007, 0.006, 0.08.
    SkewNormal truth = new SkewNormal(-1, 0.5, -2);
    SkewNormal fit = SkewNormalFit.maximumLikelihood(draw(truth, 10_000, 7));
    assertEquals(-1, fit.location(), 0.035);
    assertEquals(0.5, fit.scale(), 0.03);
    assertEquals(-2, fit.shape(), 0.4);
  }

  @Test
  void methodOfMomentsMatchesTheSampleMoments() {
    // The moment fit must reproduce the sample mean/variance/skewness it inverted.
    double[] xs = draw(new SkewNormal(5, 2, 2), 5_000, 3);
    SkewNormal mom = SkewNormalFit.methodOfMoments(xs);
    double mean = 0;
    for (double x : xs) {
      mean += x / xs.length;
    }
    double m2 = 0;
    double m3 = 0;
    for (double x : xs) {
      m2 += (x - mean) * (x - mean) / xs.length;
      m3 += Math.pow(x - mean, 3) / xs.length;
    }
    assertEquals(mean, mom.mean(), 1e-9);
    assertEquals(m2, mom.variance(), 1e-9);
    assertEquals(m3 / Math.pow(m2, 1.5), mom.skewness(), 1e-9);
  }

  @Test
  void likelihoodRefinementDoesNotLoseToMoments() {
    double[] xs = draw(new SkewNormal(0, 1, 6), 5_000, 5);
    double mom = SkewNormalFit.meanLogLikelihood(xs, SkewNormalFit.methodOfMoments(xs));
    double mle = SkewNormalFit.meanLogLikelihood(xs, SkewNormalFit.maximumLikelihood(xs));
    assertTrue(mle >= mom, mle + " < " + mom);
  }

  @Test
  void skewnessBeyondTheSkewNormalRangeIsClamped() {
    // Exponential draws have skewness 2, beyond the skew-normal's 0.9953: the fit must stay finite
    // with the shape at the clamped skewness 0.99.
    SplittableRandom random = new SplittableRandom(9);
    double[] xs = new double[5_000];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = -Math.log(1 - random.nextDouble());
    }
    SkewNormal mom = SkewNormalFit.methodOfMoments(xs);
    assertEquals(SkewNormalFit.MAX_ABS_SKEWNESS, mom.skewness(), 1e-9);
    SkewNormal mle = SkewNormalFit.maximumLikelihood(xs);
    assertTrue(Math.abs(mle.shape()) <= SkewNormalFit.MAX_ABS_SHAPE);
    assertTrue(Double.isFinite(mle.location()) && mle.scale() > 0);
  }

  @Test
  void degenerateSamplesAreRejected() {
    assertThrows(
        IllegalArgumentException.class, () -> SkewNormalFit.methodOfMoments(new double[] {1, 2}));
    assertThrows(
        IllegalArgumentException.class,
        () -> SkewNormalFit.methodOfMoments(new double[] {3, 3, 3, 3}));
  }
}
