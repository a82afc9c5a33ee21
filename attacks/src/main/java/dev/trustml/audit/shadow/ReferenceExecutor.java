package dev.trustml.audit.shadow;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.util.List;

/**
 * Runs reference jobs: for each, obtains its model (from the {@link ShadowCache}, or trained with
 * {@link ReferenceWork#trainer()} and published there) and scores the audit and population rows
 * with it. The seam between the audit and where the work runs: {@link LocalExecutor} (threads of
 * this JVM; with a {@link CommandTrainer}, child processes) or a distributed engine found through
 * {@link ReferenceExecutorProvider} (Apache Spark). Every executor runs {@link ReferenceRun}'s
 * steps on the same inputs, so all give the same numbers.
 */
public interface ReferenceExecutor extends AutoCloseable {
  /**
   * Runs every job; calls {@code progress.advance(1)} as each finishes.
   *
   * @return each job's scores, in job order
   * @throws TrustmlException when a job failed (after the others finished: their models are
   *     cached), naming every failed model
   */
  List<ReferenceScores> run(
      ReferenceWork work, List<ReferenceJob> jobs, ShadowCache cache, Progress progress)
      throws TrustmlException;

  /** Releases what the executor holds (threads, a cluster connection). */
  @Override
  void close();
}
