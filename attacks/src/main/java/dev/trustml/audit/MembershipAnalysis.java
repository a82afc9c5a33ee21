package dev.trustml.audit;

import dev.trustml.error.TrustmlException;
import dev.trustml.membership.Attack;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.eval.MembershipEvaluator;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.AttackResult;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.SliceResult;
import dev.trustml.results.Theoretical;
import java.util.ArrayList;
import java.util.List;

/**
 * The membership audit's analyse stage: collected data and settings in, result out, no I/O. Runs
 * each attack, evaluates its scores, computes each epsilon figure once, and sets the largest
 * against the claim (the verdict); the report's sentences are built from those results.
 *
 * <p>What the audit may call rigorous depends on how members were chosen ({@link AuditDesign}):
 * only rows included by independent fair coin flips, recorded on the model card and audited on the
 * card's own files, give rigorous one-run bounds (Steinke, Nasr &amp; Jagielski 2023); every other
 * figure is an estimate, which can make a model suspect but never violated. No attack score uses
 * the rows' membership.
 */
public final class MembershipAnalysis {
  private MembershipAnalysis() {}

  /**
   * Analyses {@code data}.
   *
   * @throws TrustmlException when a named attack lacks an input, an FPR needs more rows than there
   *     are, or fixed one-run guess counts do not fit the rows
   */
  public static MembershipAuditOutcome analyse(
      MembershipAuditData data, MembershipAnalysisSettings settings, Progress progress)
      throws TrustmlException {
    Theoretical claim = data.subject().claim(settings.claimOverride());
    double delta = claim == null ? 0.0 : claim.delta();
    AuditRows rows = data.rows();
    AttackInput input = data.attackInput(settings.seed());
    List<Attack> attacks = AttackSelection.of(settings).attacksFor(input);
    EpsilonBounds bounds =
        new EpsilonBounds(
            rows.isMember(), rows.keys(), data.design(), settings.oneRun(), delta, settings.seed());

    // Each attack's epsilon figures are taken at a Bonferroni-adjusted confidence so that the
    // largest of them holds at the stated confidence (family-wise).
    double family = settings.evaluation().confidence();
    double perAttack = 1 - (1 - family) / attacks.size();
    MembershipEvaluator evaluator = new MembershipEvaluator(settings.evaluation());
    List<AttackAssessment> assessed = new ArrayList<>();
    progress.start("attacks", attacks.size());
    for (Attack attack : attacks) {
      assessed.add(AttackAssessment.of(attack, input, rows, evaluator, bounds, perAttack, family));
      progress.advance(1);
    }
    progress.done();

    List<AttackResult> results = assessed.stream().map(AttackAssessment::result).toList();
    List<SliceResult> slices = new ArrayList<>();
    assessed.forEach(a -> slices.addAll(a.slices()));
    MembershipVerdict verdict =
        MembershipVerdict.decide(claim, results, data.design(), family, attacks.size());
    MembershipResult result =
        new MembershipResult(
            MembershipResult.SCHEMA_VERSION,
            MembershipResult.KIND,
            data.subject().model(),
            claim,
            verdict.verdict(),
            verdict.reason(),
            verdict.basis(),
            rows.members(),
            rows.nonMembers(),
            data.references().size(),
            results,
            slices,
            MembershipConventions.of(
                family, attacks.size(), delta, data.design(), bounds, data.hasPopulation()),
            Provenance.of(
                data.subject().provenance(), data.sources(), settings.seed(), data.started()));
    AuditScores scores =
        new AuditScores(
            rows.rowNumbers(),
            rows.isMember(),
            rows.labels(),
            rows.labelNames(),
            results.stream().map(AttackResult::name).toList(),
            assessed.stream().map(AttackAssessment::scores).toList());
    return new MembershipAuditOutcome(result, scores);
  }
}
