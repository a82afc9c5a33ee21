package dev.trustml.audit;

import dev.trustml.audit.shadow.ShadowModels;
import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.error.TrustmlException;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.model.LoadedModel;
import dev.trustml.progress.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference models trained here with the target's recipe on the audit rows, each row IN for half of
 * them ({@link ShadowModels}); none trains on a population row.
 */
final class TrainedReferences implements ReferenceSource {
  private final LoadedModel target;
  private final ShadowPlan plan;

  TrainedReferences(LoadedModel target, ShadowPlan plan) {
    this.target = target;
    this.plan = plan;
  }

  @Override
  public List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException {
    int[] popLabels = population == null ? null : population.labels();
    ShadowModels.Trained trained =
        ShadowModels.train(
            target,
            tokens(rows.texts()),
            rows.labels(),
            population == null ? null : tokens(population.texts()),
            popLabels,
            plan,
            progress);
    List<ReferenceModel> models = new ArrayList<>();
    for (int m = 0; m < trained.outputs().size(); m++) {
      ModelOutputs pop = population == null ? null : trained.populationOutputs().get(m);
      models.add(
          new ReferenceModel(
              trained.outputs().get(m).source(),
              trained.outputs().get(m),
              trained.in()[m],
              pop,
              population == null ? null : new boolean[popLabels.length]));
    }
    return models;
  }

  /** The rows as the target's tokenizer encodes them: the recipe trains on these ids. */
  private long[][] tokens(String[] texts) {
    long[][] tokens = new long[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      tokens[i] = target.tokenizer().encode(texts[i], target.card().maxLength());
    }
    return tokens;
  }
}
