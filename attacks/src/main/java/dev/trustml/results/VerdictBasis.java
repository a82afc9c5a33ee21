package dev.trustml.results;

/**
 * What a verdict rests on, so a reader can check it: the deciding figure, whether it is rigorous,
 * the randomness (design) it assumes, and the largest rigorous and estimated bounds seen.
 *
 * @param figure the figure that decided the verdict, e.g. {@code "one-run bound, lira-online"} or
 *     {@code "canary pin-x16 rank test"}; null when no bound was computed
 * @param rigor whether that figure is rigorous or an estimate
 * @param value its value (epsilon lower bound)
 * @param confidence the confidence it holds at (family-wise over the figures compared)
 * @param design the randomness the figure assumes, in words, e.g. {@code "bernoulli(0.5) membership
 *     recorded by trustml train"}, {@code "unknown: members and non-members supplied by the user"}
 * @param rigorousMax the largest rigorous bound, or null when the design allows none
 * @param estimateMax the largest estimate, or null when none was computed
 */
public record VerdictBasis(
    String figure,
    BoundRigor rigor,
    double value,
    double confidence,
    String design,
    Double rigorousMax,
    Double estimateMax) {}
