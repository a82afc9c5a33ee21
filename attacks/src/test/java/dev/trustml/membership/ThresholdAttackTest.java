package dev.trustml.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdAttackTest {

  /**
   * Three classes of different difficulty: the true-class logit is {@code base_c + shift * member +
   * noise}, other logits 0. A global threshold mostly separates classes; per class the members are
   * clearly separated.
   */
  private static final double[] CLASS_BASE = {-1.0, 1.5, 4.0};

  private static final double MEMBER_SHIFT = 1.5;
  private static final double NOISE_SD = 0.4;

  private record Labelled(ModelOutputs outputs, boolean[] members) {}

  private static Labelled classImbalancedAudit(int n, boolean allNonMembers, long seed)
      throws BadInputException {
    Random random = new Random(seed);
    int[] labels = new int[n];
    float[] logits = new float[3 * n];
    boolean[] members = new boolean[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      members[i] = !allNonMembers && random.nextBoolean();
      double trueLogit =
          CLASS_BASE[labels[i]]
              + (members[i] ? MEMBER_SHIFT : 0.0)
              + NOISE_SD * random.nextGaussian();
      logits[3 * i + labels[i]] = (float) trueLogit;
    }
    return new Labelled(ModelOutputs.of("target", 3, labels, logits), members);
  }

  @Test
  void globalScoresAreTheSignalsOrientedTowardsMembers() throws BadInputException {
    ModelOutputs outputs = ModelOutputs.of("t", 2, new int[] {0, 0}, new float[] {4f, 0f, 1f, 0f});
    AttackInput input = AttackInput.targetOnly(outputs, 0);
    for (ThresholdSignal signal : ThresholdSignal.values()) {
      double[] scores = new ThresholdAttack(signal).score(input);
      // Row 0 fits better (larger margin): lower loss, entropy and Mentr; higher confidence.
      assertTrue(scores[0] > scores[1], signal.cliName());
    }
    assertEquals(-outputs.loss(0), new ThresholdAttack(ThresholdSignal.LOSS).score(input)[0]);
    assertEquals(
        -outputs.modifiedEntropy(1),
        new ThresholdAttack(ThresholdSignal.MODIFIED_ENTROPY).score(input)[1]);
  }

  @Test
  void classDependentCalibrationRemovesPerClassOffset() throws BadInputException {
    Labelled audit = classImbalancedAudit(3000, false, 11);
    AttackInput input = AttackInput.targetOnly(audit.outputs(), 0);
    for (ThresholdSignal signal :
        new ThresholdSignal[] {ThresholdSignal.LOSS, ThresholdSignal.MODIFIED_ENTROPY}) {
      double global = Auc.of(new ThresholdAttack(signal).score(input), audit.members());
      double perClass =
          Auc.of(new ClassDependentThresholdAttack(signal).score(input), audit.members());
      assertTrue(global < 0.75, signal + " global AUC " + global);
      assertTrue(perClass > 0.9, signal + " class-dependent AUC " + perClass);
    }
  }

  @Test
  void classDependentCalibrationCanUsePopulationNonMembers() throws BadInputException {
    Labelled audit = classImbalancedAudit(3000, false, 12);
    Labelled population = classImbalancedAudit(1500, true, 13);
    AttackInput input =
        AttackInput.of(
            audit.outputs(),
            null,
            PopulationOutputs.of(population.outputs(), java.util.List.of()),
            0);
    Attack attack = new ClassDependentThresholdAttack(ThresholdSignal.LOSS);
    double auc = Auc.of(attack.score(input), audit.members());
    assertTrue(auc > 0.9, "AUC " + auc);
    // Calibrated against non-members only: a non-member of any class scores about N(0, 1), so
    // roughly half of the audit's non-members land above 0 and most members above it.
    double[] scores = attack.score(input);
    int nonMembersAbove = 0;
    int nonMembers = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!audit.members()[i]) {
        nonMembers++;
        nonMembersAbove += scores[i] > 0 ? 1 : 0;
      }
    }
    double fraction = (double) nonMembersAbove / nonMembers;
    assertTrue(fraction > 0.4 && fraction < 0.6, "non-member fraction above 0: " + fraction);
  }

  @Test
  void classWithTooFewCalibrationRowsFallsBackToAllRows() throws BadInputException {
    // Calibrated on population rows (the same five rows): classes 0 and 1 have two rows each,
    // class 2 a single row.
    float[] logits = {2f, 0f, 0f, 3f, 0f, 0f, 0f, 1f, 0f, 0f, 4f, 0f, 0f, 0f, 2f};
    int[] labels = {0, 0, 1, 1, 2};
    ModelOutputs outputs = ModelOutputs.of("t", 3, labels, logits);
    double[] loss = new double[5];
    double mean = 0;
    for (int i = 0; i < 5; i++) {
      loss[i] = -outputs.loss(i);
      mean += loss[i] / 5;
    }
    double var = 0;
    for (double v : loss) {
      var += (v - mean) * (v - mean) / 5;
    }
    double[] scores =
        new ClassDependentThresholdAttack(ThresholdSignal.LOSS)
            .score(
                AttackInput.of(
                    outputs, null, PopulationOutputs.of(outputs, java.util.List.of()), 0));
    assertEquals((loss[4] - mean) / Math.sqrt(var), scores[4], 1e-12);
    // Two rows of a class standardise to -1 and +1.
    assertEquals(-1.0, scores[0], 1e-12);
    assertEquals(1.0, scores[1], 1e-12);
  }

  @Test
  void withoutPopulationEachFoldIsCalibratedOnTheOther() throws BadInputException {
    // Cross-fitting: a row's score is its signal standardised with the other fold's class moments,
    // so changing one row moves that row and the other fold, never its fold-mates.
    Labelled audit = classImbalancedAudit(400, false, 21);
    ModelOutputs outputs = audit.outputs();
    byte[] fold = CrossFitFolds.assign(400, 3);
    int changed = 5;
    float[] logits = new float[400 * 3];
    for (int i = 0; i < 400; i++) {
      for (int c = 0; c < 3; c++) {
        logits[3 * i + c] = outputs.logit(i, c);
      }
    }
    logits[3 * changed + outputs.label(changed)] += 3f;
    int[] labels = new int[400];
    for (int i = 0; i < 400; i++) {
      labels[i] = outputs.label(i);
    }
    ModelOutputs edited = ModelOutputs.of("edited", 3, labels, logits);
    ClassDependentThresholdAttack attack = new ClassDependentThresholdAttack(ThresholdSignal.LOSS);
    double[] before = attack.score(AttackInput.targetOnly(outputs, 3));
    double[] after = attack.score(AttackInput.targetOnly(edited, 3));
    int otherFoldChanged = 0;
    for (int i = 0; i < 400; i++) {
      if (i != changed && fold[i] == fold[changed]) {
        assertEquals(before[i], after[i], 0.0, "row " + i + " shares the changed row's fold");
      } else if (i != changed && before[i] != after[i]) {
        otherFoldChanged++;
      }
    }
    assertTrue(otherFoldChanged > 0, "the changed row calibrates the other fold");
  }
}
