package dev.trustml.audit;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import java.util.List;

/**
 * Where reference models come from: the one seam between obtaining reference models and the
 * membership audit. A source turns the audit rows (and the population rows, if any) into {@link
 * ReferenceModel}s: each model's outputs on exactly those rows, in that order, and which rows it
 * trained on. Built in: models trained here with the target's recipe ({@link TrainedReferences}),
 * bundles given by the user ({@link GivenReference}) and precomputed output files ({@link
 * dev.trustml.audit.outputs.PrecomputedReferences}). A new kind (a plan's externally trained
 * models, a cluster) is one more implementation; LiRA, RMIA, the bounds and the reports are
 * unchanged.
 */
public interface ReferenceSource {
  /**
   * The source's reference models on these rows.
   *
   * @param rows the audit rows (keys, labels and membership; texts when kept)
   * @param population the population rows, or null
   * @throws TrustmlException when a model cannot be obtained or does not fit the rows; the message
   *     names the model and the fix
   */
  List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException;

  /**
   * The files this source read, for the report's provenance (after {@link #models}); none by
   * default.
   */
  default List<Provenance.DataRef> files() {
    return List.of();
  }
}
