package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml report render}. */
class ReportCommandTest {
  @TempDir Path tmp;
  Path membership;

  @BeforeEach
  void write() throws Exception {
    membership = ResultFiles.membership(tmp);
  }

  @Test
  void rendersEveryFormat() throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r =
        Cli.run(
            "report",
            "render",
            membership.toString(),
            "--html",
            out.resolve("report.html").toString(),
            "--markdown",
            out.resolve("summary.md").toString(),
            "--csv",
            out.resolve("roc.csv").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(out.resolve("report.html")).contains("<svg xmlns="));
    assertTrue(Files.readString(out.resolve("summary.md")).contains("VIOLATED"));
    assertTrue(Files.readString(out.resolve("roc.csv")).startsWith("attack,fpr,tpr\n"));
    assertTrue(r.out().contains("wrote " + out.resolve("report.html")), r.out());
  }

  @Test
  void withoutOutputsPrintsMarkdown() {
    Cli.Result r = Cli.run("report", "render", membership.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("### ❌ trustml membership inference audit: VIOLATED"), r.out());
  }

  @Test
  void junitNeedsChecks() {
    Cli.Result r =
        Cli.run(
            "report", "render", membership.toString(), "--junit", tmp.resolve("j.xml").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--junit writes one test case per gate check"), r.err());
  }

  @Test
  void checksAddTheGateAndTheExitCode() throws Exception {
    Path junit = tmp.resolve("j.xml");
    Cli.Result r =
        Cli.run(
            "report",
            "render",
            membership.toString(),
            "--junit",
            junit.toString(),
            "--fail-if",
            "auc>0.6");
    assertEquals(1, r.exit(), r.err());
    assertTrue(Files.readString(junit).contains("message=\"auc = 0.734 &gt; 0.6 (lira-online)\""));
  }

  @Test
  void unknownKindIsBadInput() throws Exception {
    Path f = tmp.resolve("x.json");
    Files.writeString(f, "{\"schema_version\": 1, \"kind\": \"attribute\"}");
    InspectCommandTest.assertBadInput(
        Cli.run("report", "render", f.toString()), "unknown kind 'attribute'");
  }

  @Test
  void reportWithoutSubcommandShowsUsage() {
    Cli.Result r = Cli.run("report");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("render"), r.out());
  }
}
