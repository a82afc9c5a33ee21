package dev.trustml.audit.shadow;

import dev.trustml.error.TrustmlException;
import java.io.IOException;
import java.nio.file.Path;

/** The steps of one reference job, the same on every executor. */
public final class ReferenceRun {
  /** The kind recorded in the cache manifest of a reference model. */
  public static final String CACHE_KIND = "reference-model";

  /** Loading a reference model that a concurrent clear deleted: rebuild it this many times. */
  private static final int MAX_LOAD_ATTEMPTS = 3;

  private ReferenceRun() {}

  /**
   * Obtains the job's model from {@code cache} (training it there when missing; concurrent audits
   * share the work, see {@link ShadowCache#obtain}) and scores the rows with it. If a concurrent
   * {@code cache clear} deletes the entry between finding and loading it, it is built again.
   */
  public static ReferenceScores obtainAndScore(
      ShadowCache cache, ReferenceWork work, ReferenceJob job)
      throws TrustmlException, IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      Path dir =
          cache
              .obtain(
                  job.key(),
                  CACHE_KIND,
                  job.description(),
                  partial -> train(work, job, partial, cache.logFile(job.key())))
              .dir();
      try {
        return ReferenceScoring.score(work, job.index(), job.name(), dir);
      } catch (TrustmlException e) {
        if (attempt >= MAX_LOAD_ATTEMPTS || cache.find(job.key()) != null) {
          throw e; // The entry is intact: the failure is real.
        }
      }
    }
  }

  /** Trains the job's model into the empty directory {@code dir}. */
  public static void train(ReferenceWork work, ReferenceJob job, Path dir, Path log)
      throws IOException, TrustmlException {
    try {
      work.trainer().train(work, job, dir, log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while training " + job.name(), e);
    }
  }
}
