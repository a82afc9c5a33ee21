package dev.trustml.audit.shadow;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs reference jobs on a pool of threads of this JVM: trustml's trainer in-process, or the user's
 * train command as one child process per thread. The default executor.
 */
public final class LocalExecutor implements ReferenceExecutor {
  private final int threads;

  /**
   * @param threads jobs run at once
   */
  public LocalExecutor(int threads) {
    this.threads = Math.max(1, threads);
  }

  @Override
  public List<ReferenceScores> run(
      ReferenceWork work, List<ReferenceJob> jobs, ShadowCache cache, Progress progress)
      throws TrustmlException {
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())));
    try {
      List<Future<ReferenceScores>> futures = new ArrayList<>();
      for (ReferenceJob job : jobs) {
        futures.add(
            pool.submit(
                () -> {
                  ReferenceScores s = ReferenceRun.obtainAndScore(cache, work, job);
                  progress.advance(1);
                  return s;
                }));
      }
      // Every job runs to its end, so a failed model does not cost the others (they are cached).
      List<ReferenceScores> scores = new ArrayList<>();
      List<TrustmlException> failures = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        try {
          scores.add(futures.get(i).get());
        } catch (ExecutionException e) {
          failures.add(ReferenceFailures.of(jobs.get(i), e, cache.dir()));
        }
      }
      if (!failures.isEmpty()) {
        throw ReferenceFailures.combine(failures, jobs.size());
      }
      return scores;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustmlException(ExitCode.INTERNAL, "interrupted while training reference models");
    } finally {
      pool.shutdownNow();
    }
  }

  @Override
  public void close() {
    // Threads live only during run().
  }
}
