package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneRunGridAuditTest {
  @Test
  void gridHasTheDistinctNonEmptyPairsThatFit() {
    // 5 fractions per side = 25 pairs, minus (0, 0): 24 for large m.
    List<int[]> grid = OneRunGridAudit.grid(1000);
    assertEquals(24, grid.size());
    for (int[] p : grid) {
      assertTrue(p[0] + p[1] >= 1 && p[0] + p[1] <= 1000);
    }
    // m = 50: 0.01 * 50 rounds down to 0 guesses, so its pairs collapse onto others.
    List<int[]> small = OneRunGridAudit.grid(50);
    assertEquals(15, small.size());
    assertTrue(OneRunGridAudit.grid(0).isEmpty());
  }

  @Test
  void perfectGuessesGiveTheClosedFormAtTheGridCorrectedLevel() {
    // Every guess right: the best point guesses all m = 400 rows (k+ = k- = 200). With delta = 0
    // P[Bin(m, q) >= m] = q^m must equal (1 - 0.95) / 24, so eps = ln(q / (1 - q)).
    int m = 400;
    double[] scores = new double[m];
    boolean[] included = new boolean[m];
    for (int i = 0; i < m; i++) {
      included[i] = i % 2 == 0;
      scores[i] = included[i] ? 1 + i : -i;
    }
    OneRunGridAudit.Result r = OneRunGridAudit.audit(scores, included, 0.0, 0.95, 1);
    double q = Math.pow(0.05 / 24, 1.0 / m);
    assertEquals(Math.log(q / (1 - q)), r.best().epsilonLowerBound(), 1e-9);
    assertEquals(m, r.best().correctGuesses());
    assertEquals(24, r.gridPoints());
    assertEquals(0.95, r.confidence());
    assertEquals(1 - 0.05 / 24, r.best().confidence(), 1e-15);
  }

  @Test
  void isSoundForALaplaceMechanismOnEachCanary() {
    // Each canary's score is its inclusion bit plus Laplace(1/eps) noise, eps = 1: eps-DP per
    // canary. The grid's maximum must exceed eps in at most 5% of trials; 300 trials -> 15
    // expected at worst, 26 is 3 s.d. above.
    double eps = 1.0;
    int trials = 300;
    int m = 600;
    int exceed = 0;
    double total = 0;
    SplittableRandom random = new SplittableRandom(11);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[m];
      boolean[] included = new boolean[m];
      for (int i = 0; i < m; i++) {
        included[i] = random.nextBoolean();
        scores[i] = (included[i] ? 1 : 0) + Samples.laplace(random, 1 / eps);
      }
      double bound =
          OneRunGridAudit.audit(scores, included, 0.0, 0.95, t).best().epsilonLowerBound();
      exceed += bound > eps ? 1 : 0;
      total += bound;
    }
    assertTrue(exceed <= 26, "exceeded eps in " + exceed + "/" + trials);
    assertTrue(total / trials > 0.1, "mean bound " + total / trials + " has power");
  }

  @Test
  void scoresUnrelatedToInclusionCertifyNothingMostOfTheTime() {
    // Pure noise: the family-wise 95% maximum is 0 in at least 95% of trials (here nearly all).
    SplittableRandom random = new SplittableRandom(3);
    int positive = 0;
    for (int t = 0; t < 200; t++) {
      double[] scores = new double[500];
      boolean[] included = new boolean[500];
      for (int i = 0; i < 500; i++) {
        included[i] = random.nextBoolean();
        scores[i] = random.nextGaussian();
      }
      positive +=
          OneRunGridAudit.audit(scores, included, 1e-5, 0.95, t).best().epsilonLowerBound() > 0
              ? 1
              : 0;
    }
    assertTrue(positive <= 10, "noise certified eps > 0 in " + positive + "/200 trials");
  }

  @Test
  void refusesWhatItCannotBound() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OneRunGridAudit.audit(new double[0], new boolean[0], 0.0, 0.95, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> OneRunGridAudit.audit(new double[10], new boolean[10], 0.0, 1.0, 0));
  }
}
