package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trustml.reports.ReportFormat;
import dev.trustml.reports.ResultsJson;
import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.AuditResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The report options come from the format registry: every command that writes reports offers one
 * option per format, with the same text, so they cannot drift apart; and an option writes exactly
 * what its format renders.
 */
class ReportFormatOptionsTest {
  @TempDir Path tmp;

  private static CommandSpec command(String... path) {
    CommandLine cl = Trustml.commandLine();
    for (String name : path) {
      cl = cl.getSubcommands().get(name);
    }
    return cl.getCommandSpec();
  }

  @Test
  void everyReportCommandOffersEveryFormat() {
    List<CommandSpec> commands =
        List.of(
            command("audit", "membership"),
            command("audit", "canary"),
            command("report", "render"));
    for (CommandSpec c : commands) {
      for (ReportFormat f : ReportFormat.values()) {
        OptionSpec o = c.findOption("--" + f.id());
        if (f == ReportFormat.JSON && c.name().equals("render")) {
          assertNull(o, "report render reads the JSON; it must not offer --json");
          continue;
        }
        assertNotNull(o, c.qualifiedName() + " lacks --" + f.id());
        assertEquals("FILE", o.paramLabel());
        assertEquals(Path.class, o.type());
        assertEquals(List.of(ReportFormatOptions.description(f)), List.of(o.description()));
      }
    }
  }

  @Test
  void renderWritesWhatEachFormatRenders() throws Exception {
    Path results = ResultFiles.membership(tmp);
    List<String> args = new ArrayList<>(List.of("report", "render", results.toString()));
    args.addAll(List.of("--fail-if", "auc>0.99"));
    for (ReportFormat f : ReportFormat.values()) {
      if (f != ReportFormat.JSON) {
        args.addAll(List.of("--" + f.id(), tmp.resolve("out." + f.id()).toString()));
      }
    }
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    AuditResult result = ResultsJson.read(results);
    GateReport gate = GatePolicy.fromOptions(List.of("auc>0.99")).evaluate(result);
    for (ReportFormat f : ReportFormat.values()) {
      if (f != ReportFormat.JSON) {
        assertEquals(
            f.render(result, gate),
            Files.readString(tmp.resolve("out." + f.id()), StandardCharsets.UTF_8),
            f.id());
      }
    }
  }
}
