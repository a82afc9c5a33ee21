package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.util.Optional;

/**
 * One way to look for a canary's secret in a model: score every candidate ({@link
 * EnumerationSearch}), search slot by slot ({@link BeamSearch}), invert the model through its
 * gradients (ModIvA), ... Each is built with its access to the model (a {@link CandidateScorer} for
 * the black-box ones) and run through this one signature, so {@code audit canary} runs any of them
 * the same way and reports them side by side.
 */
public interface CanarySearch {
  /** The name reports and {@code --method} use, e.g. {@code enumerate}. */
  String name();

  /**
   * Searches the candidates of {@code template}.
   *
   * @param secret the planted secret, if known: then the result compares the search with it
   *     (extraction, and the secret's rank or exposure where the search can measure them)
   * @param settings the shared knobs (guesses kept, beam width, exposure sample, seed)
   * @throws TrustmlException if the model fails or the search cannot handle the template
   */
  ExtractionResult search(
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException;
}
