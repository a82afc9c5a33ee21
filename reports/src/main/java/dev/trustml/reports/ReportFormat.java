package dev.trustml.reports;

import dev.trustml.io.AtomicFiles;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.html.HtmlRenderer;
import dev.trustml.results.AuditResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every report format trustml writes, in the order listings show them. The command line derives its
 * output options from this list ({@code --json}, {@code --html}, ... on the audits and on {@code
 * report render}), so adding a format is one renderer class and one constant here.
 */
public enum ReportFormat {
  /** The result itself (the JSON contract); {@code report render} and {@code gate} read it. */
  JSON(
      "the JSON result (what report render and gate read)",
      false,
      (result, gate) -> ResultsJson.toJson(result)),
  /** A self-contained page with charts, for people. */
  HTML(
      "a self-contained HTML report (ROC curves, histograms, verdict)",
      false,
      HtmlRenderer::render),
  /** A short summary for a pull-request comment. */
  MARKDOWN(
      "a short Markdown summary (for a pull-request comment)", false, MarkdownRenderer::render),
  /** The gate's checks as test cases, for CI test reporters. */
  JUNIT("one test case per gate check, as JUnit XML", true, JunitXmlRenderer::render),
  /** Tables for spreadsheets and plotting scripts. */
  CSV(
      "ROC points (membership) or the canary table as CSV",
      false,
      (result, gate) -> CsvRenderer.render(result));

  private final String description;
  private final boolean needsGate;
  private final ReportRenderer renderer;

  ReportFormat(String description, boolean needsGate, ReportRenderer renderer) {
    this.description = description;
    this.needsGate = needsGate;
    this.renderer = renderer;
  }

  /** The format's name in lower case: {@code json}, {@code html}, ... (the CLI's option name). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** What a file of this format holds, as a noun phrase for help texts. */
  public String description() {
    return description;
  }

  /** Whether the format reports a gate's outcome only, and so needs at least one check. */
  public boolean needsGate() {
    return needsGate;
  }

  /**
   * The report of {@code result}; {@code gate} is the gate's outcome on it, or null.
   *
   * @throws IllegalArgumentException if the format needs a gate and {@code gate} is null
   */
  public String render(AuditResult result, GateReport gate) {
    if (needsGate && gate == null) {
      throw new IllegalArgumentException(id() + " reports a gate's outcome; evaluate a gate first");
    }
    return renderer.render(result, gate);
  }

  /**
   * Writes {@link #render} to {@code target} atomically (UTF-8; the old file survives a failure).
   */
  public void write(Path target, AuditResult result, GateReport gate) throws IOException {
    AtomicFiles.write(target, render(result, gate).getBytes(StandardCharsets.UTF_8));
  }
}
