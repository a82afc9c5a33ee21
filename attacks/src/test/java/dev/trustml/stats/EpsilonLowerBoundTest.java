package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EpsilonLowerBoundTest {
  @Test
  void perfectAttackOn500Plus500RowsAt99PercentGives4point5419() {
    // Issue test vector: TP 500/500, FP 0/500, c = 0.99, delta = 0 -> 4.5419. It is reproduced when
    // each one-sided bound is at 1 - 0.01/2 (FPR+ = FNR+ = 1 - 0.005^(1/500) = 0.0105407);
    // one-sided 0.99 bounds would give ln((1 - u)/u) with u = 1 - 0.01^(1/500), i.e. 4.6828.
    assertEquals(4.5419, EpsilonLowerBound.fromCounts(0, 500, 0, 500, 0.99, 0.0), 5e-5);
    double u = -Math.expm1(Math.log(0.005) / 500);
    assertEquals(
        Math.log((1 - u) / u), EpsilonLowerBound.fromCounts(0, 500, 0, 500, 0.99, 0.0), 1e-11);

    double[] scores = new double[1000];
    boolean[] member = new boolean[1000];
    for (int i = 0; i < 500; i++) {
      scores[i] = 1;
      member[i] = true;
    }
    EpsilonLowerBoundResult result = EpsilonLowerBound.atThreshold(scores, member, 0.5, 0.99, 0.0);
    assertEquals(4.5419, result.value(), 5e-5);
    assertEquals(EpsilonBoundMethod.FIXED_THRESHOLD, result.method());
    assertEquals(1000, result.rowsUsed());
    assertEquals(0, result.falsePositives());
    assertEquals(0, result.falseNegatives());
    assertEquals(u, result.fprUpper(), 1e-15);
  }

  @Test
  void deltaLowersTheBoundAndNoSignalGivesZero() {
    double pure = EpsilonLowerBound.fromCounts(10, 1000, 300, 1000, 0.95, 0.0);
    double approx = EpsilonLowerBound.fromCounts(10, 1000, 300, 1000, 0.95, 0.05);
    assertTrue(pure > approx && approx > 0, pure + " vs " + approx);
    assertEquals(0.0, EpsilonLowerBound.fromCounts(500, 1000, 500, 1000, 0.95, 0.0));
    assertEquals(0.0, EpsilonLowerBound.fromCounts(0, 1000, 1000, 1000, 0.95, 0.0));
  }

  @Test
  void fixedThresholdBoundIsSoundForRandomizedResponse() {
    // eps-DP randomized response on the membership bit (eps = 1): the score is the true bit with
    // probability e/(1+e). Threshold 0.5 makes FPR = FNR = 1/(1+e), so the bound is tight in
    // expectation: each trial may exceed eps = 1 only when a Clopper-Pearson bound fails, which
    // happens with probability <= 5%. 400 trials: at most 20 expected; 33 is 3 s.d. above.
    double eps = 1.0;
    double truthful = Math.exp(eps) / (1 + Math.exp(eps));
    int trials = 400;
    int n = 500;
    int exceed = 0;
    double[] values = new double[trials];
    SplittableRandom random = new SplittableRandom(2024);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[2 * n];
      boolean[] member = new boolean[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        member[i] = i < n;
        boolean report = random.nextDouble() < truthful ? member[i] : !member[i];
        scores[i] = report ? 1 : 0;
      }
      values[t] = EpsilonLowerBound.atThreshold(scores, member, 0.5, 0.95, 0.0).value();
      exceed += values[t] > eps ? 1 : 0;
    }
    assertTrue(exceed <= 33, "bound exceeded the true epsilon in " + exceed + "/" + trials);
    Arrays.sort(values);
    assertTrue(values[trials / 2] > 0.5, "median bound " + values[trials / 2] + " has power");
  }

  @Test
  void splitHalfBoundIsSoundForTheLaplaceMechanism() {
    // Member score = 1 + Laplace(1/eps), non-member score = Laplace(1/eps): a sensitivity-1 Laplace
    // mechanism, exactly eps-DP for the membership bit (eps = 1), and tight at every threshold
    // >= 1. The threshold is data-chosen, so only the split keeps the bound honest: at most 5%
    // of trials may exceed eps; 200 trials -> 10 expected at worst, 19 is 3 s.d. above.
    double eps = 1.0;
    int trials = 200;
    int n = 400;
    int exceed = 0;
    double[] values = new double[trials];
    SplittableRandom random = new SplittableRandom(99);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[2 * n];
      boolean[] member = new boolean[2 * n];
      for (int i = 0; i < 2 * n; i++) {
        member[i] = i % 2 == 0;
        scores[i] = (member[i] ? 1 : 0) + Samples.laplace(random, 1 / eps);
      }
      EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0.0, t);
      assertEquals(EpsilonBoundMethod.SPLIT_HALF, result.method());
      assertEquals(n, result.rowsUsed());
      values[t] = result.value();
      exceed += values[t] > eps ? 1 : 0;
    }
    assertTrue(exceed <= 19, "bound exceeded the true epsilon in " + exceed + "/" + trials);
    Arrays.sort(values);
    assertTrue(values[trials / 2] > 0.2, "median bound " + values[trials / 2] + " has power");
  }

  @Test
  void splitHalfUsesTheOtherHalfAndIsDeterministic() {
    double[] scores = Samples.gaussianScores(3000, 3000, 3.0, 4);
    boolean[] member = Samples.firstAreMembers(3000, 3000);
    EpsilonLowerBoundResult a = EpsilonLowerBound.splitHalf(scores, member, 0.95, 1e-5, 8);
    EpsilonLowerBoundResult b = EpsilonLowerBound.splitHalf(scores, member, 0.95, 1e-5, 8);
    EpsilonLowerBoundResult c = EpsilonLowerBound.splitHalf(scores, member, 0.95, 1e-5, 9);
    assertEquals(a, b);
    assertNotEquals(a.threshold(), c.threshold());
    assertEquals(1500, a.members());
    assertEquals(1500, a.nonMembers());
    // Re-deriving the reported bound from the reported counts (independent of the split).
    assertEquals(
        EpsilonLowerBound.fromCounts(
            a.falsePositives(), a.nonMembers(), a.falseNegatives(), a.members(), 0.95, 1e-5),
        a.value(),
        1e-12);
    // N(3,1) vs N(0,1) is mu-GDP with mu = 3: a strong attack must certify a clearly positive eps.
    assertTrue(a.value() > 2.0, "bound " + a.value());
  }

  @Test
  void largeAuditsUseTheCandidateGrid() {
    // 200k rows per half: more than 2048 points, so the geometric candidate grid is used.
    double[] scores = Samples.gaussianScores(200_000, 200_000, 2.0, 12);
    boolean[] member = Samples.firstAreMembers(200_000, 200_000);
    EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0.0, 1);
    // mu-GDP with mu = 2; ln((1-FPR)/FNR) peaks around 3 at very low FPR for these sizes.
    assertTrue(result.value() > 2.0 && result.value() < 6.0, "bound " + result.value());
  }
}
