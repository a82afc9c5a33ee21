package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Stable per-row features against closed forms. */
class ModelOutputsTest {

  private static ModelOutputs row(int label, float... logits) throws BadInputException {
    return ModelOutputs.of("test", logits.length, new int[] {label}, logits);
  }

  @Test
  void fromLossesAloneThePerRowFeaturesOfTheTrueClassAreTheLogitsOnes() throws BadInputException {
    // Two classes: loss L = log(1 + e^-m) for the margin m = z_y - z_other, and phi = m exactly;
    // from L alone phi = -L - log(1 - e^-L). Margins from -30 to 30 keep their digits.
    Random random = new Random(3);
    for (int t = 0; t < 1000; t++) {
      float a = (float) (random.nextGaussian() * 10);
      float b = (float) (random.nextGaussian() * 10);
      ModelOutputs logits = row(0, a, b);
      ModelOutputs losses =
          ModelOutputs.ofLosses("losses", 2, new int[] {0}, new double[] {logits.loss(0)});
      double phi = logits.logitScaledConfidence(0);
      assertEquals(phi, losses.logitScaledConfidence(0), 1e-9 * Math.max(1, Math.abs(phi)));
      assertEquals(logits.loss(0), losses.loss(0), 0.0);
      assertEquals(
          logits.logTrueClassProbability(0, 1.0), losses.logTrueClassProbability(0, 1.0), 1e-15);
      assertEquals(logits.trueClassProbability(0), losses.trueClassProbability(0), 1e-15);
    }
    ModelOutputs losses = ModelOutputs.ofLosses("losses", 2, new int[] {1}, new double[] {0.1});
    assertTrue(!losses.hasLogits());
    assertThrows(IllegalStateException.class, () -> losses.entropy(0));
    assertThrows(IllegalStateException.class, () -> losses.logTrueClassProbability(0, 2.0));
    BadInputException zero =
        assertThrows(
            BadInputException.class,
            () -> ModelOutputs.ofLosses("z.csv", 2, new int[] {0, 1}, new double[] {0.2, 0.0}));
    assertTrue(zero.getMessage().contains("z.csv: row 1 has loss 0.0"), zero.getMessage());
  }

  @Test
  void twoClassPhiIsExactlyTheLogitDifference() throws BadInputException {
    Random random = new Random(1);
    for (int t = 0; t < 1000; t++) {
      float a = (float) (random.nextGaussian() * 20);
      float b = (float) (random.nextGaussian() * 20);
      assertEquals((double) a - b, row(0, a, b).logitScaledConfidence(0), 0.0);
      assertEquals((double) b - a, row(1, a, b).logitScaledConfidence(0), 0.0);
    }
  }

  @Test
  void phiMatchesLogOddsForThreeClasses() throws BadInputException {
    // phi = log p_y - log(1 - p_y) = z_y - log(e^{z_1} + e^{z_2}) for y = 0 (Carlini et al. 2022).
    double expected = 0.5 - Math.log(Math.exp(-1.0) + Math.exp(2.0));
    assertEquals(expected, row(0, 0.5f, -1f, 2f).logitScaledConfidence(0), 1e-15);
  }

  @Test
  void lossMatchesNaiveCrossEntropy() throws BadInputException {
    double expected = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 1.0;
    assertEquals(expected, row(0, 1f, 2f, 3f).loss(0), 1e-15);
  }

  @Test
  void confidentRowKeepsItsTinyLoss() throws BadInputException {
    // loss = log(1 + e^{-50}) = e^{-50} (1 - e^{-50}/2 + ...); naive 1 - p rounding would give 0.
    assertEquals(Math.exp(-50.0), row(0, 50f, 0f).loss(0), Math.exp(-50.0) * 1e-15);
  }

  @Test
  void hugeLogitsDoNotOverflow() throws BadInputException {
    ModelOutputs right = row(0, 1e4f, 0f);
    ModelOutputs wrong = row(1, 1e4f, 0f);
    assertEquals(0.0, right.loss(0), 0.0);
    assertEquals(1e4, wrong.loss(0), 0.0);
    assertEquals(1.0, right.trueClassProbability(0), 0.0);
    assertEquals(-1e4, wrong.logTrueClassProbability(0, 1.0), 0.0);
    assertEquals(0.0, right.entropy(0), 0.0);
    assertEquals(1e4, right.logitScaledConfidence(0), 0.0);
    assertEquals(-1e4, wrong.logitScaledConfidence(0), 0.0);
    // Two classes: Mentr = -2 (1 - p_y) log p_y; here log p_y = -1e4 and 1 - p_y = 1.
    assertEquals(2e4, wrong.modifiedEntropy(0), 1e-9);
    assertEquals(0.0, right.modifiedEntropy(0), 0.0);
    ModelOutputs mixed = row(2, -1e4f, 1e4f, 0f, 1e4f);
    assertTrue(Double.isFinite(mixed.entropy(0)));
    assertEquals(Math.log(2.0), mixed.entropy(0), 1e-15);
    assertTrue(Double.isFinite(mixed.modifiedEntropy(0)));
  }

  @Test
  void entropyOfUniformIsLogK() throws BadInputException {
    for (int k = 2; k <= 50; k++) {
      float[] logits = new float[k];
      java.util.Arrays.fill(logits, 3.25f);
      assertEquals(Math.log(k), row(0, logits).entropy(0), 1e-14, "k=" + k);
    }
  }

  @Test
  void modifiedEntropyOfUniformMatchesClosedForm() throws BadInputException {
    // p_j = 1/k: Mentr = (1 - 1/k) log k - (k - 1)(1/k) log(1 - 1/k).
    for (int k = 2; k <= 20; k++) {
      float[] logits = new float[k];
      double expected = (1.0 - 1.0 / k) * Math.log(k) - (k - 1.0) / k * Math.log(1.0 - 1.0 / k);
      assertEquals(expected, row(k - 1, logits).modifiedEntropy(0), 1e-14, "k=" + k);
    }
  }

  @Test
  void modifiedEntropyOfTwoClassesMatchesClosedForm() throws BadInputException {
    // With two classes, p_other = 1 - p_y and 1 - p_other = p_y: Mentr = -2 (1 - p_y) log p_y.
    for (float d = -30f; d <= 30f; d += 0.75f) {
      double py = 1.0 / (1.0 + Math.exp(-(double) d));
      double expected = -2.0 * (1.0 - py) * Math.log(py);
      assertEquals(expected, row(0, d, 0f).modifiedEntropy(0), 1e-13 * Math.max(1, expected));
    }
  }

  @Test
  void modifiedEntropyMatchesNaiveFormulaOnModerateLogits() throws BadInputException {
    // Song & Mittal (2021): Mentr = -(1 - p_y) log p_y - sum_{j != y} p_j log(1 - p_j).
    Random random = new Random(7);
    for (int t = 0; t < 200; t++) {
      int k = 2 + random.nextInt(8);
      float[] z = new float[k];
      double sum = 0;
      for (int j = 0; j < k; j++) {
        z[j] = (float) (random.nextGaussian() * 2);
        sum += Math.exp(z[j]);
      }
      int y = random.nextInt(k);
      double expected = 0;
      for (int j = 0; j < k; j++) {
        double p = Math.exp(z[j]) / sum;
        expected += j == y ? -(1 - p) * Math.log(p) : -p * Math.log(1 - p);
      }
      assertEquals(expected, row(y, z).modifiedEntropy(0), 1e-12 * Math.max(1, expected));
    }
  }

  @Test
  void modifiedEntropyOfConfidentlyWrongRowUsesLogSpaceComplement() throws BadInputException {
    // Class 1 takes almost all mass: 1 - p_1 = p_0 + p_2 must come from log-sum-exp, not 1 - p_1.
    float[] z = {0f, 40f, 1f};
    double lse = 40 + Math.log1p(Math.exp(-40) + Math.exp(-39));
    double p0 = Math.exp(0 - lse);
    double p1 = Math.exp(40 - lse);
    double p2 = Math.exp(1 - lse);
    double logOneMinusP1 = Math.log(Math.exp(0) + Math.exp(1)) - lse;
    double expected = -(1 - p0) * (0 - lse) - p1 * logOneMinusP1 - p2 * Math.log1p(-p2);
    assertEquals(expected, row(0, z).modifiedEntropy(0), 1e-13 * expected);
  }

  @Test
  void temperatureScalesLogits() throws BadInputException {
    double expected = 3.0 / 2 - Math.log(Math.exp(3.0 / 2) + Math.exp(-1.0 / 2) + Math.exp(1.0));
    assertEquals(expected, row(0, 3f, -1f, 2f).logTrueClassProbability(0, 2.0), 1e-15);
  }

  @Test
  void rejectsBadShapesLabelsAndLogitsNamingTheRow() {
    BadInputException label =
        assertThrows(
            BadInputException.class,
            () -> ModelOutputs.of("scores.csv", 2, new int[] {0, 2}, new float[4]));
    assertTrue(label.getMessage().contains("row 1"), label.getMessage());
    assertTrue(label.getMessage().startsWith("scores.csv"), label.getMessage());
    BadInputException nan =
        assertThrows(
            BadInputException.class,
            () -> ModelOutputs.of("t", 2, new int[] {0, 1}, new float[] {0, 0, Float.NaN, 0}));
    assertTrue(nan.getMessage().contains("row 1 class 0"), nan.getMessage());
    assertThrows(
        BadInputException.class, () -> ModelOutputs.of("t", 2, new int[] {0}, new float[3]));
    assertThrows(
        BadInputException.class, () -> ModelOutputs.of("t", 1, new int[] {0}, new float[1]));
    assertThrows(BadInputException.class, () -> ModelOutputs.of("t", 2, new int[0], new float[0]));
    for (BadInputException e : new BadInputException[] {label, nan}) {
      assertTrue(!e.getMessage().contains("\n"), "one-line message");
    }
  }
}
