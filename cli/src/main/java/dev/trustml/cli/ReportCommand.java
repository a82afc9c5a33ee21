package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import dev.trustml.reports.ReportFormat;
import dev.trustml.reports.ResultsJson;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.AuditResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code trustml report}: groups the commands that work on saved results. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Render saved audit results.",
    subcommands = {ReportCommand.Render.class})
final class ReportCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code trustml report render RESULTS.json [--html FILE] [--markdown FILE] ...}. */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Render a saved result in the formats its options name (every report format but the"
            + " JSON the result already is).",
        "Without an output option the Markdown summary is printed. With --fail-if or --policy the"
            + " gate outcome is added to the reports and the command exits 1 when a check fails."
      })
  static final class Render implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A result an audit wrote.")
    Path results;

    /** One option per report format, except the JSON this command reads. */
    @Mixin ReportFormatOptions reports = ReportFormatOptions.without(ReportFormat.JSON);

    @Mixin GateCommand.GateOptions gate;

    @Override
    public Integer call() throws Exception {
      GatePolicy policy = gate.policy();
      reports.check(policy);
      AuditResult result = ResultsJson.read(results);
      GateReport report = policy.isEmpty() ? null : policy.evaluate(result);
      PrintWriter out = spec.commandLine().getOut();
      if (!reports.write(result, report, out)) {
        out.print(ReportFormat.MARKDOWN.render(result, report));
      }
      out.flush();
      return report == null ? ExitCode.OK.code() : GateCommand.print(report, out);
    }
  }
}
