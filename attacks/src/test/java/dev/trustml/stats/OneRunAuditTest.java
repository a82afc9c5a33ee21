package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OneRunAuditTest {
  /** P[Binomial(r, q) >= v] by direct summation with log-binomial coefficients built by hand. */
  private static double directTail(int r, int v, double eps) {
    double logQ = -Math.log1p(Math.exp(-eps));
    double logNotQ = -eps + logQ;
    double sum = 0;
    for (int k = v; k <= r; k++) {
      double logChoose = 0;
      for (int i = 1; i <= k; i++) {
        logChoose += Math.log((double) (r - k + i) / i);
      }
      sum += Math.exp(logChoose + k * logQ + (r - k) * logNotQ);
    }
    return sum;
  }

  @Test
  void allGuessesRightHasAClosedForm() {
    // delta = 0, v = r: P[Bin(r, q) >= r] = q^r = 0.05 -> q = 0.05^(1/r), eps = ln(q/(1-q)).
    double q = Math.pow(0.05, 1.0 / 100);
    double expected = Math.log(q / (1 - q));
    assertEquals(3.4929654311522933, expected, 1e-12);
    assertEquals(expected, OneRunAudit.epsilonLowerBound(1000, 100, 100, 0.0, 0.95), 1e-10);
  }

  @Test
  void pureDpBoundSitsWhereTheDirectBinomialTailCrossesTheSignificance() {
    int r = 200;
    int v = 150;
    double eps = OneRunAudit.epsilonLowerBound(1000, r, v, 0.0, 0.95);
    assertEquals(0.05, directTail(r, v, eps), 1e-9);
    assertTrue(directTail(r, v, eps + 1e-6) > 0.05);
    assertEquals(directTail(r, v, 0.7), OneRunAudit.pValue(1000, r, v, 0.7, 0.0), 1e-13);
  }

  @Test
  void matchesThePapersAlgorithmWithDelta() {
    // Reference: the p-value / bisection of the paper's appendix code (p_value_DP_audit,
    // get_eps_audit; as reproduced in github.com/zj-jayzhang/one_round_auditing src/dp_audit.py),
    // re-run with scipy 1.17.1 and 60 bisection steps instead of 30.
    assertEquals(
        3.4653763478110453, OneRunAudit.epsilonLowerBound(1000, 100, 100, 1e-5, 0.95), 1e-9);
    assertEquals(
        0.8199729121699937, OneRunAudit.epsilonLowerBound(1000, 200, 150, 1e-5, 0.95), 1e-9);
    assertEquals(
        0.7292532390257122, OneRunAudit.epsilonLowerBound(10000, 1000, 700, 1e-5, 0.95), 1e-9);
    assertEquals(
        1.0112106155924696, OneRunAudit.epsilonLowerBound(100000, 2000, 1500, 1e-6, 0.95), 1e-9);
    assertEquals(
        0.8090139189504623, OneRunAudit.epsilonLowerBound(1000, 100, 100, 1e-3, 0.95), 1e-9);
    assertEquals(
        0.8213962430643406, OneRunAudit.epsilonLowerBound(1000, 200, 150, 0.0, 0.95), 1e-9);
  }

  @Test
  void chanceLevelGuessingCertifiesNothing() {
    assertEquals(0.0, OneRunAudit.epsilonLowerBound(1000, 200, 100, 0.0, 0.95));
    assertEquals(0.0, OneRunAudit.epsilonLowerBound(1000, 0, 0, 0.0, 0.95));
  }

  @Test
  void boundIsSoundForALaplaceMechanismOnEachCanary() {
    // Each canary's score is its inclusion bit plus Laplace(1/eps) noise: eps-DP per canary with
    // eps = 1. Guessing the top/bottom 100 of 1000, at most 5% of trials may certify eps > 1;
    // 200 trials -> at most 10 expected, 19 is 3 s.d. above.
    double eps = 1.0;
    int trials = 200;
    int m = 1000;
    int exceed = 0;
    double total = 0;
    SplittableRandom random = new SplittableRandom(5);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[m];
      boolean[] included = new boolean[m];
      for (int i = 0; i < m; i++) {
        included[i] = random.nextBoolean();
        scores[i] = (included[i] ? 1 : 0) + Samples.laplace(random, 1 / eps);
      }
      OneRunAuditResult result = OneRunAudit.audit(scores, included, 100, 100, 0.0, 0.95, t);
      assertEquals(200, result.guesses());
      exceed += result.epsilonLowerBound() > eps ? 1 : 0;
      total += result.epsilonLowerBound();
    }
    assertTrue(exceed <= 19, "exceeded eps in " + exceed + "/" + trials);
    assertTrue(total / trials > 0.2, "mean bound " + total / trials + " has power");
  }

  @Test
  void tiesAreBrokenRandomlyNotByRowOrder() {
    // All scores tie and the included canaries come first: breaking ties by row order would
    // guess all 200 right (or all wrong). Random tie-breaks give about 100 of 200.
    int m = 1000;
    double[] scores = new double[m];
    boolean[] included = new boolean[m];
    for (int i = 0; i < m / 2; i++) {
      included[i] = true;
    }
    OneRunAuditResult result = OneRunAudit.audit(scores, included, 100, 100, 0.0, 0.95, 3);
    assertTrue(
        result.correctGuesses() > 60 && result.correctGuesses() < 140,
        "correct " + result.correctGuesses());
    assertEquals(result, OneRunAudit.audit(scores, included, 100, 100, 0.0, 0.95, 3));
    assertEquals(0.0, result.epsilonLowerBound(), 0.3);
  }

  @Test
  void perfectSeparationCountsEveryGuess() {
    double[] scores = new double[500];
    boolean[] included = new boolean[500];
    for (int i = 0; i < 500; i++) {
      included[i] = i % 3 == 0;
      scores[i] = included[i] ? 10 + i : -i;
    }
    OneRunAuditResult result = OneRunAudit.audit(scores, included, 50, 70, 1e-5, 0.95, 0);
    assertEquals(120, result.correctGuesses());
    assertEquals(
        OneRunAudit.epsilonLowerBound(500, 120, 120, 1e-5, 0.95), result.epsilonLowerBound());
  }

  private static void assertRejected(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void oneCorrectGuessHasAClosedFormWithDelta() {
    // v = 1: the tail is P[Bin(r, q) >= 1] = 1 - (1-q)^r and alpha (i = 1 only) is P[Bin = 0] =
    // (1-q)^r, so p = 1 - (1-q)^r + 2 m delta (1-q)^r.
    int m = 50;
    int r = 7;
    double eps = 0.4;
    double delta = 1e-3;
    double notQ = 1 / (1 + Math.exp(eps));
    double none = Math.pow(notQ, r);
    assertEquals(1 - none + 2 * m * delta * none, OneRunAudit.pValue(m, r, 1, eps, delta), 1e-14);
    // delta = 1 allows anything: the p-value is 1 and nothing is certified.
    assertEquals(1.0, OneRunAudit.pValue(m, r, r, eps, 1.0), 0.0);
    assertEquals(0.0, OneRunAudit.epsilonLowerBound(m, r, r, 1.0, 0.95), 0.0);
  }

  @Test
  void everyCanaryMayBeGuessed() {
    // r = m: all canaries guessed (no abstention), all right: q^m = 0.05 at the bound.
    double q = Math.pow(0.05, 1.0 / 40);
    assertEquals(
        Math.log(q / (1 - q)), OneRunAudit.epsilonLowerBound(40, 40, 40, 0.0, 0.95), 1e-10);
    double[] scores = new double[40];
    boolean[] included = new boolean[40];
    for (int i = 0; i < 40; i++) {
      included[i] = i % 2 == 0;
      scores[i] = included[i] ? 1 + i : -i;
    }
    OneRunAuditResult all = OneRunAudit.audit(scores, included, 20, 20, 0.0, 0.95, 1);
    assertEquals(40, all.correctGuesses());
    assertEquals(OneRunAudit.epsilonLowerBound(40, 40, 40, 0.0, 0.95), all.epsilonLowerBound());
  }

  @Test
  void guessesMayBeAllPositiveOrAllNegative() {
    double[] scores = new double[100];
    boolean[] included = new boolean[100];
    for (int i = 0; i < 100; i++) {
      included[i] = i % 4 == 0;
      scores[i] = included[i] ? 100 + i : i;
    }
    OneRunAuditResult positiveOnly = OneRunAudit.audit(scores, included, 25, 0, 0.0, 0.95, 1);
    assertEquals(25, positiveOnly.correctGuesses());
    assertEquals(25, positiveOnly.guesses());
    assertEquals(
        OneRunAudit.epsilonLowerBound(100, 25, 25, 0.0, 0.95), positiveOnly.epsilonLowerBound());
    OneRunAuditResult negativeOnly = OneRunAudit.audit(scores, included, 0, 60, 0.0, 0.95, 1);
    assertEquals(60, negativeOnly.correctGuesses());
    assertEquals(0, negativeOnly.positiveGuesses());
    assertEquals(60, negativeOnly.negativeGuesses());
    assertEquals(
        OneRunAudit.epsilonLowerBound(100, 60, 60, 0.0, 0.95), negativeOnly.epsilonLowerBound());
    OneRunAuditResult abstain = OneRunAudit.audit(scores, included, 0, 0, 0.0, 0.95, 1);
    assertEquals(0, abstain.correctGuesses());
    assertEquals(0.0, abstain.epsilonLowerBound(), 0.0);
  }

  @Test
  void badArgumentsAreNamed() {
    String counts = "need 0 <= v <= r <= m, got ";
    assertRejected(counts + "v=6 r=5 m=10", () -> OneRunAudit.pValue(10, 5, 6, 1, 0));
    assertRejected(counts + "v=-1 r=5 m=10", () -> OneRunAudit.pValue(10, 5, -1, 1, 0));
    assertRejected(counts + "v=3 r=11 m=10", () -> OneRunAudit.pValue(10, 11, 3, 1, 0));
    assertRejected(counts + "v=6 r=5 m=10", () -> OneRunAudit.epsilonLowerBound(10, 5, 6, 0, 0.95));
    assertRejected("eps must be >= 0, got -1.0", () -> OneRunAudit.pValue(10, 5, 3, -1, 0));
    assertRejected("eps must be >= 0, got NaN", () -> OneRunAudit.pValue(10, 5, 3, Double.NaN, 0));
    String delta = "delta must be in [0, 1], got ";
    assertRejected(delta + "1.5", () -> OneRunAudit.pValue(10, 5, 3, 1, 1.5));
    assertRejected(delta + "-0.1", () -> OneRunAudit.epsilonLowerBound(10, 5, 3, -0.1, 0.95));
    String confidence = "confidence must be in (0, 1), got ";
    assertRejected(confidence + "0.0", () -> OneRunAudit.epsilonLowerBound(10, 5, 3, 0, 0));
    assertRejected(confidence + "1.0", () -> OneRunAudit.epsilonLowerBound(10, 5, 3, 0, 1));
    // The counts and delta are checked before the confidence level.
    assertRejected(counts + "v=6 r=5 m=10", () -> OneRunAudit.epsilonLowerBound(10, 5, 6, 0, 2));
    assertRejected(delta + "2.0", () -> OneRunAudit.epsilonLowerBound(10, 5, 3, 2, 2));

    double[] scores = {1, 2, 3};
    boolean[] included = {true, false, true};
    assertRejected(
        "scores has 3 canaries but included has 2",
        () -> OneRunAudit.audit(scores, new boolean[2], 1, 1, 0, 0.95, 0));
    String guesses = "need 0 <= k+, k- and k+ + k- <= m, got ";
    assertRejected(
        guesses + "k+=2 k-=2 m=3", () -> OneRunAudit.audit(scores, included, 2, 2, 0, 0.95, 0));
    assertRejected(
        guesses + "k+=-1 k-=1 m=3", () -> OneRunAudit.audit(scores, included, -1, 1, 0, 0.95, 0));
    assertRejected(
        guesses + "k+=1 k-=-1 m=3", () -> OneRunAudit.audit(scores, included, 1, -1, 0, 0.95, 0));
    assertRejected(
        "canary scores must not be NaN",
        () -> OneRunAudit.audit(new double[] {1, Double.NaN, 3}, included, 1, 1, 0, 0.95, 0));
  }
}
