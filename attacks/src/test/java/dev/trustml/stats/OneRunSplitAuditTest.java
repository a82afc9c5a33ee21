package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OneRunSplitAuditTest {
  @Test
  void guessCountsFollowTheShares() {
    assertArrayEquals(new int[] {0, 20}, OneRunSplitAudit.guesses(1000, 0.02, 0.0));
    assertArrayEquals(new int[] {75, 225}, OneRunSplitAudit.guesses(1000, 0.3, 0.25));
    assertArrayEquals(new int[] {1000, 0}, OneRunSplitAudit.guesses(1000, 1.0, 1.0));
    assertArrayEquals(new int[] {0, 0}, OneRunSplitAudit.guesses(10, 0.02, 0.5));
  }

  @Test
  void perfectGuessesGiveTheClosedFormOnTheCanaryHalf() {
    // Perfect scores: the selection half picks the most guesses that can all be right (not every
    // row: the shares cannot match the half's member count exactly), and every canary guess is
    // right. With delta = 0, P[Bin(r, q) >= r] = q^r must equal (1 - 0.95) / 4 (union over the 4
    // totals), so eps = ln(q / (1 - q)).
    int n = 400;
    double[] scores = new double[n];
    boolean[] included = new boolean[n];
    for (int i = 0; i < n; i++) {
      included[i] = i % 2 == 0;
      scores[i] = included[i] ? 1 + i : -i;
    }
    OneRunSplitAudit.Result r = OneRunSplitAudit.audit(scores, included, 0.0, 0.95, 1);
    assertEquals(200, r.selectionRows());
    assertEquals(0.3, r.total());
    assertEquals(200, r.bound().canaries());
    assertEquals(60, r.bound().guesses());
    assertEquals(60, r.bound().correctGuesses());
    double q = Math.pow(0.05 / 4, 1.0 / 60);
    assertEquals(Math.log(q / (1 - q)), r.bound().epsilonLowerBound(), 1e-9);
    assertEquals(1 - 0.05 / 4, r.bound().confidence(), 1e-15);
    assertEquals(0.95, r.confidence());
  }

  @Test
  void aSparseLeakIsBoundedWithFewGuesses() {
    // Only 5% of the rows are identifiable (non-members scored far below the rest): the
    // selection half picks a small number of "non-member" guesses, all right.
    SplittableRandom random = new SplittableRandom(8);
    int n = 4000;
    double[] scores = new double[n];
    boolean[] included = new boolean[n];
    for (int i = 0; i < n; i++) {
      included[i] = random.nextBoolean();
      scores[i] = !included[i] && random.nextDouble() < 0.1 ? -10 : random.nextGaussian();
    }
    OneRunSplitAudit.Result r = OneRunSplitAudit.audit(scores, included, 1e-5, 0.95, 2);
    assertEquals(0.0, r.positiveShare());
    assertTrue(r.total() <= 0.1, "total " + r.total());
    assertEquals(r.bound().guesses(), r.bound().correctGuesses());
    assertTrue(r.bound().epsilonLowerBound() > 2.0, "bound " + r.bound().epsilonLowerBound());
  }

  @Test
  void isSoundForALaplaceMechanismOnEachCanary() {
    // Each row's score is its inclusion bit plus Laplace(1/eps) noise, eps = 1: eps-DP per row.
    // The bound may exceed eps in at most 5% of trials; 300 trials -> 15 expected at worst, 26 is
    // 3 s.d. above.
    double eps = 1.0;
    int trials = 300;
    int n = 1200;
    int exceed = 0;
    double total = 0;
    SplittableRandom random = new SplittableRandom(11);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[n];
      boolean[] included = new boolean[n];
      for (int i = 0; i < n; i++) {
        included[i] = random.nextBoolean();
        scores[i] = (included[i] ? 1 : 0) + Samples.laplace(random, 1 / eps);
      }
      double bound =
          OneRunSplitAudit.audit(scores, included, 0.0, 0.95, t).bound().epsilonLowerBound();
      exceed += bound > eps ? 1 : 0;
      total += bound;
    }
    assertTrue(exceed <= 26, "exceeded eps in " + exceed + "/" + trials);
    assertTrue(total / trials > 0.1, "mean bound " + total / trials + " has power");
  }

  @Test
  void scoresUnrelatedToInclusionCertifyNothingMostOfTheTime() {
    SplittableRandom random = new SplittableRandom(3);
    int positive = 0;
    for (int t = 0; t < 200; t++) {
      double[] scores = new double[600];
      boolean[] included = new boolean[600];
      for (int i = 0; i < 600; i++) {
        included[i] = random.nextBoolean();
        scores[i] = random.nextGaussian();
      }
      positive +=
          OneRunSplitAudit.audit(scores, included, 1e-5, 0.95, t).bound().epsilonLowerBound() > 0
              ? 1
              : 0;
    }
    assertTrue(positive <= 10, "noise certified eps > 0 in " + positive + "/200 trials");
  }

  @Test
  void refusesWhatItCannotBound() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OneRunSplitAudit.audit(new double[1], new boolean[1], 0.0, 0.95, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> OneRunSplitAudit.audit(new double[10], new boolean[10], 0.0, 1.0, 0));
    assertThrows(
        IllegalArgumentException.class,
        () -> OneRunSplitAudit.audit(new double[10], new boolean[9], 0.0, 0.95, 0));
  }
}
