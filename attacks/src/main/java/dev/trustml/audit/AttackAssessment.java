package dev.trustml.audit;

import dev.trustml.error.TrustmlException;
import dev.trustml.membership.Attack;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.eval.AttackMetrics;
import dev.trustml.membership.eval.MembershipEvaluator;
import dev.trustml.membership.eval.SliceMetrics;
import dev.trustml.results.AttackResult;
import dev.trustml.results.RocPoint;
import dev.trustml.results.SliceResult;
import dev.trustml.results.TprAtFpr;
import java.util.ArrayList;
import java.util.List;

/**
 * One attack run and judged: its per-row scores, the metrics of those scores against the rows'
 * membership, and its two epsilon figures, each computed once.
 *
 * @param scores the attack's score of each audit row (higher = more likely a member)
 * @param result the attack's part of the report
 * @param slices its per-label results
 */
record AttackAssessment(double[] scores, AttackResult result, List<SliceResult> slices) {
  private static final int HISTOGRAM_BINS = 30;

  /**
   * Runs {@code attack} on {@code input} and judges its scores.
   *
   * @param confidence the level of this attack's epsilon figures (its Bonferroni share)
   * @param familyConfidence the level the largest figure of the audit holds at
   */
  static AttackAssessment of(
      Attack attack,
      AttackInput input,
      AuditRows rows,
      MembershipEvaluator evaluator,
      EpsilonBounds bounds,
      double confidence,
      double familyConfidence)
      throws TrustmlException {
    double[] scores = attack.score(input);
    boolean[] isMember = rows.isMember();
    AttackMetrics m = evaluator.evaluate(scores, isMember, rows.labels());
    List<TprAtFpr.Point> points = new ArrayList<>();
    for (dev.trustml.membership.eval.TprAtFpr t : m.tprAtFpr()) {
      points.add(new TprAtFpr.Point(t.fpr(), t.tpr(), t.ci()));
    }
    List<RocPoint> roc = new ArrayList<>();
    for (dev.trustml.stats.RocPoint p : m.roc()) {
      roc.add(new RocPoint(p.fpr(), p.tpr()));
    }
    String name = attack.info().name();
    AttackResult result =
        new AttackResult(
            name,
            attack.info().threatModel().description(),
            attack.info().citation(),
            m.auc(),
            m.advantage(),
            m.balancedAccuracy(),
            new TprAtFpr(points),
            bounds.oneRun(scores, confidence, familyConfidence),
            bounds.estimate(scores, confidence, familyConfidence),
            new AttackResult.Intervals(m.aucCi(), m.advantageCi(), m.bootstrapResamples()),
            roc,
            ScoreHistograms.of(scores, isMember, HISTOGRAM_BINS));
    List<SliceResult> slices = new ArrayList<>();
    for (SliceMetrics s : m.slices()) {
      slices.add(
          new SliceResult(
              name,
              rows.labelNames().get(s.label()),
              s.members(),
              s.nonMembers(),
              s.auc(),
              s.tprAtFpr()));
    }
    return new AttackAssessment(scores, result, List.copyOf(slices));
  }
}
