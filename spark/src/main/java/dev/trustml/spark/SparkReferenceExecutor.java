package dev.trustml.spark;

import dev.trustml.audit.shadow.ReferenceExecutor;
import dev.trustml.audit.shadow.ReferenceFailures;
import dev.trustml.audit.shadow.ReferenceJob;
import dev.trustml.audit.shadow.ReferenceRun;
import dev.trustml.audit.shadow.ReferenceScores;
import dev.trustml.audit.shadow.ReferenceWork;
import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Runs reference jobs as Spark tasks, one task per reference model. The driver keeps the {@link
 * ShadowCache}: a task receives the cached model when there is one (and only scores), else trains
 * it on the worker and sends it back with its scores, and the driver publishes it in the cache.
 * Workers need no shared file system. The rows and the trainer are broadcast once.
 *
 * <p>The driver collects every trained model at once: with N models of S bytes it needs about N x S
 * of heap (16 of trustml's sample models: about 35 MB).
 */
final class SparkReferenceExecutor implements ReferenceExecutor {
  private final JavaSparkContext sc;

  SparkReferenceExecutor(JavaSparkContext sc) {
    this.sc = sc;
  }

  @Override
  public List<ReferenceScores> run(
      ReferenceWork work, List<ReferenceJob> jobs, ShadowCache cache, Progress progress)
      throws TrustmlException {
    try {
      return runTasks(work, jobs, cache, progress);
    } catch (RuntimeException e) {
      throw new TrustmlException(
          ExitCode.INTERNAL,
          sc.sc().isStopped()
              ? "Spark stopped before the reference models were done: no master answered at "
                  + sc.master()
                  + ", or it gave up on this application; check the master URL, that it is"
                  + " reachable from here and that its workers have free cores"
              : "the Spark job of the reference models failed: " + firstLine(e),
          e);
    }
  }

  private List<ReferenceScores> runTasks(
      ReferenceWork work, List<ReferenceJob> jobs, ShadowCache cache, Progress progress)
      throws TrustmlException {
    List<Broadcast<?>> broadcasts = new ArrayList<>();
    Broadcast<ReferenceWork> sharedWork = sc.broadcast(work);
    broadcasts.add(sharedWork);
    List<ReferenceTask> tasks = new ArrayList<>();
    try {
      for (ReferenceJob job : jobs) {
        Path found = cache.find(job.key());
        Broadcast<EntryFiles> cached = null;
        if (found != null) {
          cached = sc.broadcast(EntryFiles.read(found));
          broadcasts.add(cached);
        }
        tasks.add(new ReferenceTask(job, cached));
      }
    } catch (IOException e) {
      throw new TrustmlException(
          ExitCode.INTERNAL, cache.dir() + ": cannot read a cached reference model (" + e + ")", e);
    }
    TaskProgress listener = new TaskProgress(progress);
    sc.sc().addSparkListener(listener);
    List<TaskOutcome> outcomes;
    try {
      outcomes =
          sc.parallelize(tasks, tasks.size()).map(new RunReferenceTask(sharedWork)).collect();
    } finally {
      sc.sc().removeSparkListener(listener);
      if (!sc.sc().isStopped()) {
        for (Broadcast<?> b : broadcasts) {
          b.destroy();
        }
      }
    }
    return collect(outcomes, jobs, cache);
  }

  /** Publishes trained models in the cache, writes failed models' logs, orders the scores. */
  private static List<ReferenceScores> collect(
      List<TaskOutcome> outcomes, List<ReferenceJob> jobs, ShadowCache cache)
      throws TrustmlException {
    ReferenceScores[] scores = new ReferenceScores[jobs.size()];
    List<TrustmlException> failures = new ArrayList<>();
    for (TaskOutcome o : outcomes) {
      ReferenceJob job = jobs.get(o.index());
      try {
        if (o.failed()) {
          failures.add(failure(o, cache.logFile(job.key())));
          continue;
        }
        if (o.trained() != null) {
          cache.obtain(
              job.key(), ReferenceRun.CACHE_KIND, job.description(), o.trained()::writeInto);
        }
        scores[o.index()] = o.scores();
      } catch (IOException | TrustmlException e) {
        failures.add(ReferenceFailures.of(job, e, cache.dir()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TrustmlException(ExitCode.INTERNAL, "interrupted while caching reference models");
      }
    }
    if (!failures.isEmpty()) {
      throw ReferenceFailures.combine(failures, jobs.size());
    }
    return List.of(scores);
  }

  /** The worker's failure, its log copied to {@code log} on the driver and named instead. */
  private static TrustmlException failure(TaskOutcome o, Path log) throws IOException {
    String message = o.message();
    if (o.log() != null) {
      Files.createDirectories(log.getParent());
      Files.writeString(log, o.log(), StandardCharsets.UTF_8);
      message = message.replace(o.workerLog(), log.toString());
    }
    return new TrustmlException(ExitCode.valueOf(o.exitCode()), message);
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    sc.stop();
  }

  /** Advances the progress as tasks end. */
  private static final class TaskProgress extends SparkListener {
    private final Progress progress;

    TaskProgress(Progress progress) {
      this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      if (taskEnd.taskInfo() != null && taskEnd.taskInfo().successful()) {
        progress.advance(1);
      }
    }
  }
}
