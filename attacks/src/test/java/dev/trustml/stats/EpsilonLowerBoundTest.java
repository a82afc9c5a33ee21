package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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

  private static void assertRejected(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void badLevelsAndShapesAreNamed() {
    double[] scores = {1, 0, 1, 0};
    boolean[] member = {true, false, true, false};
    String confidence = "confidence must be in (0, 1), got ";
    String delta = "delta must be in [0, 1), got ";
    assertRejected(confidence + "1.0", () -> EpsilonLowerBound.fromCounts(0, 10, 0, 10, 1, 0));
    assertRejected(delta + "1.0", () -> EpsilonLowerBound.fromCounts(0, 10, 0, 10, 0.9, 1));
    assertRejected(delta + "-0.1", () -> EpsilonLowerBound.fromCounts(0, 10, 0, 10, 0.9, -0.1));
    assertRejected(
        confidence + "0.0", () -> EpsilonLowerBound.atThreshold(scores, member, 0.5, 0, 0));
    assertRejected(
        delta + "1.5", () -> EpsilonLowerBound.atThreshold(scores, member, 0.5, 0.9, 1.5));
    assertRejected(
        confidence + "NaN", () -> EpsilonLowerBound.splitHalf(scores, member, Double.NaN, 0, 1));
    assertRejected(delta + "2.0", () -> EpsilonLowerBound.splitHalf(scores, member, 0.9, 2, 1));
    boolean[] shortTruth = {true, false, true};
    assertRejected(
        "scores has 4 rows but isMember has 3",
        () -> EpsilonLowerBound.atThreshold(scores, shortTruth, 0.5, 0.9, 0));
    assertRejected(
        "scores has 4 rows but isMember has 3",
        () -> EpsilonLowerBound.splitHalf(scores, shortTruth, 0.9, 0, 1));
    assertRejected(
        "an epsilon bound needs members and non-members, got 0 and 4",
        () -> EpsilonLowerBound.atThreshold(scores, new boolean[4], 0.5, 0.9, 0));
  }

  @Test
  void theBoundNeedsOnlyOneSideOfTheTradeOff() {
    // FNR = 0, FPR = 30%: only ln((1 - delta - FPR+)/FNR+) certifies anything; with FNR+ at k = 0
    // equal to 1 - (1 - level)^(1/n) (Clopper-Pearson's closed form) and level = 1 - 0.05/2.
    double level = 0.975;
    double fnrUpper = -Math.expm1(Math.log(1 - level) / 1000);
    double fprUpper = ClopperPearson.upper(300, 1000, level);
    assertEquals(
        Math.log((1 - 1e-5 - fprUpper) / fnrUpper),
        EpsilonLowerBound.fromCounts(300, 1000, 0, 1000, 0.95, 1e-5),
        1e-12);
    // The mirror image gives the same number through the other inequality.
    assertEquals(
        EpsilonLowerBound.fromCounts(300, 1000, 0, 1000, 0.95, 1e-5),
        EpsilonLowerBound.fromCounts(0, 1000, 300, 1000, 0.95, 1e-5),
        1e-12);
  }

  @Test
  void aScoreEqualToTheThresholdIsFlagged() {
    // Rule "score >= threshold flags a member": the members at exactly 0.5 are flagged.
    double[] scores = {0.5, 0.5, 0.5, 0.2, 0.2, 0.2};
    boolean[] member = {true, true, true, false, false, false};
    EpsilonLowerBoundResult result = EpsilonLowerBound.atThreshold(scores, member, 0.5, 0.9, 0);
    assertEquals(0, result.falseNegatives());
    assertEquals(0, result.falsePositives());
    assertEquals(3, result.members());
    assertEquals(3, result.nonMembers());
    assertEquals(0.5, result.threshold(), 0.0);
  }

  @Test
  void splitHalfCountsEachClassSeparatelyAndNeedsTwoOfEach() {
    // 30 members and 70 non-members: the evaluation half holds 15 and 35 of them.
    double[] scores = Samples.gaussianScores(30, 70, 1.0, 3);
    boolean[] member = Samples.firstAreMembers(30, 70);
    EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.9, 0, 5);
    assertEquals(15, result.members());
    assertEquals(35, result.nonMembers());
    assertEquals(50, result.rowsUsed());
    // The odd row of each class goes to the evaluation half.
    EpsilonLowerBoundResult odd =
        EpsilonLowerBound.splitHalf(
            Samples.gaussianScores(3, 5, 1.0, 3), Samples.firstAreMembers(3, 5), 0.9, 0, 5);
    assertEquals(2, odd.members());
    assertEquals(3, odd.nonMembers());
    // Two of each is enough; one is not.
    EpsilonLowerBound.splitHalf(
        new double[] {1, 2, 3, 4}, new boolean[] {true, true, false, false}, 0.9, 0, 1);
    assertRejected(
        "a split-half epsilon bound needs at least 2 members and 2 non-members, got 1 and 3",
        () ->
            EpsilonLowerBound.splitHalf(
                new double[] {1, 2, 3, 4}, new boolean[] {true, false, false, false}, 0.9, 0, 1));
  }

  /** The Clopper-Pearson bound of a perfect attack on n members and n non-members. */
  private static double perfectBound(int n, double confidence) {
    double u = -Math.expm1(Math.log(0.5 * (1 - confidence)) / n);
    return Math.log((1 - u) / u);
  }

  @Test
  void chosenThresholdLiesMidwayBetweenTheSeparatedScores() {
    // Members all score 10, non-members 0: the selection half picks the step between them and
    // the threshold is the midpoint 5, which separates the other half perfectly.
    double[] scores = new double[80];
    boolean[] member = new boolean[80];
    for (int i = 0; i < 40; i++) {
      scores[i] = 10;
      member[i] = true;
    }
    EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0, 2);
    assertEquals(5.0, result.threshold(), 0.0);
    assertEquals(perfectBound(20, 0.95), result.value(), 1e-12);
    // Adjacent doubles: the midpoint rounds onto the lower score, which would flag the
    // non-members too, so the upper score itself is the threshold.
    double high = Math.nextUp(1.0);
    for (int i = 0; i < 80; i++) {
      scores[i] = member[i] ? high : 1.0;
    }
    EpsilonLowerBoundResult adjacent = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0, 2);
    assertEquals(high, adjacent.threshold(), 0.0);
    assertEquals(perfectBound(20, 0.95), adjacent.value(), 1e-12);
    // Ten more non-members tied with the members at that threshold: on the evaluation half the
    // rule "score >= threshold" flags those of them it holds, as false positives.
    double[] withTies = Arrays.copyOf(scores, 90);
    boolean[] withTiesMember = Arrays.copyOf(member, 90);
    Arrays.fill(withTies, 80, 90, high);
    EpsilonLowerBoundResult tied =
        EpsilonLowerBound.splitHalf(withTies, withTiesMember, 0.95, 0, 2);
    assertEquals(high, tied.threshold(), 0.0);
    assertEquals(0, tied.falseNegatives());
    assertTrue(
        tied.falsePositives() > 0 && tied.falsePositives() <= 10, "" + tied.falsePositives());
    assertTrue(tied.value() < adjacent.value());
  }

  /**
   * Scores with one clean gap in (0, 1): {@code above} rows of class A score in (1, 2), {@code
   * band} rows of class B just below the gap in (-0.01, 0), and all other rows of both classes are
   * interleaved in (-1, -0.01). Class A is the members when membersAbove; otherwise it is the
   * non-members and every score is negated, so the gap lies in (-1, 0). Returns {scores, member
   * flags as 1/0}.
   */
  private static double[][] oneGap(
      int classA, int above, int classB, int band, boolean membersAbove, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] scores = new double[classA + classB];
    double[] isMember = new double[classA + classB];
    for (int i = 0; i < scores.length; i++) {
      boolean a = i < classA;
      double s;
      if (a && i < above) {
        s = 1 + random.nextDouble();
      } else if (!a && i - classA < band) {
        s = -0.01 * random.nextDouble();
      } else {
        s = -0.01 - 0.99 * random.nextDouble();
      }
      scores[i] = membersAbove ? s : -s;
      isMember[i] = a == membersAbove ? 1 : 0;
    }
    return new double[][] {scores, isMember};
  }

  private static boolean[] truth(double[] flags) {
    boolean[] out = new boolean[flags.length];
    for (int i = 0; i < flags.length; i++) {
      out[i] = flags[i] == 1;
    }
    return out;
  }

  @Test
  void largeAuditsFindTheCleanGapOnTheCandidateGrid() {
    // 3000 + 3000 distinct scores: each selection half has more than 2048 points, so the
    // threshold search uses the geometric grids of error counts. The best point is the clean gap
    // (no false positives in design 1, no false negatives in design 2: one more error of that
    // kind costs more than the band of the other class right below the gap could repay) with
    // about 1000 errors of the other kind, a count that lies on the other grid (steps of ~20
    // there) only by chance: each grid has to find the gap from its own side. Several seeds, so
    // that such a chance cannot carry the test.
    for (long seed = 1; seed <= 4; seed++) {
      // Design 1: 1000 of 3000 members above every non-member (FPR 0 at the gap).
      double[][] d1 = oneGap(3000, 1000, 3000, 200, true, seed);
      EpsilonLowerBoundResult r1 = EpsilonLowerBound.splitHalf(d1[0], truth(d1[1]), 0.95, 0, seed);
      assertTrue(r1.threshold() > 0 && r1.threshold() < 1, "gap threshold " + r1.threshold());
      assertEquals(0, r1.falsePositives());
      // Design 2 (mirrored): 1000 of 3000 non-members below every member (FNR 0 at the gap).
      double[][] d2 = oneGap(3000, 1000, 3000, 200, false, seed);
      EpsilonLowerBoundResult r2 = EpsilonLowerBound.splitHalf(d2[0], truth(d2[1]), 0.95, 0, seed);
      assertTrue(r2.threshold() > -1 && r2.threshold() < 0, "gap threshold " + r2.threshold());
      assertEquals(0, r2.falseNegatives());
    }
  }

  @Test
  void withoutSignalTheThresholdFlagsNobody() {
    // Every score tied: no operating point certifies anything, and the chosen rule is the
    // documented "flag none" (threshold +infinity), not "flag all".
    double[] scores = new double[40];
    boolean[] member = Samples.firstAreMembers(20, 20);
    EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0, 1);
    assertEquals(Double.POSITIVE_INFINITY, result.threshold());
    assertEquals(0.0, result.value(), 0.0);
    assertEquals(0, result.falsePositives());
    assertEquals(10, result.falseNegatives());
    // Members scoring below every non-member (the attack's orientation is taken as given): the
    // same.
    for (int i = 0; i < 40; i++) {
      scores[i] = member[i] ? i : 100 + i;
    }
    assertEquals(
        Double.POSITIVE_INFINITY,
        EpsilonLowerBound.splitHalf(scores, member, 0.95, 0, 1).threshold());
  }

  @Test
  void theHalvesDoNotFollowRowOrder() {
    // The first 40 members (in row order) score 10, the last 40 score 0 like every non-member.
    // A split that took members in row order would put every high scorer in the selection half
    // and none in the evaluation half; a random one puts about 20 in each.
    double[] scores = new double[160];
    boolean[] member = Samples.firstAreMembers(80, 80);
    for (int i = 0; i < 40; i++) {
      scores[i] = 10;
    }
    for (long seed = 0; seed < 5; seed++) {
      EpsilonLowerBoundResult result = EpsilonLowerBound.splitHalf(scores, member, 0.95, 0, seed);
      assertEquals(5.0, result.threshold(), 0.0);
      long flagged = result.members() - result.falseNegatives();
      assertTrue(flagged >= 8 && flagged <= 32, "high scorers in the evaluation half: " + flagged);
    }
  }

  @Test
  void theCandidateGridAlsoFindsAnOptimumWithAFewFalseNegatives() {
    // As design 2 of the clean-gap test (1000 of 3000 non-members below a gap, the rest
    // interleaved with the members above it), plus 12 members below everything: the best point
    // is still the gap, now with about 6 false negatives on the selection half and about 1000
    // false positives. A small false-negative count is on the false-negative grid (every count
    // up to 50 is), the false-positive count only by chance.
    for (long seed = 1; seed <= 4; seed++) {
      double[][] d = oneGap(3000, 1000, 3012, 200, false, seed);
      for (int i = 3000; i < 3012; i++) {
        d[0][i] = -3 - i; // the first 12 members (part of the band) move below everything
      }
      EpsilonLowerBoundResult r = EpsilonLowerBound.splitHalf(d[0], truth(d[1]), 0.95, 0, seed);
      assertTrue(r.threshold() > -1 && r.threshold() < 0, "gap threshold " + r.threshold());
    }
  }

  @Test
  void methodsExplainThemselves() {
    assertTrue(
        EpsilonBoundMethod.FIXED_THRESHOLD.description().startsWith("threshold fixed in advance"));
    assertTrue(EpsilonBoundMethod.SPLIT_HALF.description().contains("from the other half only"));
  }
}
