package dev.trustml.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SoftmaxTest {

  @Test
  void tinyLossesStayOrdered() {
    // Margins 30 and 31: losses e^-30 and e^-31, which logsumexp - z_y rounds to the same value.
    float[] a = {30f, 0f};
    float[] b = {31f, 0f};
    assertEquals(Math.exp(-30), Softmax.loss(a, 0, 2, 0), 1e-25);
    assertEquals(Math.exp(-31), Softmax.loss(b, 0, 2, 0), 1e-25);
  }

  @Test
  void stableSoftmaxWithHugeLogits() {
    float[] z = {10000f, -10000f, 0f};
    assertEquals(10000.0, Softmax.logSumExp(Softmax.widen(z, 0, 3), 0, 3), 1e-9);
    assertEquals(20000.0, Softmax.loss(z, 0, 3, 1), 1e-6);
    assertEquals(1.0, Softmax.probabilities(z, 0, 3)[0], 0.0);
  }

  /** Closed form: p = (1, e, e^2) / (1 + e + e^2) for z = (0, 1, 2), here at an offset. */
  @Test
  void probabilitiesInPlaceMatchTheClosedForm() {
    double[] z = {7, 0, 1, 2, 7};
    Softmax.probabilitiesInPlace(z, 1, 3);
    double sum = 1 + Math.E + Math.E * Math.E;
    assertArrayEquals(new double[] {7, 1 / sum, Math.E / sum, Math.E * Math.E / sum, 7}, z, 1e-15);
  }

  /** log p_j stays exact where p_j underflows: z = (0, 800) has log p_0 = -800 - log1p(e^-800). */
  @Test
  void logProbabilitiesSurviveUnderflow() {
    double[] logP = Softmax.logProbabilities(new double[] {0, 800}, 0, 2);
    assertEquals(-800.0, logP[0], 0.0);
    assertEquals(0.0, logP[1], 0.0);
    double[] mid = Softmax.logProbabilities(new double[] {1, 2, 3}, 0, 3);
    double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
    assertArrayEquals(new double[] {1 - lse, 2 - lse, 3 - lse}, mid, 1e-15);
  }

  /** The first class wins ties, as reported accuracies assume. */
  @Test
  void argMaxTakesTheFirstOfTiedClasses() {
    assertEquals(1, Softmax.argMax(new float[] {9f, 0f, 3f, 3f}, 1, 3));
    assertEquals(0, Softmax.argMax(new double[] {2, 2}, 0, 2));
  }

  /** Temperature T divides the logits: log p_y at T = 2 for z = (2, 0) is 1 - log(e + 1). */
  @Test
  void temperatureScalesTheLogits() {
    assertEquals(
        1 - Math.log(Math.E + 1), Softmax.logProbability(new double[] {2, 0}, 0, 2, 0, 2.0), 1e-15);
  }
}
