package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml gate}: exit 1 on a failed check, 0 otherwise, one line per check. */
class GateCommandTest {
  @TempDir Path tmp;
  Path membership;

  @BeforeEach
  void write() throws Exception {
    membership = ResultFiles.membership(tmp);
  }

  @Test
  void failingCheckExitsOneWithOneLine() {
    Cli.Result r = Cli.run("gate", membership.toString(), "--fail-if", "auc>0.6");
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(
        r.out().lines().anyMatch("FAIL auc>0.6: lira-online auc = 0.734 (limit 0.6)"::equals),
        r.out());
    assertTrue(r.out().contains("gate failed: 1 of 1 checks failed"), r.out());
  }

  @Test
  void passingChecksExitZero() {
    Cli.Result r =
        Cli.run(
            "gate", membership.toString(), "--fail-if", "auc>0.8", "--fail-if", "tpr@0.001>0.05");
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("gate passed: 2 checks"), r.out());
  }

  @Test
  void metricOnTheRight() {
    Cli.Result r = Cli.run("gate", membership.toString(), "--fail-if", "epsilon_lb>epsilon");
    assertEquals(1, r.exit());
    assertTrue(
        r.out()
            .contains("FAIL epsilon_lb>epsilon: lira-online epsilon_lb = 1.31 (limit epsilon = 1)"),
        r.out());
  }

  @Test
  void typoIsUsageError() {
    Cli.Result r = Cli.run("gate", membership.toString(), "--fail-if", "acu>0.6");
    assertEquals(2, r.exit());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("unknown metric 'acu' (did you mean 'auc'?)"), r.err());
  }

  @Test
  void checksAreParsedBeforeTheResultIsRead() {
    Cli.Result r = Cli.run("gate", tmp.resolve("missing.json").toString(), "--fail-if", "auc=0.6");
    assertEquals(2, r.exit(), "usage error first: " + r.err());
  }

  @Test
  void unmeasuredFprIsUsageError() {
    Cli.Result r = Cli.run("gate", membership.toString(), "--fail-if", "tpr@0.1>0.5");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("has no TPR at FPR 0.1 (measured: 0.01, 0.001)"), r.err());
  }

  @Test
  void metricOfTheOtherKind() throws Exception {
    Cli.Result r = Cli.run("gate", membership.toString(), "--fail-if", "exposure>10");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("applies to [canary] results"), r.err());
    Path canary = ResultFiles.canary(tmp);
    Cli.Result c = Cli.run("gate", canary.toString(), "--fail-if", "exposure>10");
    assertEquals(1, c.exit());
    assertTrue(c.out().contains("FAIL exposure>10: c1 exposure = 13.29 (limit 10)"), c.out());
  }

  @Test
  void policyFileWithTypoIsBadInput() throws Exception {
    Path policy = tmp.resolve("policy.json");
    Files.writeString(policy, "{\n  \"fail_if\": [\"auc>0.6\"],\n  \"fial_if\": []\n}\n");
    Cli.Result r = Cli.run("gate", membership.toString(), "--policy", policy.toString());
    InspectCommandTest.assertBadInput(r, policy + " line 3: unknown key 'fial_if'");
  }

  @Test
  void policyAndOptionsCombineAndJunitIsWritten() throws Exception {
    Path policy = tmp.resolve("policy.json");
    Files.writeString(policy, "{\"fail_if\": [\"verdict==violated\"]}");
    Path junit = tmp.resolve("out/gate.xml");
    Cli.Result r =
        Cli.run(
            "gate",
            membership.toString(),
            "--fail-if",
            "auc>0.9",
            "--policy",
            policy.toString(),
            "--junit",
            junit.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("PASS auc>0.9"), r.out());
    assertTrue(r.out().contains("FAIL verdict==violated: m verdict = violated"), r.out());
    String xml = Files.readString(junit);
    assertTrue(xml.contains("<testcase name=\"verdict==violated\""), xml);
    assertTrue(xml.contains("tests=\"2\" failures=\"1\""), xml);
  }

  @Test
  void emptyPolicyAndNoChecks() throws Exception {
    Path policy = tmp.resolve("policy.json");
    Files.writeString(policy, "{\"fail_if\": []}");
    InspectCommandTest.assertBadInput(
        Cli.run("gate", membership.toString(), "--policy", policy.toString()),
        "'fail_if' is empty");
    Cli.Result none = Cli.run("gate", membership.toString());
    assertEquals(2, none.exit());
    assertTrue(none.err().contains("no checks"), none.err());
  }

  @Test
  void badResultsFile() throws Exception {
    Path bad = tmp.resolve("bad.json");
    Files.writeString(bad, "{\"schema_version\": 1, \"kind\": \"membership\"");
    InspectCommandTest.assertBadInput(
        Cli.run("gate", bad.toString(), "--fail-if", "auc>0.6"), "not valid JSON at line 1");
  }

  @Test
  void helpListsTheMetrics() {
    Cli.Result r = Cli.run("gate", "--help");
    assertEquals(0, r.exit());
    for (String metric : new String[] {"auc", "tpr@FPR", "epsilon_lb", "exposure", "verdict"}) {
      assertTrue(r.out().contains("  " + metric), metric + " missing:\n" + r.out());
    }
    assertFalse(r.out().contains("%"), r.out());
  }
}
