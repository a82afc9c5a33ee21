package dev.trustml.spark;

import dev.trustml.audit.shadow.ReferenceJob;
import dev.trustml.audit.shadow.ReferenceRun;
import dev.trustml.audit.shadow.ReferenceScores;
import dev.trustml.audit.shadow.ReferenceScoring;
import dev.trustml.audit.shadow.ReferenceWork;
import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.error.TrustmlException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The body of a Spark task, on a worker: trains the job's model into a scratch directory (or writes
 * the cached model the driver sent) and scores the audit and population rows with it, exactly as
 * the local executor does ({@link ReferenceRun}, {@link ReferenceScoring}). A failure of trustml's
 * kind comes back as an outcome, not an exception, so Spark does not retry a trainer that will fail
 * again, and the driver gets the log.
 */
final class RunReferenceTask implements Function<ReferenceTask, TaskOutcome> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<ReferenceWork> work;

  RunReferenceTask(Broadcast<ReferenceWork> work) {
    this.work = work;
  }

  @Override
  public TaskOutcome call(ReferenceTask task) throws Exception {
    ReferenceWork w = work.value();
    ReferenceJob job = task.job();
    Path scratch = Files.createTempDirectory("trustml-reference-");
    Path dir = scratch.resolve("model");
    Path log = scratch.resolve("train.log");
    try {
      EntryFiles trained = null;
      if (task.cached() != null) {
        task.cached().value().writeInto(dir);
      } else {
        Files.createDirectories(dir);
        try {
          ReferenceRun.train(w, job, dir, log);
        } catch (TrustmlException e) {
          return failure(job, e, log);
        }
        trained = EntryFiles.read(dir);
      }
      ReferenceScores scores;
      try {
        scores = ReferenceScoring.score(w, job.index(), job.name(), dir);
      } catch (TrustmlException e) {
        return failure(job, e, log);
      }
      return new TaskOutcome(job.index(), scores, trained, null, null, null, null);
    } finally {
      ShadowCache.deleteTree(scratch);
    }
  }

  private static TaskOutcome failure(ReferenceJob job, TrustmlException e, Path log)
      throws java.io.IOException {
    String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : null;
    return new TaskOutcome(
        job.index(), null, null, e.exitCode().name(), e.getMessage(), log.toString(), text);
  }
}
