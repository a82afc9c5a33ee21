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

  /**
   * The score of a row that beats {@code count} of |Z| = 3 population rows with likelihood ratio
   * {@code lr}: {@code (count + 1/2 + atan(ln lr)/pi) / (|Z| + 1)}.
   */
  private static double expected(int count, double lr) {
    return (count + 0.5 + Math.atan(Math.log(lr)) / Math.PI) / 4;
  }

  @Test
  void offlineScoresMatchHandComputedFractions() throws BadInputException {
    AttackInput input = handComputed();
    double[] lr = {0.9 / 0.675, 0.4 / 0.675, 0.45 / 0.61};
    // gamma 1: #{z : LR(z) < LR(x)} = 3, 0, 1
    assertArrayEquals(
        new double[] {expected(3, lr[0]), expected(0, lr[1]), expected(1, lr[2])},
        new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(1)).score(input),
        1e-6);
    // gamma 2: #{z : LR(z) < LR(x) / 2}: only x1 (0.667) beats z3 (0.625)
    assertArrayEquals(
        new double[] {expected(1, lr[0]), expected(0, lr[1]), expected(0, lr[2])},
        new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(2)).score(input),
        1e-6);
  }

  @Test
  void onlineScoresMatchHandComputedFractions() throws BadInputException {
    assertArrayEquals(
        new double[] {expected(3, 0.9 / 0.725), expected(2, 1.0), expected(1, 0.75)},
        new RmiaAttack(RmiaAttack.Mode.ONLINE, gamma(1)).score(handComputed()),
        1e-6);
  }

  @Test
  void populationRowsUseOnlyTheReferenceModelsTheyAreOutFor() throws BadInputException {
    // As handComputed, but reference B trained on z1 and scores it 0.99: z1's marginal must use A
    // alone, (1.3 * 0.6 + 0.7) / 2 = 0.74, exactly as when B scored it like A.
    AttackInput plain = handComputed();
    PopulationOutputs withIn =
        PopulationOutputs.of(
            plain.population().target(),
            List.of(
                withProbabilities("A on z", 0.6, 0.5, 0.2),
                withProbabilities("B on z", 0.99, 0.5, 0.2)),
            new boolean[][] {{false, false, false}, {true, false, false}});
    AttackInput in = AttackInput.of(plain.target(), plain.references(), withIn, plain.seed());
    for (RmiaAttack.Mode mode : RmiaAttack.Mode.values()) {
      RmiaAttack attack = new RmiaAttack(mode, gamma(1));
      assertArrayEquals(attack.score(plain), attack.score(in), 1e-12, mode.toString());
    }
    PopulationOutputs allIn =
        PopulationOutputs.of(
            plain.population().target(),
            plain.population().references(),
            new boolean[][] {{true, false, false}, {true, false, false}});
    BadInputException noOut =
        assertThrows(
            BadInputException.class,
            () ->
                new RmiaAttack(RmiaAttack.Mode.OFFLINE, gamma(1))
                    .score(AttackInput.of(plain.target(), plain.references(), allIn, 0)));
    assertTrue(noOut.getMessage().contains("population row 0 has no OUT"), noOut.getMessage());
  }

  @Test
  void tiesAtTheTopAreBrokenByTheLikelihoodRatio() throws BadInputException {
    // A planted signal with a small population: many members and more than 1% of the non-members
    // beat every z, so a score that only counts z ties them all at the top and finds no member at
    // FPR <= 1%. Breaking those ties by LR(x) ranks the members first again.
    Synthetic.Audit audit =
        Synthetic.audit(new Synthetic.Spec(4000, 4, 60, -2.0, 4.0, 0.5, 1.0, 2.0, 17));
    double[] scores =
        new RmiaAttack(RmiaAttack.Mode.OFFLINE, RmiaParameters.defaults()).score(audit.input());
    double[] counts = new double[scores.length];
    for (int i = 0; i < scores.length; i++) {
      counts[i] = Math.floor(scores[i] * 61);
    }
    double countOnly = tprAtOnePercent(counts, audit.members());
    double withTieBreak = tprAtOnePercent(scores, audit.members());
    assertEquals(0.0, countOnly, "ties at the top zero TPR@1%FPR without the tie-break");
    assertTrue(withTieBreak > 0.05, "TPR@1%FPR with the tie-break: " + withTieBreak);
    assertEquals(
        Auc.of(counts, audit.members()),
        Auc.of(scores, audit.members()),
        0.02,
        "the tie-break refines the count's order, it does not replace it");
  }

  @Test
  void crossFittedRowsAreNeverComparedWithTheirOwnFold() throws BadInputException {
    // Without population rows, a row's z are the rows of the other fold: changing one row's target
    // output changes that row's score and the other fold's scores, never its fold-mates'.
    Synthetic.Audit audit =
        Synthetic.audit(new Synthetic.Spec(200, 2, 0, -2.0, 4.0, 0.5, 1.0, 1.5, 4));
    AttackInput input = audit.input();
    byte[] fold = CrossFitFolds.assign(200, input.seed());
    int changed = 17;
    float[] logits = new float[400];
    for (int i = 0; i < 200; i++) {
      logits[2 * i] = input.target().logit(i, 0);
    }
    logits[2 * changed] += 5f;
    AttackInput edited =
        AttackInput.of(
            ModelOutputs.of("edited", 2, new int[200], logits),
            input.references(),
            null,
            input.seed());
    for (RmiaAttack.Mode mode : RmiaAttack.Mode.values()) {
      RmiaAttack attack = new RmiaAttack(mode, RmiaParameters.defaults());
      double[] before = attack.score(input);
      double[] after = attack.score(edited);
      int otherFoldChanged = 0;
      for (int i = 0; i < 200; i++) {
        if (i != changed && fold[i] == fold[changed]) {
          assertEquals(before[i], after[i], 0.0, mode + " row " + i + " shares the fold");
        } else if (i != changed) {
          otherFoldChanged += before[i] != after[i] ? 1 : 0;
        }
      }
      assertTrue(otherFoldChanged > 0, mode + ": the changed row is a z of the other fold");
    }
  }

  private static double tprAtOnePercent(double[] scores, boolean[] members) {
    return dev.trustml.stats.RocCurve.of(scores, members).tprAtFpr(0.01);
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
      // 50 z samples: the count (0..50) is the integer part of s * 51.
      assertTrue(s > 0 && s < 1 && Math.floor(s * 51) <= 50, "score " + s);
    }
  }

  @Test
  void populationIsOptionalButMustBeScoredByEveryReferenceModel() throws BadInputException {
    AttackInput full = handComputed();
    AttackInput noPopulation = new AttackInput(full.target(), full.references(), null, 0);
    for (RmiaAttack.Mode mode : RmiaAttack.Mode.values()) {
      assertEquals(3, new RmiaAttack(mode, gamma(1)).score(noPopulation).length, "cross-fitted");
    }
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
