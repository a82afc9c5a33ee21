package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What the audit found for one canary.
 *
 * @param id the canary's identifier
 * @param template the template (slots shown as {@code {digit}} etc.; never the secret)
 * @param label the label it carried in training
 * @param repetitions copies planted, if known
 * @param candidates size of the candidate space |R|
 * @param rank rank of the true secret by loss (1 = most likely; ties count against the secret), or
 *     null when the secret is unknown or the space was not enumerated
 * @param exposureBits log2 |R| - log2 rank, or null
 * @param extrapolatedExposureBits exposure from a skew-normal fit to sampled candidates, or null
 * @param extracted whether the best guess equals the secret (null when the secret is unknown)
 * @param slotAccuracy share of slots the best guess got right (null when the secret is unknown)
 * @param method the extraction method whose guess is reported
 * @param runs one entry per method run
 * @param epsilonBounds the canary's differential-privacy tests, rigorous first (empty when the
 *     secret or the number of copies is unknown)
 * @param secret the secret, only with {@code --reveal-secrets}; absent from the JSON when null
 * @param guesses the top guesses, only with {@code --reveal-secrets}; absent from the JSON when
 *     null
 */
public record CanaryFinding(
    String id,
    String template,
    String label,
    Integer repetitions,
    long candidates,
    Long rank,
    Double exposureBits,
    Double extrapolatedExposureBits,
    Boolean extracted,
    Double slotAccuracy,
    String method,
    List<MethodRun> runs,
    List<CanaryBound> epsilonBounds,
    @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Guess> guesses) {

  public CanaryFinding {
    runs = runs == null ? List.of() : List.copyOf(runs);
    epsilonBounds = epsilonBounds == null ? List.of() : List.copyOf(epsilonBounds);
    guesses = guesses == null ? null : List.copyOf(guesses);
  }

  /** The canary's main test (the rigorous one when there is one), or null when it has none. */
  public CanaryBound primaryBound() {
    return epsilonBounds.isEmpty() ? null : epsilonBounds.get(0);
  }

  /** The largest epsilon lower bound of this canary's tests of that rigor, or null when none. */
  public Double largestBound(BoundRigor rigor) {
    return epsilonBounds.stream()
        .filter(b -> b.rigor() == rigor)
        .map(CanaryBound::value)
        .max(Double::compare)
        .orElse(null);
  }

  /** The same finding with {@code bounds} as its epsilon bounds. */
  public CanaryFinding withEpsilonBounds(List<CanaryBound> bounds) {
    return new CanaryFinding(
        id,
        template,
        label,
        repetitions,
        candidates,
        rank,
        exposureBits,
        extrapolatedExposureBits,
        extracted,
        slotAccuracy,
        method,
        runs,
        bounds,
        secret,
        guesses);
  }

  /** The same finding without the secret and the guesses. */
  public CanaryFinding withoutSecrets() {
    return new CanaryFinding(
        id,
        template,
        label,
        repetitions,
        candidates,
        rank,
        exposureBits,
        extrapolatedExposureBits,
        extracted,
        slotAccuracy,
        method,
        runs,
        epsilonBounds,
        null,
        null);
  }

  /**
   * One extraction method's run.
   *
   * @param method enumerate, beam or modiva
   * @param extracted whether its best guess is the secret (null when unknown)
   * @param slotAccuracy share of slots its best guess got right (null when unknown)
   * @param candidatesScored candidates scored (or optimisation steps x restarts for modiva)
   * @param candidatesPerSecond throughput
   * @param wallSeconds wall time
   */
  public record MethodRun(
      String method,
      Boolean extracted,
      Double slotAccuracy,
      long candidatesScored,
      double candidatesPerSecond,
      double wallSeconds) {}

  /**
   * A reconstructed secret and its loss.
   *
   * @param secret the guess
   * @param loss the model's loss for the canary's label
   */
  public record Guess(String secret, double loss) {}
}
