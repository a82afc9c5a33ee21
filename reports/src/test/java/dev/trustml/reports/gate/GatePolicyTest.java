package dev.trustml.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.reports.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy files: the published example, typos as one-line errors, empty policies. */
class GatePolicyTest {
  @TempDir Path tmp;

  @Test
  void publishedExampleParsesAndEvaluates() throws Exception {
    GatePolicy p = GatePolicy.read(Path.of("..", "examples", "policy.json"));
    assertEquals(
        List.of(
            "auc>0.6",
            "tpr@0.001>0.01",
            "advantage>=0.2",
            "epsilon_lb>epsilon",
            "verdict==violated"),
        p.checks().stream().map(GateCheck::text).toList());
    GateReport r = p.evaluate(Fixtures.membership());
    assertTrue(r.failed());
    assertEquals(5, r.failures().size(), String.join("\n", r.lines()));
    assertEquals("gate failed: 5 of 5 checks failed", r.summary());
  }

  @Test
  void passingPolicy() throws Exception {
    Path f = write("p.json", "{\"fail_if\": [\"auc>0.8\", \"epsilon_lb > epsilon\"]}");
    GateReport r = GatePolicy.read(f).evaluate(Fixtures.membership("m", null));
    assertFalse(r.failed(), String.join("\n", r.lines()));
    assertEquals("gate passed: 2 checks", r.summary());
  }

  @Test
  void optionsAndFileCombine() throws Exception {
    Path f = write("p.json", "{\"fail_if\": [\"auc>0.8\"]}");
    GatePolicy p = GatePolicy.fromOptions(List.of("verdict==violated")).and(GatePolicy.read(f));
    GateReport r = p.evaluate(Fixtures.membership());
    assertEquals(List.of(false, true), r.outcomes().stream().map(GateOutcome::passed).toList());
  }

  @Test
  void misspeltKeyIsOneLineNamingFileAndLine() throws Exception {
    Path f = write("p.json", "{\n  \"fail-if\": [\"auc>0.6\"]\n}\n");
    assertEquals(
        f
            + " line 2: unknown key 'fail-if' (did you mean 'fail_if'?); a policy has only"
            + " 'fail_if' (and an optional 'description')",
        badInput(f));
  }

  @Test
  void checkTypoNamesFileLineAndEntry() throws Exception {
    Path f = write("p.json", "{\n  \"fail_if\": [\n    \"auc>0.6\",\n    \"acu>0.6\"\n  ]\n}\n");
    String msg = badInput(f);
    assertTrue(
        msg.startsWith(
            f + " line 4, fail_if[1]: check 'acu>0.6': unknown metric 'acu' (did you mean 'auc'?)"),
        msg);
  }

  @Test
  void badOperatorInFile() throws Exception {
    Path f = write("p.json", "{\"fail_if\": [\"auc=>0.6\"]}");
    assertTrue(badInput(f).contains("bad operator '=>'"), badInput(f));
  }

  @Test
  void metricOfTheOtherKindInFileBlamesTheFile() throws Exception {
    Path f = write("p.json", "{\"fail_if\": [\"exposure>10\"]}");
    GatePolicy p = GatePolicy.read(f);
    BadInputException e =
        assertThrows(BadInputException.class, () -> p.evaluate(Fixtures.membership()));
    assertTrue(
        e.getMessage().startsWith(f + " line 1, fail_if[0]: check 'exposure>10'"), e.getMessage());
  }

  @Test
  void emptyPolicyIsRejected() throws Exception {
    Path f = write("p.json", "{\"fail_if\": []}");
    assertTrue(badInput(f).contains("'fail_if' is empty, so the gate would check nothing"));
    Path none = write("q.json", "{\"description\": \"nothing yet\"}");
    assertTrue(badInput(none).contains("no 'fail_if' key"), badInput(none));
    Path empty = write("r.json", "");
    assertTrue(badInput(empty).contains("empty policy file"), badInput(empty));
    assertTrue(GatePolicy.fromOptions(List.of()).isEmpty());
  }

  @Test
  void malformedPolicies() throws Exception {
    assertTrue(badInput(write("a.json", "[\"auc>0.6\"]")).contains("a policy is a JSON object"));
    assertTrue(
        badInput(write("b.json", "{\"fail_if\": \"auc>0.6\"}"))
            .contains("'fail_if' must be a list of checks"));
    assertTrue(
        badInput(write("c.json", "{\"fail_if\": [0.6]}"))
            .contains("fail_if[0]: a check must be a string"));
    assertTrue(
        badInput(write("d.json", "{\"fail_if\": [\"auc>0.6\"],\n\"fail_if\": []}"))
            .contains("not valid JSON at line 2"));
    assertTrue(badInput(write("e.json", "{\"fail_if\": [\"auc>0.6\"]")).contains("not valid JSON"));
    assertTrue(
        badInput(write("f.json", "{\"fail_if\": [\"auc>0.6\"]} {}"))
            .contains("text after the policy object"));
    assertTrue(badInput(tmp.resolve("missing.json")).contains("policy file not found"));
  }

  private String badInput(Path f) {
    BadInputException e = assertThrows(BadInputException.class, () -> GatePolicy.read(f));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    return e.getMessage();
  }

  private Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }
}
