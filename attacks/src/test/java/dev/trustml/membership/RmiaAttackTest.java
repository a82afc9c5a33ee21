package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RmiaAttackTest {
  private static final double THIRD = 1.0 / 3.0;

  /** Two-class outputs whose true-class probability (label 0) is exactly {@code p} per row. */
  private static ModelOutputs withProbabilities(String source, double... p)
      throws BadInputException {
    float[] logits = new float[2 * p.length];
    for (int i = 0; i < p.length; i++) {
      logits[2 * i] = (float) Math.log(p[i]);
      logits[2 * i + 1] = (float) Math.log(1 - p[i]);
    }
    return ModelOutputs.of(source, 2, new int[p.length], logits);
  }

  /**
   * Audit rows x1..x3 and population rows z1..z3 with hand-computed likelihood ratios (a = 0.3):
   * offline {@code Pr(x) = (1.3 p_OUT + 0.7) / 2}.
   *
   * <pre>
   * z: target 0.6, 0.8, 0.3; refs A = B = 0.6, 0.5, 0.2 -> Pr 0.74, 0.675, 0.48
   *    LR(z) = 0.8108, 1.1852, 0.6250
   * x: target 0.9, 0.4, 0.45; ref A (OUT) 0.5, 0.5, 0.4; ref B (IN) 0.95, 0.3, 0.8
   *    offline: Pr 0.675, 0.675, 0.61 -> LR 1.3333, 0.5926, 0.7377
   *    online:  Pr (A + B) / 2 = 0.725, 0.4, 0.6 -> LR 1.2414, 1.0, 0.75
   * </pre>
   */
  private static AttackInput handComputed() throws BadInputException {
    ModelOutputs target = withProbabilities("target", 0.9, 0.4, 0.45);
    List<ModelOutputs> refs =
        List.of(withProbabilities("A", 0.5, 0.5, 0.4), withProbabilities("B", 0.95, 0.3, 0.8));
    boolean[][] in = {{false, false, false}, {true, true, true}};
    PopulationOutputs population =
        PopulationOutputs.of(
            withProbabilities("target on z", 0.6, 0.8, 0.3),
            List.of(
                withProbabilities("A on z", 0.6, 0.5, 0.2),
                withProbabilities("B on z", 0.6, 0.5, 0.2)));
    return AttackInput.of(target, ReferenceOutputs.of(refs, in), population, 0);
  }

  private static RmiaParameters gamma(double gamma) {
    return new RmiaParameters(0.3, gamma, 1.0, 0);
  }

  @Test
  void offlineScoresMatchHandComputedFractions() throws BadInputException {
    AttackInput input = handComputed();
    // gamma 1: #{z : LR(z) < LR(x)} / 3
    assertArrayEquals(
        new double[] {1.0, 0.0, THIRD},
        new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(1)).score(input),
        1e-12);
    // gamma 2: #{z : LR(z) < LR(x) / 2}: only x1 (0.667) beats z3 (0.625)
    assertArrayEquals(
        new double[] {THIRD, 0.0, 0.0},
        new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(2)).score(input),
        1e-12);
  }

  @Test
  void onlineScoresMatchHandComputedFractions() throws BadInputException {
    assertArrayEquals(
        new double[] {1.0, 2 * THIRD, THIRD},
        new RmiaAttack(RmiaAttack.Mode.ONLINE, gamma(1)).score(handComputed()),
        1e-12);
  }

  @Test
  void separatesPlantedMembers() throws BadInputException {
    // Row means phi in [-2, 4] (p_y mostly above 1/2, the regime of a trained classifier, where
    // the offline approximation Pr_IN ~= a Pr_OUT + (1 - a) is reasonable), IN shift 1.5.
    Synthetic.Audit audit =
        Synthetic.audit(new Synthetic.Spec(1500, 4, 1000, -2.0, 4.0, 0.5, 1.0, 1.5, 7));
    double lossAuc =
        Auc.of(new ThresholdAttack(ThresholdSignal.LOSS).score(audit.input()), audit.members());
    assertTrue(lossAuc < 0.72, "loss AUC " + lossAuc);
    for (RmiaAttack.Mode mode : RmiaAttack.Mode.values()) {
      double[] scores = new RmiaAttack(mode, RmiaParameters.defaults()).score(audit.input());
      double auc = Auc.of(scores, audit.members());
      assertTrue(auc > 0.8 && auc > lossAuc + 0.12, mode + " AUC " + auc);
      for (double s : scores) {
        assertTrue(s >= 0.0 && s <= 1.0);
      }
    }
  }

  @Test
  void populationSubsampleIsSeededAndDeterministic() throws BadInputException {
    Synthetic.Audit audit =
        Synthetic.audit(new Synthetic.Spec(300, 2, 500, -4.0, 2.0, 0.5, 1.0, 1.5, 3));
    RmiaAttack attack = new RmiaAttack(RmiaAttack.Mode.OFFLINE, new RmiaParameters(0.3, 1, 1, 50));
    AttackInput input = audit.input();
    AttackInput sameSeed =
        new AttackInput(input.target(), input.references(), input.population(), input.seed());
    AttackInput otherSeed =
        new AttackInput(input.target(), input.references(), input.population(), input.seed() + 1);
    double[] first = attack.score(input);
    assertArrayEquals(first, attack.score(sameSeed));
    assertFalse(Arrays.equals(first, attack.score(otherSeed)));
    for (double s : first) {
      assertEquals(0.0, s * 50 - Math.rint(s * 50), 1e-9, "scores are multiples of 1/50");
    }
  }

  @Test
  void needsPopulationScoredByEveryReferenceModel() throws BadInputException {
    AttackInput full = handComputed();
    AttackInput noPopulation = new AttackInput(full.target(), full.references(), null, 0);
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () -> new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(1)).score(noPopulation));
    assertTrue(missing.getMessage().contains("population"), missing.getMessage());
    AttackInput targetOnlyPopulation =
        AttackInput.of(
            full.target(),
            full.references(),
            PopulationOutputs.of(full.population().target(), List.of()),
            0);
    assertThrows(
        BadInputException.class,
        () -> new RmiaAttack(RmiaAttack.Mode.ONLINE, gamma(1)).score(targetOnlyPopulation));
  }

  @Test
  void rejectsOutOfRangeParametersAsUsageErrors() {
    assertThrows(UsageException.class, () -> RmiaParameters.of(1.5, 1, 1, 0));
    assertThrows(UsageException.class, () -> RmiaParameters.of(0.3, 0, 1, 0));
    assertThrows(UsageException.class, () -> RmiaParameters.of(0.3, 1, Double.NaN, 0));
    assertThrows(UsageException.class, () -> RmiaParameters.of(0.3, 1, 1, -1));
    assertThrows(IllegalArgumentException.class, () -> new RmiaParameters(-0.1, 1, 1, 0));
  }
}
