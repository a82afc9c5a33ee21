package dev.trustml.canary;

/**
 * What to plant: {@code repetitions} copies of one canary built from {@code template} with a random
 * secret, labelled {@code label}.
 */
public record CanarySpec(CanaryTemplate template, String label, int repetitions) {
  /** Validates: repetitions &gt;= 1. */
  public CanarySpec {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
    }
  }
}
