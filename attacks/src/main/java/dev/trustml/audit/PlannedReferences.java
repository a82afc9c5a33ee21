package dev.trustml.audit;

import dev.trustml.audit.shadow.PlanReferences;
import dev.trustml.audit.shadow.ReferencePlanFile;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import java.nio.file.Path;
import java.util.List;

/**
 * Reference models the user trained from a plan of {@code trustml shadow plan} ({@link
 * PlanReferences}): every planned model must be in the plan's results and be what was planned; the
 * plan's IN masks say which audit and population rows each trained on.
 */
final class PlannedReferences implements ReferenceSource {
  private final Classifier target;
  private final Path planDir;
  private final int threads;

  /**
   * @param target the audited model
   * @param planDir the plan directory ({@link ReferencePlanFile#isPlan})
   * @param threads models scored at once
   */
  PlannedReferences(Classifier target, Path planDir, int threads) {
    this.target = target;
    this.planDir = planDir;
    this.threads = threads;
  }

  @Override
  public List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException {
    return ReferenceModel.all(
        PlanReferences.collect(
            planDir,
            target.card().labels(),
            Hashing.sha256(target.bundle().modelFile()),
            new PlanReferences.Rows(rows.texts(), rows.labels(), rows.keys()),
            population == null
                ? null
                : new PlanReferences.Rows(
                    population.texts(), population.labels(), population.keys()),
            threads,
            progress));
  }

  /** The plan file (its models' IN masks and seeds), with the number of pool rows it plans. */
  @Override
  public List<Provenance.DataRef> files() {
    Path file = planDir.resolve(ReferencePlanFile.FILE_NAME);
    try {
      return List.of(
          new Provenance.DataRef(
              "reference plan",
              file.toString(),
              Hashing.sha256(file),
              ReferencePlanFile.read(planDir).pool().rows()));
    } catch (TrustmlException e) {
      throw new IllegalStateException(file + " was read but cannot be hashed", e);
    }
  }
}
