package dev.trustml.audit.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which rows each reference model trains on. */
class AssignmentTest {
  @Test
  void halfPutsEveryRowInExactlyHalfOfTheModelsAndEachModelHasAboutHalfOfTheRows() {
    int models = 8;
    int rows = 4000;
    boolean[][] in = Assignment.HALF.assign(models, rows, 11);
    for (int i = 0; i < rows; i++) {
      int c = 0;
      for (int m = 0; m < models; m++) {
        c += in[m][i] ? 1 : 0;
      }
      assertEquals(models / 2, c, "row " + i);
    }
    // Each model's count is Binomial(rows, 1/2) (its IN rows are independent across rows): within
    // 5 standard deviations (sqrt(rows)/2 = 31.6) of rows/2, a failure rate below 1e-6 per model.
    for (int m = 0; m < models; m++) {
      assertEquals(rows / 2.0, count(in[m]), 5 * Math.sqrt(rows) / 2, "model " + m);
    }
  }

  @Test
  void halfOfTwoModelsMakesThemComplementary() {
    boolean[][] in = Assignment.HALF.assign(2, 500, 3);
    for (int i = 0; i < 500; i++) {
      assertTrue(in[0][i] != in[1][i], "row " + i);
    }
  }

  @Test
  void bernoulliFlipsAFairIndependentCoinPerRowAndModel() {
    int models = 5;
    int rows = 20_000;
    boolean[][] in = Assignment.BERNOULLI.assign(models, rows, 7);
    // Overall share: Binomial(100000, 1/2) within 5 sd of the mean.
    int total = 0;
    // Independence across models: P(in model 0 and in model 1) = 1/4, Binomial(rows, 1/4).
    int both = 0;
    int allIn = 0;
    for (int i = 0; i < rows; i++) {
      int c = 0;
      for (int m = 0; m < models; m++) {
        c += in[m][i] ? 1 : 0;
      }
      total += c;
      both += in[0][i] && in[1][i] ? 1 : 0;
      allIn += c == models ? 1 : 0;
    }
    double n = (double) models * rows;
    assertEquals(n / 2, total, 5 * Math.sqrt(n) / 2);
    assertEquals(rows / 4.0, both, 5 * Math.sqrt(rows * 0.25 * 0.75));
    // Unlike HALF, a row can be IN for every model: about rows / 32 of them.
    double p = Math.pow(0.5, models);
    assertEquals(rows * p, allIn, 5 * Math.sqrt(rows * p * (1 - p)));
  }

  @Test
  void theSameSeedGivesTheSameAssignmentAnotherSeedAnother() {
    for (Assignment a : Assignment.values()) {
      assertTrue(Arrays.deepEquals(a.assign(4, 300, 1), a.assign(4, 300, 1)), a.jsonName());
      assertFalse(Arrays.deepEquals(a.assign(4, 300, 1), a.assign(4, 300, 2)), a.jsonName());
    }
  }

  @Test
  void halfNeedsAnEvenCountBernoulliAnyPositiveCount() {
    assertFalse(Assignment.HALF.allows(3));
    assertFalse(Assignment.HALF.allows(0));
    assertTrue(Assignment.BERNOULLI.allows(3));
    assertFalse(Assignment.BERNOULLI.allows(0));
    assertThrows(IllegalArgumentException.class, () -> Assignment.HALF.assign(3, 10, 0));
    assertEquals(Assignment.BERNOULLI, Assignment.fromJson("Bernoulli"));
  }

  private static int count(boolean[] in) {
    int c = 0;
    for (boolean b : in) {
      c += b ? 1 : 0;
    }
    return c;
  }
}
