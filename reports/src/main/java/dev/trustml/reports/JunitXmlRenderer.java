package dev.trustml.reports;

import dev.trustml.reports.gate.GateOutcome;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.schema.ResultKind;
import dev.trustml.reports.text.BoundText;
import dev.trustml.reports.text.Headline;
import dev.trustml.reports.text.Numbers;
import dev.trustml.reports.text.Xml;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.MembershipResult;

/**
 * The gate as JUnit XML, the test-report format every CI system displays (Jenkins, GitLab, GitHub
 * test reporters, Azure): one test case per check; a failing check is a {@code <failure>} whose
 * message holds the measured value and the limit ({@code auc = 0.734 > 0.6 (lira-online)}); a check
 * with nothing to compare is {@code <skipped>}.
 */
public final class JunitXmlRenderer {
  private JunitXmlRenderer() {}

  /** The JUnit XML of a gate evaluated on {@code result}. */
  public static String render(AuditResult result, GateReport gate) {
    int tests = gate.outcomes().size();
    int failures = gate.failures().size();
    int skipped = gate.skipped().size();
    String kind = ResultKind.of(result).jsonName();
    String suite = "trustml gate: " + kind + " audit of " + Headline.modelName(result);
    String counts =
        " tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\"0\" skipped=\""
            + skipped
            + "\"";
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    b.append("<testsuites name=\"trustml gate\"").append(counts).append(">\n");
    b.append("  <testsuite name=\"").append(Xml.escape(suite)).append('"').append(counts);
    b.append(">\n    <properties>\n");
    property(b, "kind", kind);
    property(b, "model", result.model().path());
    property(b, "model_sha256", result.model().sha256());
    if (result instanceof MembershipResult m && m.verdict() != null) {
      property(b, "verdict", m.verdict().jsonName());
    }
    if (result instanceof MembershipResult m && m.verdictBasis() != null) {
      property(b, "verdict_basis", BoundText.basis(m.verdictBasis()));
    }
    if (result instanceof CanaryResult c && c.verdict() != null) {
      property(b, "verdict", c.verdict().jsonName());
    }
    property(
        b,
        "claimed_epsilon",
        result.theoretical() == null ? "none" : Numbers.format(result.theoretical().epsilon()));
    property(b, "trustml_version", result.provenance().trustmlVersion());
    property(b, "seed", Long.toString(result.provenance().seed()));
    property(b, "started_at", result.provenance().startedAt());
    b.append("    </properties>\n");
    String classname = "trustml.gate." + kind;
    for (GateOutcome o : gate.outcomes()) {
      b.append("    <testcase name=\"")
          .append(Xml.escape(o.check().text()))
          .append("\" classname=\"")
          .append(classname)
          .append("\" time=\"0\"");
      switch (o.status()) {
        case PASS ->
            b.append(">\n      <system-out>")
                .append(Xml.escape(o.line()))
                .append("</system-out>\n    </testcase>\n");
        case FAIL ->
            b.append(">\n      <failure message=\"")
                .append(Xml.escape(o.message()))
                .append("\" type=\"trustml.GateCheckFailed\">")
                .append(Xml.escape(o.line()))
                .append("</failure>\n    </testcase>\n");
        case SKIP ->
            b.append(">\n      <skipped message=\"")
                .append(Xml.escape(o.message()))
                .append("\"/>\n    </testcase>\n");
      }
    }
    b.append("  </testsuite>\n</testsuites>\n");
    return b.toString();
  }

  private static void property(StringBuilder b, String name, String value) {
    b.append("      <property name=\"")
        .append(name)
        .append("\" value=\"")
        .append(Xml.escape(value == null ? "" : value))
        .append("\"/>\n");
  }
}
