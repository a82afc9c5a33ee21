package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiraAttackTest {
  private static final Synthetic.Spec SPEC =
      new Synthetic.Spec(1500, 8, 0, -6.0, 6.0, 0.5, 1.0, 2.0, 42);

  private static LiraAttack lira(LiraAttack.Mode mode, LiraAttack.Variance variance) {
    return new LiraAttack(mode, variance);
  }

  /** One audit row; reference phi IN {1, 3} (mean 2, sd 1), OUT {-1, 1} (mean 0, sd 1). */
  private static AttackInput oneRow(double targetPhi) throws BadInputException {
    List<ModelOutputs> refs =
        List.of(
            Synthetic.fromPhi("r0", new double[] {1}),
            Synthetic.fromPhi("r1", new double[] {3}),
            Synthetic.fromPhi("r2", new double[] {-1}),
            Synthetic.fromPhi("r3", new double[] {1}));
    boolean[][] in = {{true}, {true}, {false}, {false}};
    return AttackInput.of(
        Synthetic.fromPhi("target", new double[] {targetPhi}),
        ReferenceOutputs.of(refs, in),
        null,
        0);
  }

  @Test
  void onlineScoreIsTheGaussianLogLikelihoodRatio() throws BadInputException {
    // log N(2; 2, 1) - log N(2; 0, 1) = 0 - (-2) = 2; the global sds are also 1 here.
    for (LiraAttack.Variance variance : LiraAttack.Variance.values()) {
      assertEquals(
          2.0,
          lira(LiraAttack.Mode.ONLINE, variance).score(oneRow(2.0))[0],
          1e-12,
          variance.name());
    }
  }

  @Test
  void offlineScoreIsTheOneSidedTailOfTheOutGaussian() throws BadInputException {
    // -log P(Z > 2), Z ~ N(0, 1): Q(2) = 0.022750131948179195 (standard normal table).
    for (LiraAttack.Variance variance : LiraAttack.Variance.values()) {
      assertEquals(
          -Math.log(0.022750131948179195),
          lira(LiraAttack.Mode.OFFLINE, variance).score(oneRow(2.0))[0],
          1e-12,
          variance.name());
    }
    // Far above the OUT mean the tail underflows in linear space but the score stays finite.
    double far =
        lira(LiraAttack.Mode.OFFLINE, LiraAttack.Variance.PER_EXAMPLE).score(oneRow(60))[0];
    double farther =
        lira(LiraAttack.Mode.OFFLINE, LiraAttack.Variance.PER_EXAMPLE).score(oneRow(61))[0];
    assertTrue(Double.isFinite(farther) && farther > far && far > 1700, far + " " + farther);
  }

  @Test
  void recoversPlantedMembersFromSyntheticGaussians() throws BadInputException {
    Synthetic.Audit audit = Synthetic.audit(SPEC);
    double lossAuc =
        Auc.of(new ThresholdAttack(ThresholdSignal.LOSS).score(audit.input()), audit.members());
    // With mu_i spread over [-6, 6], a global threshold on phi sees little of the +2 shift.
    assertTrue(lossAuc < 0.7, "loss AUC " + lossAuc);
    for (LiraAttack.Mode mode : LiraAttack.Mode.values()) {
      for (LiraAttack.Variance variance : LiraAttack.Variance.values()) {
        double[] scores = lira(mode, variance).score(audit.input());
        double auc = Auc.of(scores, audit.members());
        // Shift 2 over sd 0.5..1: per-row d' of 2..4, so AUC around 0.9 (8 IN and 8 OUT refs).
        assertTrue(auc > 0.85, mode + "/" + variance + " AUC " + auc);
        assertTrue(precisionAtTop(scores, audit.members(), 100) > 0.95, mode + "/" + variance);
      }
    }
  }

  @Test
  void onlineRejectsRowsWithoutInReferences() throws BadInputException {
    List<ModelOutputs> refs =
        List.of(
            Synthetic.fromPhi("r0", new double[] {1, 2, 3}),
            Synthetic.fromPhi("r1", new double[] {0, 1, 2}));
    boolean[][] in = {{true, false, false}, {false, false, true}};
    AttackInput input =
        AttackInput.of(
            Synthetic.fromPhi("target", new double[] {1, 1, 1}),
            ReferenceOutputs.of(refs, in),
            null,
            0);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> lira(LiraAttack.Mode.ONLINE, LiraAttack.Variance.GLOBAL).score(input));
    assertTrue(e.getMessage().contains("audit row 1 has no IN"), e.getMessage());
    assertTrue(e.getMessage().contains("lira-offline"), e.getMessage());
    // Offline needs only OUT models, which every row has.
    double[] offline = lira(LiraAttack.Mode.OFFLINE, LiraAttack.Variance.GLOBAL).score(input);
    assertEquals(3, offline.length);
  }

  @Test
  void requiresReferenceModels() throws BadInputException {
    AttackInput targetOnly =
        AttackInput.targetOnly(Synthetic.fromPhi("target", new double[] {1, 2}), 0);
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> lira(LiraAttack.Mode.OFFLINE, LiraAttack.Variance.PER_EXAMPLE).score(targetOnly));
    assertTrue(e.getMessage().startsWith("attack 'lira-offline' needs"), e.getMessage());
  }

  static double precisionAtTop(double[] scores, boolean[] members, int k) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    int hits = 0;
    for (int i = 0; i < k; i++) {
      hits += members[order[i]] ? 1 : 0;
    }
    return (double) hits / k;
  }
}
