package dev.trustml.reports;

import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.AuditResult;

/**
 * Turns a finished result into one report's text. A renderer only formats: every number, bound and
 * verdict comes from the immutable result (and the gate outcome), never from a computation of its
 * own, so every format says the same thing. Registered in {@link ReportFormat}.
 */
@FunctionalInterface
public interface ReportRenderer {
  /**
   * The report of {@code result}.
   *
   * @param gate the gate's outcome on this result, or null when no gate ran (a format that needs a
   *     gate, {@link ReportFormat#needsGate()}, is never asked without one)
   */
  String render(AuditResult result, GateReport gate);
}
