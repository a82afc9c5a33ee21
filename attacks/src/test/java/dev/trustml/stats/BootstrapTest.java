package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BootstrapTest {
  @Test
  void percentileUsesLinearInterpolation() {
    double[] values = new double[101];
    for (int i = 0; i <= 100; i++) {
      values[100 - i] = i; // unsorted on purpose
    }
    Interval ci = Bootstrap.percentile(values, 0.9);
    assertEquals(5.0, ci.low(), 1e-12);
    assertEquals(95.0, ci.high(), 1e-12);
    // numpy.percentile([0, 10], [2.5, 97.5]) = [0.25, 9.75]
    Interval two = Bootstrap.percentile(new double[] {10, 0}, 0.95);
    assertEquals(0.25, two.low(), 1e-12);
    assertEquals(9.75, two.high(), 1e-12);
  }

  @Test
  void poissonDrawsHaveTheRightMomentsAndZeroMass() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (int mean : new int[] {1, 3, 47}) {
      int draws = 100_000;
      double sum = 0;
      double sumSquares = 0;
      int zeros = 0;
      for (int i = 0; i < draws; i++) {
        long k = Bootstrap.poisson(mean, random);
        sum += k;
        sumSquares += (double) k * k;
        zeros += k == 0 ? 1 : 0;
      }
      double average = sum / draws;
      double variance = sumSquares / draws - average * average;
      // s.e. of the mean sqrt(mean/draws); of the variance ~ mean sqrt(2/draws).
      assertEquals(mean, average, 5 * Math.sqrt(mean / (double) draws), "mean " + mean);
      assertEquals(mean, variance, 5 * mean * Math.sqrt(2.0 / draws) + 0.01, "variance " + mean);
      double p0 = Math.exp(-mean);
      assertEquals(p0, zeros / (double) draws, 5 * Math.sqrt(p0 / draws) + 1e-5, "P[0] " + mean);
    }
  }

  @Test
  void intervalsCoverTheClosedFormAucAtRoughlyTheNominalRate() {
    // 60 independent experiments, 300 rows per class, N(1, 1) vs N(0, 1): a 90% interval should
    // cover AUC = Phi(1/sqrt 2) about 54 times; fewer than 45 would be a 3.5-s.d. shortfall.
    double trueAuc = Normal.cdf(1 / Math.sqrt(2));
    double trueTpr = 1 - Normal.cdf(Normal.ppf(0.9) - 1);
    int experiments = 60;
    int aucCovered = 0;
    int tprCovered = 0;
    for (int e = 0; e < experiments; e++) {
      RocCurve curve =
          RocCurve.of(
              Samples.gaussianScores(300, 300, 1.0, 1000 + e), Samples.firstAreMembers(300, 300));
      RocBootstrap boot = Bootstrap.roc(curve, new double[] {0.1}, 300, 0.9, e);
      aucCovered += boot.auc().contains(trueAuc) ? 1 : 0;
      tprCovered += boot.tprAtFpr().get(0).contains(trueTpr) ? 1 : 0;
      assertTrue(boot.auc().contains(curve.auc()), "percentile interval around the estimate");
    }
    assertTrue(aucCovered >= 45, "AUC coverage " + aucCovered + "/" + experiments);
    assertTrue(tprCovered >= 42, "TPR@10% coverage " + tprCovered + "/" + experiments);
  }

  @Test
  void intervalWidthShrinksLikeOneOverRootN() {
    RocCurve small =
        RocCurve.of(Samples.gaussianScores(400, 400, 1.0, 5), Samples.firstAreMembers(400, 400));
    RocCurve large =
        RocCurve.of(
            Samples.gaussianScores(6400, 6400, 1.0, 6), Samples.firstAreMembers(6400, 6400));
    double ratio =
        Bootstrap.roc(small, new double[0], 400, 0.95, 1).auc().width()
            / Bootstrap.roc(large, new double[0], 400, 0.95, 1).auc().width();
    assertEquals(4.0, ratio, 1.0);
  }

  @Test
  void sameSeedSameIntervalsOtherSeedOtherIntervals() {
    RocCurve curve =
        RocCurve.of(Samples.gaussianScores(500, 700, 0.5, 3), Samples.firstAreMembers(500, 700));
    double[] fprs = {0.1, 0.01};
    RocBootstrap a = Bootstrap.roc(curve, fprs, 200, 0.95, 42);
    RocBootstrap b = Bootstrap.roc(curve, fprs, 200, 0.95, 42);
    RocBootstrap c = Bootstrap.roc(curve, fprs, 200, 0.95, 43);
    assertEquals(a, b);
    assertNotEquals(a.auc(), c.auc());
    assertEquals(2, a.tprAtFpr().size());
  }

  @Test
  void perfectSeparationHasADegenerateInterval() {
    double[] scores = {5, 6, 7, 8, 1, 2, 3};
    boolean[] member = {true, true, true, true, false, false, false};
    RocBootstrap boot =
        Bootstrap.roc(RocCurve.of(scores, member), new double[] {0.0}, 100, 0.95, 0);
    assertEquals(new Interval(1, 1, 0.95), boot.auc());
    assertEquals(new Interval(1, 1, 0.95), boot.advantage());
    assertEquals(new Interval(1, 1, 0.95), boot.tprAtFpr().get(0));
  }

  @Test
  void tiedScoresAreResampledRowByRow() {
    // Members: 500 score 2 and 500 score 0; non-members: 1000 score 1. Only three distinct
    // scores, so each replicate draws one Poisson(s) weight per tied group of s rows. TPR at FPR 0
    // is the replicate's share of members at score 2: with independent Poisson(1) weights per row
    // its bootstrap s.d. is sqrt(p (1 - p) / n) = sqrt(0.25 / 1000) = 0.0158, so the 95% interval
    // is about 0.5 +- 1.96 * 0.0158 = [0.469, 0.531] (a weight of Poisson(1) per group instead
    // would spread it over most of [0, 1]). 2000 replicates: the ends are known to ~0.003.
    double[] scores = new double[2000];
    boolean[] member = new boolean[2000];
    for (int i = 0; i < 1000; i++) {
      member[i] = true;
      scores[i] = i < 500 ? 2 : 0;
      scores[1000 + i] = 1;
    }
    RocCurve curve = RocCurve.of(scores, member);
    assertEquals(4, curve.pointCount());
    RocBootstrap boot = Bootstrap.roc(curve, new double[] {0.0}, 2000, 0.95, 7);
    Interval tpr = boot.tprAtFpr().get(0);
    double halfWidth = 1.96 * Math.sqrt(0.25 / 1000);
    assertEquals(0.5 - halfWidth, tpr.low(), 0.006);
    assertEquals(0.5 + halfWidth, tpr.high(), 0.006);
    // AUC = P[member > non-member] = 0.5 here, and in a replicate it is the same share (the
    // non-members' weights cancel), so its interval is the same.
    assertEquals(0.5, curve.auc(), 0.0);
    assertEquals(0.5 - halfWidth, boot.auc().low(), 0.006);
    assertEquals(0.5 + halfWidth, boot.auc().high(), 0.006);
    // So is the advantage max(TPR - FPR), attained at threshold 2 where FPR = 0.
    assertEquals(0.5, curve.advantage(), 0.0);
    assertEquals(tpr, boot.advantage());
  }

  private static void assertRejected(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void oneReplicateIsItsOwnInterval() {
    assertEquals(new Interval(0.7, 0.7, 0.95), Bootstrap.percentile(new double[] {0.7}, 0.95));
    RocCurve curve =
        RocCurve.of(Samples.gaussianScores(50, 50, 1.0, 2), Samples.firstAreMembers(50, 50));
    RocBootstrap one = Bootstrap.roc(curve, new double[] {0.1}, 1, 0.9, 3);
    assertEquals(1, one.resamples());
    assertEquals(0.0, one.auc().width(), 0.0);
    assertEquals(0.0, one.tprAtFpr().get(0).width(), 0.0);
  }

  @Test
  void badArgumentsAreNamed() {
    RocCurve curve = RocCurve.of(new double[] {1, 0}, new boolean[] {true, false});
    double[] fprs = {0.1};
    assertRejected(
        "bootstrap needs at least 1 resample, got 0", () -> Bootstrap.roc(curve, fprs, 0, 0.9, 1));
    String confidence = "confidence must be in (0, 1), got ";
    assertRejected(confidence + "1.0", () -> Bootstrap.roc(curve, fprs, 10, 1.0, 1));
    assertRejected(confidence + "0.0", () -> Bootstrap.percentile(new double[] {1, 2}, 0.0));
    assertRejected(confidence + "1.5", () -> Bootstrap.percentile(new double[] {1, 2}, 1.5));
    // Every argument is checked before any replicate is drawn: the level first, then the rates.
    assertRejected(confidence + "1.5", () -> Bootstrap.roc(curve, new double[] {2}, 10, 1.5, 1));
    assertRejected(
        "a false-positive rate must be in [0, 1], got 1.5",
        () -> Bootstrap.roc(curve, new double[] {0.1, 1.5}, 10, 0.9, 1));
    assertRejected(
        "percentile interval needs at least one replicate",
        () -> Bootstrap.percentile(new double[0], 0.9));
  }
}
