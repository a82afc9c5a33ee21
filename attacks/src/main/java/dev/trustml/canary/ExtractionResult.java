package dev.trustml.canary;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one canary extraction.
 *
 * @param method the name of the search that produced it ({@link CanarySearch#name()})
 * @param template the canary template (its {@link CanaryTemplate#source()} for reports)
 * @param topGuesses best candidates first (lowest loss; ties by slot values in alphabet order)
 * @param secret comparison with the planted secret, if it was given
 * @param candidatesScored sentences sent to the model, including any sample for exposure
 * @param wallSeconds elapsed time of the whole extraction
 * @param candidatesPerSecond {@code candidatesScored / wallSeconds}
 */
public record ExtractionResult(
    String method,
    CanaryTemplate template,
    List<Guess> topGuesses,
    Optional<SecretOutcome> secret,
    long candidatesScored,
    double wallSeconds,
    double candidatesPerSecond) {

  /** Copies the guess list. */
  public ExtractionResult {
    topGuesses = List.copyOf(topGuesses);
  }

  /** Builds a result, deriving the throughput from the count and the time. */
  public static ExtractionResult of(
      String method,
      CanaryTemplate template,
      List<Guess> topGuesses,
      Optional<SecretOutcome> secret,
      long candidatesScored,
      long elapsedNanos) {
    double seconds = elapsedNanos / 1e9;
    double rate = seconds > 0 ? candidatesScored / seconds : Double.POSITIVE_INFINITY;
    return new ExtractionResult(
        method, template, topGuesses, secret, candidatesScored, seconds, rate);
  }

  /** The best guess. */
  public Guess top() {
    return topGuesses.get(0);
  }

  /** A copy with a different secret outcome and the extra work of computing it added. */
  ExtractionResult withSecret(SecretOutcome outcome, long extraScored, long totalElapsedNanos) {
    return of(
        method,
        template,
        topGuesses,
        Optional.of(outcome),
        candidatesScored + extraScored,
        totalElapsedNanos);
  }
}
