package dev.trustml.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {

  /**
   * Kingma &amp; Ba 2015, Sec. 2.1: with bias correction the first step is lr * g / (|g| + eps),
   * i.e. about lr in the direction of -g whatever the gradient's scale.
   */
  @Test
  void firstStepHasTheLearningRateAsItsSize() {
    double lr = 0.01;
    double[] theta = {1, 1, 1};
    double[] g = {1e-6, -3.0, 250.0};
    new Adam(lr, 3).step(theta, g);
    for (int i = 0; i < 3; i++) {
      assertEquals(1 - lr * g[i] / (Math.abs(g[i]) + Adam.EPSILON), theta[i], 1e-15, "i=" + i);
    }
  }

  /** Two steps by hand from Algorithm 1: m_hat = m / (1 - b1^t), v_hat = v / (1 - b2^t). */
  @Test
  void secondStepFollowsAlgorithmOne() {
    double lr = 0.5;
    double g1 = 2.0;
    double g2 = -1.0;
    double x = 3.0 - lr * g1 / (Math.abs(g1) + 1e-8);
    double m = 0.9 * (0.1 * g1) + 0.1 * g2;
    double v = 0.999 * (0.001 * g1 * g1) + 0.001 * g2 * g2;
    double mHat = m / (1 - 0.9 * 0.9);
    double vHat = v / (1 - 0.999 * 0.999);
    x -= lr * mHat / (Math.sqrt(vHat) + 1e-8);

    double[] theta = {3.0};
    Adam adam = new Adam(lr, 1);
    adam.step(theta, new double[] {g1});
    adam.step(theta, new double[] {g2});
    assertEquals(x, theta[0], 1e-14);
    assertEquals(2, adam.steps());
  }

  /** Minimises sum_i a_i (x_i - c_i)^2 / 2 with badly scaled curvatures a_i. */
  @Test
  void findsTheMinimumOfABadlyScaledQuadratic() {
    double[] a = {1e-3, 1, 1e3};
    double[] c = {-2, 0.5, 7};
    double[] x = {0, 0, 0};
    double[] g = new double[3];
    Adam adam = new Adam(0.05, 3);
    for (int step = 0; step < 5000; step++) {
      for (int i = 0; i < 3; i++) {
        g[i] = a[i] * (x[i] - c[i]);
      }
      adam.step(x, g);
    }
    assertArrayEquals(c, x, 1e-3);
  }

  /** A range update (embedding rows) leaves the rest of the tensor and its moments alone. */
  @Test
  void rangeUpdatesTouchOnlyTheirRange() {
    double[][] theta = {{0, 0, 0, 0}, {5}};
    Adam adam = Adam.forTensors(0.1, theta);
    adam.beginStep();
    adam.update(0, theta[0], new double[] {1, 1, 1, 1}, 1, 3);
    assertArrayEquals(new double[] {0, -0.1, -0.1, 0}, theta[0], 1e-9);
    assertEquals(5, theta[1][0], 0.0);
    // Entry 0 has no moment yet: its first update is again a full first-step move.
    adam.beginStep();
    adam.update(0, theta[0], new double[] {1, 0, 0, 0}, 0, 1);
    double c1 = 1 - 0.9 * 0.9;
    double c2 = 1 - 0.999 * 0.999;
    double expected = -0.1 * (0.1 / c1) / (Math.sqrt(0.001 / c2) + 1e-8);
    assertEquals(expected, theta[0][0], 1e-15);
  }

  @Test
  void anUpdateBeforeTheFirstStepIsRefused() {
    Adam adam = new Adam(0.1, 2);
    assertThrows(
        IllegalStateException.class, () -> adam.update(0, new double[2], new double[2], 0, 2));
    assertThrows(IllegalArgumentException.class, () -> new Adam(0, 2));
  }
}
