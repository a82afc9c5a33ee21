package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.reports.ReportFormat;
import dev.trustml.reports.ResultsJson;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.gate.Metric;
import dev.trustml.reports.schema.ResultKind;
import dev.trustml.results.AuditResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trustml gate RESULTS.json --fail-if CHECK... [--policy FILE] [--junit OUT]}: the CI gate
 * on a saved result. Exit 1 when a check fails, 0 otherwise; one line per check.
 */
@Command(
    name = "gate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a saved audit result against limits and fail (exit 1) when leakage crosses one.",
      "A check is METRIC OP LIMIT; it FAILS the gate when the comparison is true for any attack"
          + " or canary, e.g. --fail-if 'auc>0.6' --fail-if 'tpr@0.001>0.01'"
          + " --fail-if 'epsilon_lb>epsilon'. Operators: > >= < <= == !=.",
      "epsilon_lb is an attack's rigorous bound (absent unless members were chosen by fair coin"
          + " flips recorded on the card); epsilon_estimate its split-half estimate; verdict is"
          + " consistent, suspect, violated or no-claim."
    })
final class GateCommand implements Callable<Integer> {
  private CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin GateOptions gate;

  @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A result an audit wrote.")
  Path results;

  @Option(
      names = "--junit",
      paramLabel = "OUT",
      description = "Also write the checks as JUnit XML.")
  Path junit;

  /** Picocli injects the spec here; the help footer lists the metric registry. */
  @CommandLine.Spec
  void spec(CommandLine.Model.CommandSpec spec) {
    this.spec = spec;
    spec.usageMessage().footerHeading("%nMetrics (METRIC in a check):%n").footer(metricsHelp());
  }

  @Override
  public Integer call() throws Exception {
    OutputPaths.requireFile(junit);
    GatePolicy policy = gate.policy();
    if (policy.isEmpty()) {
      throw new UsageException(
          "no checks: give --fail-if CHECK (e.g. --fail-if 'auc>0.6') or --policy FILE");
    }
    AuditResult result = ResultsJson.read(results);
    GateReport report = policy.evaluate(result);
    if (junit != null) {
      ReportFormat.JUNIT.write(junit, result, report);
    }
    return print(report, spec.commandLine().getOut());
  }

  /** Prints one line per check and the summary; returns the exit code (1 when a check failed). */
  static int print(GateReport report, PrintWriter out) {
    report.lines().forEach(out::println);
    out.println(report.summary());
    out.flush();
    return report.failed() ? ExitCode.GATE_FAILED.code() : ExitCode.OK.code();
  }

  /** Every metric with its description and result kinds, as a two-column table. */
  static String metricsHelp() {
    CommandLine.Help.TextTable table =
        CommandLine.Help.TextTable.forColumnWidths(
            CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF), 20, 60);
    for (Metric m : Metric.values()) {
      table.addRowValues(
          "  " + (m.parameterised() ? m.token() + "FPR" : m.token()),
          m.description()
              + " ["
              + m.kinds().stream().map(ResultKind::jsonName).collect(Collectors.joining(", "))
              + "]");
    }
    // Footer lines are format strings.
    return table.toString().replace("%", "%%");
  }

  /**
   * The gate options, reusable as a picocli {@code @Mixin} by any command that should fail on
   * leakage ({@code trustml audit ... --fail-if 'auc>0.6'}).
   */
  static final class GateOptions {
    @Option(
        names = "--fail-if",
        paramLabel = "CHECK",
        description =
            "Fail (exit 1) when this comparison is true for any attack or canary, e.g."
                + " 'auc>0.6', 'tpr@0.001>0.01', 'epsilon_lb>epsilon', 'exposure>10',"
                + " 'verdict==violated', 'verdict==suspect'. Repeatable.")
    List<String> failIf = new ArrayList<>();

    @Option(
        names = "--policy",
        paramLabel = "FILE",
        description = "A JSON policy file: {\"fail_if\": [\"auc>0.6\", ...]}.")
    Path policyFile;

    /** The checks of --fail-if and --policy; parsed before any input is read. */
    GatePolicy policy() throws TrustmlException {
      GatePolicy fromOptions = GatePolicy.fromOptions(failIf);
      return policyFile == null ? fromOptions : fromOptions.and(GatePolicy.read(policyFile));
    }
  }
}
