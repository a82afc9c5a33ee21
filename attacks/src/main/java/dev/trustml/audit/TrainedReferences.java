package dev.trustml.audit;

import dev.trustml.audit.shadow.ShadowModels;
import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;
import java.util.List;

/**
 * Reference models trained for this audit on the audit rows, each row IN for half of them ({@link
 * ShadowModels}): with the target's recipe or the user's train command, on the plan's executor
 * (threads here, or Spark); none trains on a population row.
 */
final class TrainedReferences implements ReferenceSource {
  private final Classifier target;
  private final ShadowPlan plan;

  TrainedReferences(Classifier target, ShadowPlan plan) {
    this.target = target;
    this.plan = plan;
  }

  @Override
  public List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException {
    return ReferenceModel.all(
        ShadowModels.train(
            target,
            rows.texts(),
            rows.labels(),
            population == null ? null : population.texts(),
            population == null ? null : population.labels(),
            plan,
            progress));
  }
}
