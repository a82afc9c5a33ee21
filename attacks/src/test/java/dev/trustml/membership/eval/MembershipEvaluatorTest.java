package dev.trustml.membership.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Setting;
import dev.trustml.error.UsageException;
import dev.trustml.stats.Normal;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MembershipEvaluatorTest {
  /** Members ~ N(shift, 1), non-members ~ N(0, 1), interleaved; labels cycle through 0..3. */
  private static final class Audit {
    final double[] scores;
    final boolean[] member;
    final int[] labels;

    Audit(int rows, double shift, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      scores = new double[rows];
      member = new boolean[rows];
      labels = new int[rows];
      for (int i = 0; i < rows; i++) {
        member[i] = i % 2 == 0;
        labels[i] = (i / 2) % 4;
        scores[i] = random.nextGaussian() + (member[i] ? shift : 0);
      }
    }
  }

  private static final EvaluationSettings FAST =
      EvaluationSettings.defaults().withBootstrapResamples(200);

  @Test
  void gaussianAuditMatchesClosedFormsEndToEnd() throws BadInputException {
    Audit audit = new Audit(40_000, 1.0, 1);
    AttackMetrics metrics =
        new MembershipEvaluator(FAST).evaluate(audit.scores, audit.member, audit.labels);

    double trueAuc = Normal.cdf(1 / Math.sqrt(2));
    assertEquals(20_000, metrics.members());
    assertEquals(20_000, metrics.nonMembers());
    // s.d. of the AUC here is ~2.7e-3.
    assertEquals(trueAuc, metrics.auc(), 0.012);
    assertTrue(metrics.aucCi().contains(metrics.auc()));
    assertEquals(0.95, metrics.aucCi().confidence());
    assertEquals(0.5 * (1 + metrics.advantage()), metrics.balancedAccuracy(), 1e-12);

    assertEquals(
        List.of(0.1, 0.01, 0.001), metrics.tprAtFpr().stream().map(TprAtFpr::fpr).toList());
    TprAtFpr onePercent = metrics.tprAt(0.01);
    assertEquals(1 - Normal.cdf(Normal.ppf(0.99) - 1), onePercent.tpr(), 0.03);
    assertTrue(
        onePercent.ci().low() <= onePercent.tpr() && onePercent.tpr() <= onePercent.ci().high());

    assertTrue(metrics.roc().size() <= MembershipEvaluator.ROC_POINTS);

    assertEquals(4, metrics.slices().size());
    for (int label = 0; label < 4; label++) {
      SliceMetrics slice = metrics.slices().get(label);
      assertEquals(label, slice.label());
      assertEquals(5000, slice.members());
      assertEquals(5000, slice.nonMembers());
      assertEquals(trueAuc, slice.auc(), 0.025);
      assertEquals(0.01, slice.fpr());
    }
    assertEquals(List.of(), metrics.warnings());
  }

  @Test
  void sameSeedGivesIdenticalMetrics() throws BadInputException {
    Audit audit = new Audit(3000, 0.7, 2);
    MembershipEvaluator evaluator = new MembershipEvaluator(FAST.withSeed(17));
    AttackMetrics first = evaluator.evaluate(audit.scores, audit.member, audit.labels);
    AttackMetrics again = evaluator.evaluate(audit.scores, audit.member, audit.labels);
    assertEquals(first, again);
    AttackMetrics other =
        new MembershipEvaluator(FAST.withSeed(18))
            .evaluate(audit.scores, audit.member, audit.labels);
    assertEquals(first.auc(), other.auc());
    assertTrue(!first.aucCi().equals(other.aucCi()), "the seed changes the bootstrap");
  }

  @Test
  void refusesAnFprThatTheNonMembersCannotResolve() {
    Audit audit = new Audit(500, 1.0, 3);
    BadInputException error =
        assertThrows(
            BadInputException.class,
            () -> new MembershipEvaluator(FAST).evaluate(audit.scores, audit.member, null));
    assertEquals(
        "TPR at FPR 0.001 needs at least 1000 non-members; got 250 — lower the FPR or add rows",
        error.getMessage());
    // The command line names its option where the library says "the FPR".
    assertEquals(
        "TPR at FPR 0.001 needs at least 1000 non-members; got 250 — lower --fpr or add rows",
        error.message(s -> s == Setting.FPR ? "--fpr" : null));
  }

  @Test
  void refusesBrokenInputWithOneLineMessages() {
    MembershipEvaluator evaluator = new MembershipEvaluator(FAST.withFprs(0.1));
    double[] scores = {0.1, 0.9, Double.NaN, 0.3};
    boolean[] member = {true, false, true, false};
    BadInputException nan =
        assertThrows(BadInputException.class, () -> evaluator.evaluate(scores, member, null));
    assertTrue(nan.getMessage().contains("audit row 2 is NaN"), nan.getMessage());
    assertThrows(
        BadInputException.class, () -> evaluator.evaluate(new double[3], new boolean[4], null));
    assertThrows(
        BadInputException.class,
        () -> evaluator.evaluate(new double[] {1, 2, 3, 4}, member, new int[] {0, -1, 0, 0}));
    BadInputException oneClass =
        assertThrows(
            BadInputException.class,
            () ->
                evaluator.evaluate(new double[] {1, 2, 3}, new boolean[] {true, true, true}, null));
    assertTrue(
        oneClass.getMessage().contains("3 members and 0 non-members"), oneClass.getMessage());
    for (BadInputException e : List.of(nan, oneClass)) {
      assertTrue(!e.getMessage().contains("\n"));
    }
  }

  @Test
  void smallSlicesReportNaNWithAWarning() throws BadInputException {
    Audit audit = new Audit(4000, 1.0, 4);
    int[] labels = new int[audit.scores.length];
    labels[0] = 7; // label 7: one member only
    for (int i = 1; i < 301; i++) {
      labels[i] = 5; // label 5: 150 members, 150 non-members
    }
    AttackMetrics metrics =
        new MembershipEvaluator(FAST.withFprs(0.1, 0.01))
            .evaluate(audit.scores, audit.member, labels);
    assertEquals(List.of(0, 5, 7), metrics.slices().stream().map(SliceMetrics::label).toList());
    SliceMetrics seven = metrics.slices().get(2);
    assertTrue(Double.isNaN(seven.auc()) && Double.isNaN(seven.tprAtFpr()));
    SliceMetrics five = metrics.slices().get(1);
    assertTrue(Double.isFinite(five.auc()) && Double.isFinite(five.tprAtFpr()));
    assertEquals(1, metrics.warnings().size());
    assertTrue(metrics.warnings().get(0).contains("labels 7 lack"), metrics.warnings().toString());
  }

  @Test
  void sliceWithTooFewNonMembersForOnePercentIsNaN() throws BadInputException {
    Audit audit = new Audit(2000, 1.0, 5);
    int[] labels = new int[audit.scores.length];
    for (int i = 0; i < 100; i++) {
      labels[i] = 1; // 50 non-members: fewer than the 100 that FPR 1% needs
    }
    AttackMetrics metrics =
        new MembershipEvaluator(FAST.withFprs(0.1)).evaluate(audit.scores, audit.member, labels);
    SliceMetrics one = metrics.slices().get(1);
    assertEquals(50, one.nonMembers());
    assertTrue(Double.isFinite(one.auc()));
    assertTrue(Double.isNaN(one.tprAtFpr()));
    assertTrue(
        metrics.warnings().get(0).contains("fewer than 100 non-members"),
        metrics.warnings().toString());
  }

  @Test
  void zeroResamplesSwitchIntervalsOff() throws BadInputException {
    Audit audit = new Audit(2000, 1.0, 6);
    AttackMetrics metrics =
        new MembershipEvaluator(FAST.withBootstrapResamples(0).withFprs(0.1, 0.01))
            .evaluate(audit.scores, audit.member, null);
    assertNull(metrics.aucCi());
    assertNull(metrics.advantageCi());
    assertNull(metrics.tprAt(0.1).ci());
    assertEquals(List.of(), metrics.slices());
  }

  @Test
  void settingsRejectBadCommandLineValues() throws UsageException {
    assertThrows(UsageException.class, () -> EvaluationSettings.of(List.of(1.5), 1000, 0.95, 0));
    assertThrows(UsageException.class, () -> EvaluationSettings.of(List.of(), 1000, 0.95, 0));
    assertThrows(
        UsageException.class, () -> EvaluationSettings.of(List.of(0.1, 0.1), 1000, 0.95, 0));
    assertThrows(UsageException.class, () -> EvaluationSettings.of(List.of(0.1), -1, 0.95, 0));
    assertThrows(UsageException.class, () -> EvaluationSettings.of(List.of(0.1), 10, 1.0, 0));
    assertEquals(
        EvaluationSettings.defaults(),
        EvaluationSettings.of(List.of(0.1, 0.01, 0.001), 1000, 0.95, 0));
    assertThrows(
        IllegalArgumentException.class, () -> EvaluationSettings.defaults().withConfidence(0));
  }

  @Test
  void measurableBudgetsDropOnlyWhatTheNonMembersCannotMeasure() {
    EvaluationSettings defaults = EvaluationSettings.defaults();
    assertEquals(List.of(0.1, 0.01), defaults.measurableWith(999).fprs());
    assertEquals(List.of(0.1, 0.01), defaults.measurableWith(100).fprs());
    assertEquals(List.of(0.1), defaults.measurableWith(99).fprs());
    assertSame(defaults, defaults.measurableWith(1000));
    // Nothing measurable: unchanged, so that the evaluator explains what is needed.
    assertSame(defaults, defaults.measurableWith(9));
    assertEquals(defaults.seed(), defaults.measurableWith(500).seed());
    assertEquals(defaults.bootstrapResamples(), defaults.measurableWith(500).bootstrapResamples());
  }
}
