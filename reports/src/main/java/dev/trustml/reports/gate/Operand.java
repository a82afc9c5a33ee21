package dev.trustml.reports.gate;

/** The right side of a check: a number (or a verdict name), or another metric. */
public sealed interface Operand permits Operand.Literal, Operand.OfMetric {
  /** How the operand was written. */
  String text();

  /**
   * A fixed limit.
   *
   * @param value the number (for the verdict: the verdict's ordinal)
   * @param text how it was written, e.g. {@code 0.6} or {@code violated}
   */
  record Literal(double value, String text) implements Operand {}

  /**
   * The value of a whole-model metric of the same result, e.g. the claimed {@code epsilon}.
   *
   * @param ref the metric
   */
  record OfMetric(MetricRef ref) implements Operand {
    @Override
    public String text() {
      return ref.text();
    }
  }
}
