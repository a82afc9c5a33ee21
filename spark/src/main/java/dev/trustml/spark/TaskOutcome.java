package dev.trustml.spark;

import dev.trustml.audit.shadow.ReferenceScores;
import java.io.Serializable;

/**
 * What a Spark task sends back: the scores and the model it trained (for the driver's cache), or
 * why it failed, with the trainer's log.
 *
 * @param index the job's index
 * @param scores the scores, or null when it failed
 * @param trained the files of the model it trained, or null (found in the cache, or failed)
 * @param exitCode the failure's exit code name ({@link dev.trustml.error.ExitCode}), or null
 * @param message the failure's message, or null
 * @param workerLog the path of the trainer's log on the worker (named in the message), or null
 * @param log the trainer's log, or null
 */
record TaskOutcome(
    int index,
    ReferenceScores scores,
    EntryFiles trained,
    String exitCode,
    String message,
    String workerLog,
    String log)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  boolean failed() {
    return scores == null;
  }
}
