package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
