package dev.trustml.results;

/**
 * The privacy the model claims, against which leakage is set.
 *
 * @param epsilon the claimed epsilon
 * @param delta the claimed delta
 * @param accountant the accountant that computed it, if known
 * @param source where the claim came from: {@code model-card} or {@code command-line}
 */
public record Theoretical(double epsilon, double delta, String accountant, String source) {}
