package dev.trustml.reports.gate;

import dev.trustml.results.FprKey;

/**
 * A metric as a check names it: the metric and, for {@code tpr@FPR}, the FPR.
 *
 * @param metric the metric
 * @param parameter the FPR of {@code tpr@FPR}; NaN for metrics without a parameter
 */
public record MetricRef(Metric metric, double parameter) {
  /** How the reference is written: {@code auc}, {@code tpr@0.001}. */
  public String text() {
    return metric.parameterised() ? metric.token() + FprKey.of(parameter) : metric.token();
  }

  @Override
  public String toString() {
    return text();
  }
}
