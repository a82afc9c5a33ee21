package dev.trustml.reports.gate;

import java.util.List;

/**
 * The outcomes of every check of a policy on one result.
 *
 * @param outcomes one per check, in policy order
 */
public record GateReport(List<GateOutcome> outcomes) {
  public GateReport {
    outcomes = List.copyOf(outcomes);
  }

  /** Whether any check failed (exit code 1). */
  public boolean failed() {
    return outcomes.stream().anyMatch(o -> !o.passed());
  }

  /** The failing checks. */
  public List<GateOutcome> failures() {
    return outcomes.stream().filter(o -> !o.passed()).toList();
  }

  /** Checks that could not be evaluated. */
  public List<GateOutcome> skipped() {
    return outcomes.stream().filter(o -> o.status() == GateOutcome.Status.SKIP).toList();
  }

  /** One line per check ({@code PASS}, {@code FAIL}, {@code SKIP}), in policy order. */
  public List<String> lines() {
    return outcomes.stream().map(GateOutcome::line).toList();
  }

  /** {@code gate failed: 1 of 3 checks failed} or {@code gate passed: 3 checks (1 skipped)}. */
  public String summary() {
    int n = outcomes.size();
    String skips = skipped().isEmpty() ? "" : " (" + skipped().size() + " skipped)";
    if (failed()) {
      return "gate failed: " + failures().size() + " of " + n + " checks failed" + skips;
    }
    return "gate passed: " + n + (n == 1 ? " check" : " checks") + skips;
  }
}
