package dev.trustml.cli;

import dev.trustml.error.ExitCode;
import dev.trustml.error.UsageException;
import dev.trustml.reports.CsvRenderer;
import dev.trustml.reports.JunitXmlRenderer;
import dev.trustml.reports.MarkdownRenderer;
import dev.trustml.reports.ResultsJson;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.reports.html.HtmlRenderer;
import dev.trustml.results.AuditResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  /**
   * {@code trustml report render RESULTS.json [--html OUT] [--markdown OUT] [--junit OUT] [--csv
   * OUT]}.
   */
  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      description = {
        "Render a saved result as a self-contained HTML report, a Markdown summary for a pull"
            + " request, CSV (ROC points or canary findings) or JUnit XML.",
        "Without an output option the Markdown summary is printed. With --fail-if or --policy the"
            + " gate outcome is added to the reports and the command exits 1 when a check fails."
      })
  static final class Render implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin CommonOptions common;

    @Mixin GateCommand.GateOptions gate;

    @Parameters(index = "0", paramLabel = "RESULTS.json", description = "A result an audit wrote.")
    Path results;

    @Option(names = "--html", paramLabel = "OUT", description = "Write the HTML report.")
    Path html;

    @Option(names = "--markdown", paramLabel = "OUT", description = "Write the Markdown summary.")
    Path markdown;

    @Option(
        names = "--junit",
        paramLabel = "OUT",
        description = "Write the gate checks as JUnit XML (needs --fail-if or --policy).")
    Path junit;

    @Option(
        names = "--csv",
        paramLabel = "OUT",
        description = "Write ROC points (membership) or the findings table (canary) as CSV.")
    Path csv;

    @Override
    public Integer call() throws Exception {
      for (Path p : new Path[] {html, markdown, csv, junit}) {
        OutputPaths.requireFile(p);
      }
      GatePolicy policy = gate.policy();
      if (junit != null && policy.isEmpty()) {
        throw new UsageException(
            "--junit writes one test case per gate check: add --fail-if CHECK or --policy FILE"
                + " (e.g. --fail-if 'auc>0.6')");
      }
      AuditResult result = ResultsJson.read(results);
      GateReport report = policy.isEmpty() ? null : policy.evaluate(result);
      PrintWriter out = spec.commandLine().getOut();
      boolean wrote = false;
      if (html != null) {
        HtmlRenderer.write(html, result, report);
        out.println("wrote " + html);
        wrote = true;
      }
      if (markdown != null) {
        MarkdownRenderer.write(markdown, result, report);
        out.println("wrote " + markdown);
        wrote = true;
      }
      if (csv != null) {
        CsvRenderer.write(csv, result);
        out.println("wrote " + csv);
        wrote = true;
      }
      if (junit != null) {
        JunitXmlRenderer.write(junit, result, report);
        out.println("wrote " + junit);
        wrote = true;
      }
      if (!wrote) {
        out.print(MarkdownRenderer.render(result, report));
      }
      out.flush();
      return report == null ? ExitCode.OK.code() : GateCommand.print(report, out);
    }
  }
}
