package dev.trustml.stats;

/**
 * A confidence interval [lower, upper] at a stated confidence level (e.g. 0.95).
 *
 * @param lower lower end
 * @param upper upper end, &gt;= lower
 * @param confidence the nominal coverage probability, in (0, 1)
 */
public record Interval(double lower, double upper, double confidence) {
  /** Validates the ends and the level. */
  public Interval {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException(
          "interval needs lower <= upper, got [" + lower + ", " + upper + "]");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "interval confidence must be in (0, 1), got " + confidence);
    }
  }

  /** Whether value lies in the closed interval. */
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** upper - lower. */
  public double width() {
    return upper - lower;
  }
}
