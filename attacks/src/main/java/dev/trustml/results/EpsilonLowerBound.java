package dev.trustml.results;

/**
 * An empirical lower bound on epsilon: with probability at least {@code confidence} over the
 * audit's randomness, the model's true epsilon (at {@code delta}) is at least {@code value}.
 *
 * @param value the bound (0 when the attack shows nothing)
 * @param confidence e.g. 0.95
 * @param delta the delta the bound is stated at
 * @param method how the decision threshold was chosen and the bound computed
 * @param rowsUsed rows the bound was computed on (the other rows chose the threshold)
 */
public record EpsilonLowerBound(
    double value, double confidence, double delta, String method, long rowsUsed) {}
