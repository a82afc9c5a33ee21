package dev.trustml.spark;

import dev.trustml.audit.shadow.ReferenceJob;
import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * One Spark task: a reference job, with its model's files when the driver's cache already holds it
 * (then the task only scores).
 *
 * @param job the job
 * @param cached the cached model's files, or null to train it
 */
record ReferenceTask(ReferenceJob job, Broadcast<EntryFiles> cached) implements Serializable {
  private static final long serialVersionUID = 1L;
}
