package dev.trustml.audit;

import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.data.CsvColumns;
import java.nio.file.Path;
import java.util.List;

/**
 * What to collect for a membership audit of a model, and how to analyse it.
 *
 * @param members CSV of rows the model was trained on
 * @param nonMembers CSV of rows it was not trained on
 * @param columns the text and label columns
 * @param population CSV of rows known to be outside the target's training data, used as RMIA's
 *     population and for calibration, never evaluated; null to cross-fit on the audit rows
 * @param shadows reference models to train, or null
 * @param references reference bundles given by the user (trained by trustml: their cards name the
 *     rows they trained on)
 * @param otherReferences reference models from any other source (precomputed outputs, a training
 *     plan, ...), after the trained and the given ones
 * @param keepTexts keep the rows' texts in the collected data even without reference models (to
 *     export the outputs)
 * @param analysis attacks, metrics, bounds and the claim
 */
public record MembershipAuditRequest(
    Path members,
    Path nonMembers,
    CsvColumns columns,
    Path population,
    ShadowPlan shadows,
    List<Path> references,
    List<ReferenceSource> otherReferences,
    boolean keepTexts,
    MembershipAnalysisSettings analysis) {

  public MembershipAuditRequest {
    references = List.copyOf(references);
    otherReferences = List.copyOf(otherReferences);
  }

  /** Whether reference models will be available. */
  public boolean hasReferenceModels() {
    return shadows != null || !references.isEmpty() || !otherReferences.isEmpty();
  }
}
