package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An empirical lower bound on epsilon: with probability at least {@code confidence} over the
 * randomness its {@code rigor} names, the model's true epsilon (at {@code delta}) is at least
 * {@code value}. A {@link BoundRigor#RIGOROUS} bound holds by a theorem whose assumptions the
 * audit's membership design meets; an {@link BoundRigor#ESTIMATE} is evidence, not proof.
 *
 * @param value the bound (0 when the attack shows nothing)
 * @param rigor rigorous or estimate
 * @param confidence e.g. 0.95 (family-wise over the attacks)
 * @param delta the delta the bound is stated at
 * @param method how the guesses or threshold were chosen and the bound computed
 * @param rowsUsed rows the bound was computed on
 * @param oneRun the one-run audit's counts, for a one-run bound; else absent from JSON
 */
public record EpsilonLowerBound(
    double value,
    BoundRigor rigor,
    double confidence,
    double delta,
    String method,
    long rowsUsed,
    @JsonInclude(JsonInclude.Include.NON_NULL) OneRunBound oneRun) {

  /** A bound that is not a one-run bound. */
  public EpsilonLowerBound(
      double value,
      BoundRigor rigor,
      double confidence,
      double delta,
      String method,
      long rowsUsed) {
    this(value, rigor, confidence, delta, method, rowsUsed, null);
  }
}
