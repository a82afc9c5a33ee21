package dev.trustml.audit.shadow;

import dev.trustml.error.TrustmlException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Trains one reference model into a directory: trustml's own recipe ({@link RecipeTrainer}) or the
 * user's command ({@link CommandTrainer}). Serializable, so a distributed executor can run it on a
 * worker; deterministic, so every executor gets the same model from the same job.
 */
public sealed interface ReferenceTrainer extends Serializable
    permits RecipeTrainer, CommandTrainer {

  /**
   * Trains the model of {@code job} on its IN rows of {@code work} and writes it as a model bundle
   * into {@code dir} (empty, created).
   *
   * @param log where the trainer's output goes (created or replaced)
   */
  void train(ReferenceWork work, ReferenceJob job, Path dir, Path log)
      throws IOException, TrustmlException, InterruptedException;

  /** How models are trained, for cache manifests (one short phrase). */
  String describe();
}
