package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

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
}
