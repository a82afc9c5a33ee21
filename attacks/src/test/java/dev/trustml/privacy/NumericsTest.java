package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.stats.Binomial;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The numerical building blocks: FFT and the discrete PLD composition (normal tails: {@code
 * stats.NormalTest}).
 */
class NumericsTest {

  @Test
  void fftConvolutionMatchesDirectSum() {
    SplittableRandom random = new SplittableRandom(7);
    double[] a = new double[37];
    double[] b = new double[50];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextDouble();
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextDouble();
    }
    int n = Fft.sizeFor(a.length + b.length - 1);
    double[] ar = new double[n];
    double[] ai = new double[n];
    double[] br = new double[n];
    double[] bi = new double[n];
    System.arraycopy(a, 0, ar, 0, a.length);
    System.arraycopy(b, 0, br, 0, b.length);
    Fft.forward(ar, ai);
    Fft.forward(br, bi);
    for (int k = 0; k < n; k++) {
      double re = ar[k] * br[k] - ai[k] * bi[k];
      ai[k] = ar[k] * bi[k] + ai[k] * br[k];
      ar[k] = re;
    }
    Fft.inverse(ar, ai);
    for (int m = 0; m < a.length + b.length - 1; m++) {
      double direct = 0;
      for (int i = Math.max(0, m - b.length + 1); i <= Math.min(m, a.length - 1); i++) {
        direct += a[i] * b[m - i];
      }
      assertEquals(direct, ar[m], 1e-12, "index " + m);
      assertEquals(0.0, ai[m], 1e-12);
    }
  }

  // The T-fold composition (FFT power + cyclic window) against brute-force convolution, and the
  // infinity mass against 1 - (1 - p_inf)^T (+ the charged tail bound).
  @Test
  void selfCompositionMatchesRepeatedConvolution() {
    double h = 0.1;
    double[] single = {0.15, 0.05, 0.5, 0.29};
    double inf = 0.01;
    DiscretePrivacyLoss pld = new DiscretePrivacyLoss(h, -2, single, inf);
    int times = 6;
    DiscretePrivacyLoss composed = pld.selfCompose(times, 1e-15);

    double[] direct = {1.0};
    for (int t = 0; t < times; t++) {
      double[] next = new double[direct.length + single.length - 1];
      for (int i = 0; i < direct.length; i++) {
        for (int j = 0; j < single.length; j++) {
          next[i + j] += direct[i] * single[j];
        }
      }
      direct = next;
    }
    double directInf = 1 - Math.pow(1 - inf, times);
    assertEquals(directInf, composed.infinityMass(), 1e-15 + 1e-15);
    for (double eps = -1.5; eps < 2.5; eps += 0.037) {
      double expected = directInf;
      for (int m = 0; m < direct.length; m++) {
        double loss = (times * -2 + m) * h;
        if (loss > eps) {
          expected += direct[m] * -Math.expm1(eps - loss);
        }
      }
      assertEquals(expected, composed.deltaForEpsilon(eps), 1e-13, "eps " + eps);
      double back = composed.epsilonForDelta(composed.deltaForEpsilon(eps));
      // Invert only where delta still falls (above the largest loss it is flat at the inf mass).
      if (eps >= 0 && composed.deltaForEpsilon(eps) > composed.infinityMass() + 1e-6) {
        assertEquals(eps, back, 1e-9, "epsilonForDelta inverts deltaForEpsilon at " + eps);
      }
    }
    assertTrue(composed.epsilonForDelta(directInf * 0.5) == Double.POSITIVE_INFINITY);
  }

  @Test
  void fftSizeIsTheNextPowerOfTwoUpToTwoToThe30() {
    assertEquals(1, Fft.sizeFor(1));
    assertEquals(2, Fft.sizeFor(2));
    assertEquals(4, Fft.sizeFor(3));
    assertEquals(4, Fft.sizeFor(4));
    assertEquals(8, Fft.sizeFor(5));
    assertEquals(1 << 30, Fft.sizeFor(1 << 30));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fft.sizeFor((1L << 30) + 1));
    assertEquals("FFT size too large: 1073741825", e.getMessage());
    assertEquals(
        "FFT length must be a power of two, got 6",
        assertThrows(
                IllegalArgumentException.class, () -> Fft.forward(new double[6], new double[6]))
            .getMessage());
  }

  // Targets between the largest and smallest finite loss: delta(eps) below the lowest grid loss
  // l_0 is A - e^eps sum_l p_l e^-l (all losses above eps), solved in closed form.
  @Test
  void epsilonBelowTheLowestGridLossIsSolvedInClosedForm() {
    double[] probs = {0.5, 0.49}; // losses 0.5 and 0.6, and 0.01 of infinite loss
    DiscretePrivacyLoss pld = new DiscretePrivacyLoss(0.1, 5, probs, 0.01);
    double weight = 0.5 * Math.exp(-0.5) + 0.49 * Math.exp(-0.6);
    for (double target : new double[] {0.2, 0.3, 0.4}) {
      double expected = Math.log((1 - target) / weight);
      assertTrue(expected > 0 && expected < 0.5, "below l_0: " + expected);
      assertEquals(expected, pld.epsilonForDelta(target), 1e-14, "target " + target);
      assertEquals(target, pld.deltaForEpsilon(expected), 1e-14);
    }
    // A target met already at eps = 0 gives 0, never a negative epsilon.
    assertEquals(0.0, pld.epsilonForDelta(0.45), 0.0);
    // Between the two losses the crossing is found on the grid instead: delta(0.55) =
    // 0.01 + 0.49 (1 - e^-0.05).
    double between = 0.01 + 0.49 * -Math.expm1(-0.05);
    assertEquals(0.55, pld.epsilonForDelta(between), 1e-12);
    // Finite masses that sum to less than the target (tail mass truncated away): eps = 0.
    DiscretePrivacyLoss light = new DiscretePrivacyLoss(0.1, 5, new double[] {0.3, 0.3}, 0.0);
    assertEquals(0.0, light.epsilonForDelta(0.7), 0.0);
  }

  @Test
  void logSpaceArithmetic() {
    assertEquals(Math.log(5), LogSpace.add(Math.log(2), Math.log(3)), 1e-15);
    assertEquals(Math.log(2), LogSpace.add(Math.log(2), Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(Math.log(2), LogSpace.add(Double.NEGATIVE_INFINITY, Math.log(2)), 0.0);
    assertEquals(Math.log(2), LogSpace.subtract(Math.log(5), Math.log(3)), 1e-15);
    assertEquals(Math.log(2), LogSpace.subtract(Math.log(2), Double.NEGATIVE_INFINITY), 0.0);
    // Equal, or y above x: the difference is 0 (log -inf), never NaN.
    assertEquals(Double.NEGATIVE_INFINITY, LogSpace.subtract(1, 1));
    assertEquals(Double.NEGATIVE_INFINITY, LogSpace.subtract(1, 2));
  }

  // Each step adds 1 + Bernoulli(1/2) + Bernoulli(1/2) grid offsets (masses 1/4, 1/2, 1/4 after a
  // zero slot, and a zero slot above): 400 steps compose to 400 + Binomial(800, 1/2). The
  // Chernoff window must leave at most tailBound/2 of that on each side (computed exactly from the
  // binomial tails) and should not be much wider than the exact quantiles.
  @Test
  void compositionWindowIsSoundAndTight() {
    DiscretePrivacyLoss step =
        new DiscretePrivacyLoss(0.1, 0, new double[] {0, 0.25, 0.5, 0.25, 0}, 0);
    assertEquals(5, step.size());
    double tail = 1e-10;
    DiscretePrivacyLoss.ComposedWindow window = step.windowFor(400, tail);
    long lower = window.lower() - 400;
    long upper = window.upper() - 400;
    assertEquals(window.upper() - window.lower() + 1, window.length());
    // Mass below the window: P[X < lower] = P[X > 800 - lower] by symmetry.
    assertTrue(Binomial.upperTail(801 - lower, 800, 0.5) <= tail / 2, "below " + lower);
    assertTrue(Binomial.upperTail(upper + 1, 800, 0.5) <= tail / 2, "above " + upper);
    // The exact quantiles: the smallest u with P[X > u] <= tail / 2.
    long exact = 400;
    while (Binomial.upperTail(exact + 1, 800, 0.5) > tail / 2) {
      exact++;
    }
    long exactWidth = 2 * (exact - 400);
    assertTrue(
        upper - lower <= 1.25 * exactWidth,
        "window [" + lower + ", " + upper + "] vs exact +-" + (exact - 400));
    // One step needs no window: its own range.
    assertEquals(0, step.windowFor(1, tail).lower());
    assertEquals(4, step.windowFor(1, tail).upper());
  }

  // The loss at output x is log(1 - q + q e^z), z = (2x - 1)/(2 s^2), for REMOVE, and its
  // negative for ADD; evaluated without overflow at the grid's ends even for tiny s, where z is in
  // the thousands: about z + ln q above, ln(1 - q) below.
  @Test
  void lossFollowsItsClosedFormAndStaysFiniteForTinyNoise() {
    SubsampledGaussianLoss remove = new SubsampledGaussianLoss(0.3, 0.8, Adjacency.REMOVE);
    SubsampledGaussianLoss add = new SubsampledGaussianLoss(0.3, 0.8, Adjacency.ADD);
    for (double x : new double[] {-3, -0.5, 0.2, 0.5, 0.9, 2.5, 6}) {
      double z = (2 * x - 1) / (2 * 0.64);
      double expected = Math.log(0.7 + 0.3 * Math.exp(z));
      assertEquals(expected, remove.loss(x), 1e-14 * Math.max(1, Math.abs(expected)), "x " + x);
      assertEquals(-expected, add.loss(x), 1e-14 * Math.max(1, Math.abs(expected)), "x " + x);
    }
    double s = 0.02;
    SubsampledGaussianLoss sharp = new SubsampledGaussianLoss(0.5, s, Adjacency.REMOVE);
    double zTop = (2 * (1 + 9 * s) - 1) / (2 * s * s); // 1700
    assertEquals(zTop + Math.log(0.5), sharp.loss(1 + 9 * s), 1e-12 * zTop);
    assertEquals(Math.log(0.5), sharp.loss(-9 * s), 1e-15);
    assertEquals(zTop + Math.log(0.5) - Math.log(0.5), sharp.lossRangeWidth(), 1e-12 * zTop);
    // Without subsampling the loss is z itself, however negative.
    SubsampledGaussianLoss full = new SubsampledGaussianLoss(1.0, s, Adjacency.REMOVE);
    assertEquals(-zTop, full.loss(-9 * s), 1e-12 * zTop);
  }
}
