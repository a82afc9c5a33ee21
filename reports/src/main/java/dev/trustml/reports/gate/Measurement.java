package dev.trustml.reports.gate;

/**
 * One value a metric measured: an attack's AUC, a canary's exposure, the model's claimed epsilon.
 *
 * @param subject what was measured: the attack name, the canary id, or the model's name
 * @param value the value; NaN when it could not be measured (e.g. TPR at an FPR below 1/n)
 * @param note a short qualifier for readers (e.g. {@code no DP claim}), or null
 */
public record Measurement(String subject, double value, String note) {
  /** A measurement without a note. */
  public Measurement(String subject, double value) {
    this(subject, value, null);
  }

  /** Whether a value was measured. */
  public boolean measured() {
    return !Double.isNaN(value);
  }
}
