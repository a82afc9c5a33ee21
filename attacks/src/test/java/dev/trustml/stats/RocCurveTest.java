package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RocCurveTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void tiedScoresFormOneDiagonalStep() {
    // members {3, 2}, non-members {2, 1}: the tie at 2 is one step from (0, .5) to (.5, 1).
    RocCurve curve = RocCurve.of(new double[] {3, 2, 2, 1}, new boolean[] {T, T, F, F});
    assertEquals(4, curve.pointCount());
    assertEquals(new RocPoint(0, 0, Double.POSITIVE_INFINITY), curve.point(0));
    assertEquals(new RocPoint(0, 0.5, 3), curve.point(1));
    assertEquals(new RocPoint(0.5, 1, 2), curve.point(2));
    assertEquals(new RocPoint(1, 1, 1), curve.point(3));
    // U = 1 (3 > 2) + 1 (3 > 1) + 0.5 (2 = 2) + 1 (2 > 1) = 3.5 out of 4.
    assertEquals(3.5 / 4, curve.auc(), 0.0);
  }

  @Test
  void negativeAndPositiveZeroAreOneScore() {
    RocCurve curve = RocCurve.of(new double[] {-0.0, 0.0}, new boolean[] {T, F});
    assertEquals(2, curve.pointCount());
    assertEquals(0.5, curve.auc(), 0.0);
  }

  @Test
  void aucEqualsBruteForceMannWhitneyWithManyTies() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 20; trial++) {
      int n = 50 + random.nextInt(150);
      double[] scores = new double[n];
      boolean[] member = new boolean[n];
      for (int i = 0; i < n; i++) {
        member[i] = random.nextBoolean();
        scores[i] = random.nextInt(6) + (member[i] ? random.nextInt(3) : 0);
      }
      member[0] = true;
      member[1] = false;
      double wins = 0;
      long pairs = 0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (member[i] && !member[j]) {
            pairs++;
            wins += scores[i] > scores[j] ? 1.0 : scores[i] == scores[j] ? 0.5 : 0.0;
          }
        }
      }
      assertEquals(wins / pairs, RocCurve.of(scores, member).auc(), 1e-15);
    }
  }

  @Test
  void extremeCases() {
    assertEquals(1.0, RocCurve.of(new double[] {2, 3, 0, 1}, new boolean[] {T, T, F, F}).auc());
    assertEquals(0.0, RocCurve.of(new double[] {0, 1, 2, 3}, new boolean[] {T, T, F, F}).auc());
    RocCurve tied = RocCurve.of(new double[] {5, 5, 5, 5, 5}, new boolean[] {T, F, T, F, F});
    assertEquals(0.5, tied.auc());
    assertEquals(0.0, tied.advantage());
    assertEquals(0.5, tied.balancedAccuracy());
    assertEquals(0.0, tied.tprAtFpr(0.99));
    assertEquals(1.0, tied.tprAtFpr(1.0));
  }

  @Test
  void tprAtFprTakesTheBestPointWithinTheBudgetWithoutInterpolating() {
    // members {1, 3}, non-members {0, 2}: points (0,0) (0,.5) (.5,.5) (.5,1) (1,1).
    RocCurve curve = RocCurve.of(new double[] {1, 3, 0, 2}, new boolean[] {T, T, F, F});
    assertEquals(0.5, curve.tprAtFpr(0.0));
    // Interpolating between (0, .5) and (.5, 1) would say 0.75 here; no single threshold gets it.
    assertEquals(0.5, curve.tprAtFpr(0.25));
    assertEquals(1.0, curve.tprAtFpr(0.5));
    assertEquals(1.0, curve.tprAtFpr(1.0));
    assertEquals(0.5, curve.advantage());
    assertEquals(0.75, curve.balancedAccuracy());
  }

  @Test
  void fprBudgetCountsExactlyRepresentableRates() {
    // 0.001 * 1000 must allow one false positive despite binary rounding of 0.001.
    double[] scores = new double[1001];
    boolean[] member = new boolean[1001];
    scores[0] = 10;
    member[0] = true;
    for (int i = 1; i <= 1000; i++) {
      scores[i] = i == 1 ? 20 : 0;
    }
    RocCurve curve = RocCurve.of(scores, member);
    assertEquals(1.0, curve.tprAtFpr(0.001));
    assertEquals(0.0, curve.tprAtFpr(0.000999));
    assertEquals(3, RocCurve.maxFalsePositives(0.3, 10));
  }

  @Test
  void millionGaussianRowsMatchTheBinormalClosedForms() {
    // Members ~ N(d, 1), non-members ~ N(0, 1): AUC = Phi(d / sqrt 2) and
    // TPR at FPR t = 1 - Phi(Phi^-1(1 - t) - d). 500k rows per class: the sampling s.d. is
    // ~6e-4 for the AUC and at most ~1.2e-3 for TPR at t in {0.1, 0.01, 0.001} (binomial part plus
    // ROC slope exp(d z_t - d^2/2) times the s.d. of the FPR quantile); tolerances are ~5 s.d.
    int n = 500_000;
    double shift = 1.0;
    RocCurve curve =
        RocCurve.of(Samples.gaussianScores(n, n, shift, 11), Samples.firstAreMembers(n, n));
    assertEquals(n, curve.members());
    assertEquals(2 * n + 1, curve.pointCount());
    assertEquals(Normal.cdf(shift / Math.sqrt(2)), curve.auc(), 0.003);
    for (double t : new double[] {0.1, 0.01, 0.001}) {
      double expected = 1 - Normal.cdf(Normal.ppf(1 - t) - shift);
      assertEquals(expected, curve.tprAtFpr(t), 0.006, "t=" + t);
    }
    // Advantage = max TPR - FPR, attained at the midpoint threshold d/2: 2 Phi(d/2) - 1.
    assertEquals(2 * Normal.cdf(shift / 2) - 1, curve.advantage(), 0.005);

    List<RocPoint> small = curve.downsample(500);
    assertTrue(small.size() <= 500);
    assertEquals(curve.point(0), small.get(0));
    assertEquals(curve.point(curve.pointCount() - 1), small.get(small.size() - 1));
    // A linear grid alone would put ~2 of 500 points below FPR 1%; the log grid puts ~150 there.
    long lowFprPoints = small.stream().filter(p -> p.fpr() > 0 && p.fpr() <= 0.01).count();
    assertTrue(lowFprPoints >= 100, "log-spaced low-FPR region kept: " + lowFprPoints);
    for (int i = 1; i < small.size(); i++) {
      assertTrue(small.get(i).fpr() >= small.get(i - 1).fpr());
      assertTrue(small.get(i).tpr() >= small.get(i - 1).tpr());
      assertTrue(small.get(i).threshold() < small.get(i - 1).threshold());
    }
  }

  @Test
  void downsampleReturnsEveryPointOfSmallCurves() {
    RocCurve curve = RocCurve.of(new double[] {1, 3, 0, 2}, new boolean[] {T, T, F, F});
    assertEquals(5, curve.downsample(500).size());
  }

  @Test
  void rejectsNaNAndMissingClasses() {
    assertThrows(
        IllegalArgumentException.class,
        () -> RocCurve.of(new double[] {Double.NaN, 1}, new boolean[] {T, F}));
    assertThrows(
        IllegalArgumentException.class,
        () -> RocCurve.of(new double[] {1, 2}, new boolean[] {T, T}));
    assertThrows(
        IllegalArgumentException.class, () -> RocCurve.of(new double[] {1}, new boolean[] {T, F}));
  }

  @Test
  void badInputsAreNamed() {
    IllegalArgumentException nan =
        assertThrows(
            IllegalArgumentException.class,
            () -> RocCurve.of(new double[] {1, Double.NaN}, new boolean[] {T, F}));
    assertEquals("a ROC curve cannot rank NaN scores", nan.getMessage());
    assertEquals(
        "a ROC curve needs members and non-members, got 0 members and 2 non-members",
        assertThrows(
                IllegalArgumentException.class,
                () -> RocCurve.ofClasses(new double[0], new double[] {1, 2}))
            .getMessage());
    assertEquals(
        "scores has 1 rows but isMember has 2",
        assertThrows(
                IllegalArgumentException.class,
                () -> RocCurve.of(new double[] {1}, new boolean[] {T, F}))
            .getMessage());
    RocCurve curve = RocCurve.of(new double[] {1, 0}, new boolean[] {T, F});
    for (double t : new double[] {1.5, -0.1, Double.NaN}) {
      assertEquals(
          "a false-positive rate must be in [0, 1], got " + t,
          assertThrows(IllegalArgumentException.class, () -> curve.tprAtFpr(t)).getMessage());
    }
    assertEquals(
        "downsample needs maxPoints >= 2, got 1",
        assertThrows(IllegalArgumentException.class, () -> curve.downsample(1)).getMessage());
  }

  @Test
  void aLoneLowestScoreOfEitherClassIsTheLastStep() {
    // members {2, 0}, non-members {1}: the lowest score is a member's.
    RocCurve memberLast = RocCurve.of(new double[] {2, 1, 0}, new boolean[] {T, F, T});
    assertEquals(4, memberLast.pointCount());
    assertEquals(new RocPoint(1, 0.5, 1), memberLast.point(2));
    assertEquals(new RocPoint(1, 1, 0), memberLast.point(3));
    assertEquals(0.5, memberLast.auc(), 0.0);
    // members {1}, non-members {2, 0}: the lowest score is a non-member's.
    RocCurve nonMemberLast = RocCurve.of(new double[] {2, 1, 0}, new boolean[] {F, T, F});
    assertEquals(4, nonMemberLast.pointCount());
    assertEquals(new RocPoint(1, 1, 0), nonMemberLast.point(3));
    assertEquals(0.5, nonMemberLast.auc(), 0.0);
  }

  @Test
  void downsampleKeepsTheEndPointsAndTheDocumentedGrids() {
    // 3 members above 1000 non-members with distinct scores: the point with f false positives
    // exists for every f, so each grid value is hit exactly. maxPoints 12 = 2 end points + 5 on
    // the linear grid j/6 (j = 1..5) + 5 on the log grid 1000^(-1 + j/4) (j = 0..4), each rounded
    // down to a count: 166, 333, 500, 666, 833 and 1, 5, 31, 177, 1000.
    int n0 = 1000;
    double[] scores = new double[n0 + 3];
    boolean[] member = new boolean[n0 + 3];
    for (int i = 0; i < n0; i++) {
      scores[i] = -i;
    }
    for (int i = n0; i < n0 + 3; i++) {
      scores[i] = i;
      member[i] = true;
    }
    RocCurve curve = RocCurve.of(scores, member);
    assertEquals(n0 + 4, curve.pointCount());
    List<RocPoint> points = curve.downsample(12);
    assertEquals(curve.point(0), points.get(0));
    assertEquals(curve.point(n0 + 3), points.get(points.size() - 1));
    List<Integer> falsePositives =
        points.stream().map(p -> (int) Math.round(p.fpr() * n0)).distinct().toList();
    assertEquals(List.of(0, 1, 5, 31, 166, 177, 333, 500, 666, 833, 1000), falsePositives);
    for (RocPoint p : points.subList(1, points.size())) {
      assertEquals(1.0, p.tpr(), 0.0, "every grid point is the most-TPR point of its budget");
    }
    // Exactly maxPoints points: all of them; two: only the end points.
    RocCurve small = RocCurve.of(new double[] {1, 3, 0, 2}, new boolean[] {T, T, F, F});
    assertEquals(5, small.downsample(5).size());
    List<RocPoint> ends = curve.downsample(2);
    assertEquals(List.of(curve.point(0), curve.point(n0 + 3)), ends);
  }
}
