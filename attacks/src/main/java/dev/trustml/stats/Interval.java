package dev.trustml.stats;

/**
 * A confidence interval [low, high] at a stated confidence level (e.g. 0.95): trustml's one
 * interval type, computed here and written as is into results (JSON {@code {"low", "high",
 * "confidence"}}).
 *
 * <p>An end is NaN only when it was not measured (a results file's {@code null}, as its schema
 * allows); ends that are known must be in order, and the level is always a number in (0, 1).
 *
 * @param low lower end
 * @param high upper end, &gt;= low
 * @param confidence the nominal coverage probability, in (0, 1)
 */
public record Interval(double low, double high, double confidence) {
  /** Rejects ends in the wrong order and a level outside (0, 1); a NaN end means not measured. */
  public Interval {
    if (low > high) {
      throw new IllegalArgumentException(
          "interval needs low <= high, got [" + low + ", " + high + "]");
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException(
          "interval confidence must be in (0, 1), got " + confidence);
    }
  }

  /** Whether value lies in the closed interval. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  /** high - low. */
  public double width() {
    return high - low;
  }
}
