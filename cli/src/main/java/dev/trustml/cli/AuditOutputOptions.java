package dev.trustml.cli;

import dev.trustml.audit.AuditScores;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.reports.CsvRenderer;
import dev.trustml.reports.JunitXmlRenderer;
import dev.trustml.reports.MarkdownRenderer;
import dev.trustml.reports.ResultsJson;
import dev.trustml.reports.ScoresCsv;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.html.HtmlRenderer;
import dev.trustml.results.AuditResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Report files and CI-gate options shared by the audit commands (a {@code @Mixin}). Paths and the
 * gate policy are checked before the audit starts, so a typo never costs a long run; every file is
 * written atomically.
 */
final class AuditOutputOptions {
  @Option(names = "--json", paramLabel = "FILE", description = "Write the JSON report.")
  Path json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description = "Write a self-contained HTML report (ROC curves, histograms, verdict).")
  Path html;

  @Option(
      names = "--markdown",
      paramLabel = "FILE",
      description = "Write a short Markdown summary (for a pull-request comment).")
  Path markdown;

  @Option(
      names = "--junit",
      paramLabel = "FILE",
      description = "Write the gate checks as JUnit XML (needs --fail-if or --policy).")
  Path junit;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write ROC points (membership) or the canary table as CSV.")
  Path csv;

  @Option(
      names = "--scores-csv",
      paramLabel = "FILE",
      description = "Write per-row attack scores (file row numbers, never text) as CSV.")
  Path scoresCsv;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress output on stderr.")
  boolean quiet;

  @Mixin GateCommand.GateOptions gate;

  private GatePolicy policy;

  /** Checks output paths and parses the gate policy before any long computation starts. */
  void check(Path modelDir) throws TrustmlException {
    for (Path p : outputs()) {
      Path abs = p.toAbsolutePath().normalize();
      if (modelDir != null && abs.startsWith(modelDir.toAbsolutePath().normalize())) {
        throw new UsageException(
            p + ": output path is inside the model directory; write reports elsewhere");
      }
      OutputPaths.requireFile(p);
      Path parent = abs.getParent();
      if (parent != null && !Files.exists(parent)) {
        throw new UsageException(p + ": directory " + parent + " does not exist; create it first");
      }
      if (parent != null && !Files.isWritable(parent)) {
        throw new UsageException(p + ": directory is not writable; choose another output path");
      }
    }
    policy = gate.policy();
    if (junit != null && policy.isEmpty()) {
      throw new UsageException("--junit writes the gate checks: add --fail-if CHECK or --policy");
    }
  }

  private List<Path> outputs() {
    List<Path> all = new ArrayList<>();
    for (Path p : new Path[] {json, html, markdown, junit, csv, scoresCsv}) {
      if (p != null) {
        all.add(p);
      }
    }
    return all;
  }

  /**
   * Runs the gate, writes the asked-for files and prints the gate's lines.
   *
   * @return the exit code: 1 when a gate check failed, else 0
   */
  int finish(AuditResult result, AuditScores scores, PrintWriter out) throws TrustmlException {
    GateReport report = policy == null || policy.isEmpty() ? null : policy.evaluate(result);
    try {
      if (json != null) {
        ResultsJson.write(json, result);
        out.println("wrote " + json);
      }
      if (html != null) {
        HtmlRenderer.write(html, result, report);
        out.println("wrote " + html);
      }
      if (markdown != null) {
        MarkdownRenderer.write(markdown, result, report);
        out.println("wrote " + markdown);
      }
      if (junit != null) {
        JunitXmlRenderer.write(junit, result, report);
        out.println("wrote " + junit);
      }
      if (csv != null) {
        CsvRenderer.write(csv, result);
        out.println("wrote " + csv);
      }
      if (scoresCsv != null && scores != null) {
        ScoresCsv.write(
            scoresCsv,
            scores.rowNumbers(),
            scores.isMember(),
            scores.labelNames().toArray(new String[0]),
            scores.labels(),
            scores.attacks(),
            scores.scores());
        out.println("wrote " + scoresCsv);
      }
    } catch (IOException e) {
      throw new TrustmlException(
          ExitCode.BAD_INPUT, "cannot write the report (" + e.getMessage() + ")", e);
    }
    if (report == null) {
      out.flush();
      return ExitCode.OK.code();
    }
    out.println();
    return GateCommand.print(report, out);
  }
}
