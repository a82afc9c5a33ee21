package dev.trustml.canary;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * How an extraction fared against the secret that was really planted (known when users audit their
 * own pipeline).
 *
 * @param secret the planted secret
 * @param text the secret written as slot values
 * @param loss the model's loss for the planted canary sentence
 * @param exactExtraction the top-1 guess is the secret (Parikh et al., ACL 2022: "exact match")
 * @param perSlotAccuracy fraction of slots where the top-1 guess equals the secret
 * @param rank the secret's exact rank (ties against it), known after enumeration
 * @param exposure the secret's exposure, exact or extrapolated, when computed
 * @param rankSample the secret against uniformly sampled candidates, when the space was sampled
 */
public record SecretOutcome(
    Secret secret,
    String text,
    double loss,
    boolean exactExtraction,
    double perSlotAccuracy,
    OptionalLong rank,
    Optional<ExposureEstimate> exposure,
    Optional<RankSample> rankSample) {

  /** An outcome without a rank sample. */
  public SecretOutcome(
      Secret secret,
      String text,
      double loss,
      boolean exactExtraction,
      double perSlotAccuracy,
      OptionalLong rank,
      Optional<ExposureEstimate> exposure) {
    this(secret, text, loss, exactExtraction, perSlotAccuracy, rank, exposure, Optional.empty());
  }

  /** A copy with {@code exposure} and the {@code sample} it was extrapolated from. */
  public SecretOutcome withExposure(ExposureEstimate estimate, RankSample sample) {
    return new SecretOutcome(
        secret,
        text,
        loss,
        exactExtraction,
        perSlotAccuracy,
        rank,
        Optional.of(estimate),
        Optional.of(sample));
  }
}
