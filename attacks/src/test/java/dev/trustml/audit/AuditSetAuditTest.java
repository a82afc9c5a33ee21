package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.Theoretical;
import dev.trustml.stats.OneRunAudit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AuditSetAuditTest {
  private static double laplace(SplittableRandom random, double scale) {
    double u = random.nextDouble() - 0.5;
    return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
  }

  @Test
  void boundHalfAloneCarriesTheBoundWithCountsChosenOnTheOtherHalf() {
    // Perfect scores (included ones all above the others): a guess is wrong only when k+ exceeds
    // the included canaries of the bound half (or k- the excluded ones), and the bound is the
    // closed form for the right guesses on the bound half, whatever k the selection half picked.
    int m = 1000;
    double[] scores = new double[m];
    boolean[] bits = new boolean[m];
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < m; i++) {
      bits[i] = random.nextBoolean();
      scores[i] = bits[i] ? 1 + random.nextDouble() : -random.nextDouble();
    }
    Theoretical claim = new Theoretical(1.0, 1e-5, "rdp", "model-card");
    AuditSetResult r = AuditSetAudit.bound(scores, bits, claim, 0.975, 0.95, 0);
    assertEquals(500, r.selectionCanaries());
    assertEquals(500, r.boundCanaries());
    int guesses = r.positiveGuesses() + r.negativeGuesses();
    assertTrue(r.correct() >= guesses - 10, r.correct() + " right of " + guesses);
    assertEquals(
        OneRunAudit.epsilonLowerBound(500, guesses, r.correct(), 1e-5, 0.975), r.value(), 1e-12);
    assertTrue(r.value() > 1, "refutes the claim of 1: " + r.value());
    assertTrue(r.pValue() < 0.025, "p-value " + r.pValue());
    assertEquals(BoundRigor.RIGOROUS, r.rigor());
    assertEquals(0.95, r.confidence());
    int included = 0;
    for (boolean b : bits) {
      included += b ? 1 : 0;
    }
    assertEquals(included, r.included());
    assertEquals(r, AuditSetAudit.bound(scores, bits, claim, 0.975, 0.95, 0), "deterministic");
  }

  @Test
  void noClaimMeansNoPValueAndDeltaZero() {
    double[] scores = new double[8];
    boolean[] bits = {true, false, true, false, true, false, true, false};
    AuditSetResult r = AuditSetAudit.bound(scores, bits, null, 0.95, 0.95, 1);
    assertNull(r.pValue());
    assertEquals(0.0, r.delta());
    assertEquals(0.0, r.value(), "8 canaries of pure noise refute nothing");
  }

  @Test
  void choosingGuessCountsOnOneHalfKeepsTheBoundSound() {
    // Scores = inclusion bit + Laplace(1/eps): eps-DP for each canary. The guess counts are
    // chosen on the selection half by maximising its bound over the grid, so a leak of the
    // choice into the bound would show as too many trials above eps. Nominal 5%; 200 trials,
    // 3 s.d. above is 19.
    double eps = 1.0;
    int trials = 200;
    int m = 400;
    int exceed = 0;
    double total = 0;
    SplittableRandom random = new SplittableRandom(8);
    for (int t = 0; t < trials; t++) {
      double[] scores = new double[m];
      boolean[] bits = new boolean[m];
      for (int i = 0; i < m; i++) {
        bits[i] = random.nextBoolean();
        scores[i] = (bits[i] ? 1 : 0) + laplace(random, 1 / eps);
      }
      AuditSetResult r = AuditSetAudit.bound(scores, bits, null, 0.95, 0.95, t);
      exceed += r.value() > eps ? 1 : 0;
      total += r.value();
    }
    System.out.printf(
        "one-run canary audit, Laplace eps=1: bound above eps in %d of %d trials, mean bound %.3f%n",
        exceed, trials, total / trials);
    assertTrue(exceed <= 19, "exceeded eps in " + exceed + "/" + trials);
    assertTrue(total / trials > 0.1, "mean bound " + total / trials + " has power");
  }
}
