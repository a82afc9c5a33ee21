package dev.trustml.results;

/**
 * A two-sided confidence interval.
 *
 * @param low lower end
 * @param high upper end
 * @param confidence coverage, e.g. 0.95
 */
public record Interval(double low, double high, double confidence) {}
