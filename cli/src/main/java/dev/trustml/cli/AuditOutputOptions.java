package dev.trustml.cli;

import dev.trustml.audit.AuditScores;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.reports.ScoresCsv;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
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
  /** {@code --json}, {@code --html}, ...: one option per report format. */
  @Mixin ReportFormatOptions reports;

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
    reports.check(policy);
  }

  private List<Path> outputs() {
    List<Path> all = new ArrayList<>(reports.files());
    if (scoresCsv != null) {
      all.add(scoresCsv);
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
    reports.write(result, report, out);
    if (scoresCsv != null && scores != null) {
      try {
        ScoresCsv.write(
            scoresCsv,
            scores.rowNumbers(),
            scores.isMember(),
            scores.labelNames().toArray(new String[0]),
            scores.labels(),
            scores.attacks(),
            scores.scores());
      } catch (IOException e) {
        throw new TrustmlException(
            ExitCode.BAD_INPUT,
            scoresCsv + ": cannot write the report (" + e.getMessage() + ")",
            e);
      }
      out.println("wrote " + scoresCsv);
    }
    if (report == null) {
      out.flush();
      return ExitCode.OK.code();
    }
    out.println();
    return GateCommand.print(report, out);
  }
}
