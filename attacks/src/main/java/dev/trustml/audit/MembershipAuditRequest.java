package dev.trustml.audit;

import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.data.CsvColumns;
import dev.trustml.membership.RmiaParameters;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.results.Theoretical;
import java.nio.file.Path;
import java.util.List;

/**
 * What to audit and how.
 *
 * @param members CSV of rows the model was trained on
 * @param nonMembers CSV of rows it was not trained on
 * @param columns the text and label columns
 * @param attacks attack names; empty for the default set that the available inputs allow
 * @param evaluation FPR budgets, bootstrap, confidence, seed (delta is taken from the claim)
 * @param claimOverride the claim from the command line, or null to use the model card's
 * @param shadows reference models to train, or null
 * @param references reference bundles given by the user (trained by trustml: their cards name the
 *     rows they trained on)
 * @param rmia RMIA's parameters
 * @param seed seeds every random choice
 * @param oneRun when to compute the one-run bound (Steinke et al. 2023)
 * @param population CSV of rows known to be outside the target's training data, used as RMIA's
 *     population and for calibration, never evaluated; null to cross-fit on the audit rows
 */
public record MembershipAuditRequest(
    Path members,
    Path nonMembers,
    CsvColumns columns,
    List<String> attacks,
    EvaluationSettings evaluation,
    Theoretical claimOverride,
    ShadowPlan shadows,
    List<Path> references,
    RmiaParameters rmia,
    long seed,
    OneRunOption oneRun,
    Path population) {

  public MembershipAuditRequest {
    attacks = List.copyOf(attacks);
    references = List.copyOf(references);
    oneRun = oneRun == null ? OneRunOption.AUTO : oneRun;
  }

  /** This request with {@code plan} as its reference models to train. */
  public MembershipAuditRequest withShadows(ShadowPlan plan) {
    return new MembershipAuditRequest(
        members,
        nonMembers,
        columns,
        attacks,
        evaluation,
        claimOverride,
        plan,
        references,
        rmia,
        seed,
        oneRun,
        population);
  }

  /** Whether reference models will be available. */
  public boolean hasReferenceModels() {
    return shadows != null || !references.isEmpty();
  }
}
