package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EpsilonCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Trustml.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "epsilon";
    System.arraycopy(args, 0, full, 1, args.length);
    int code = cl.execute(full);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  // Opacus opacus/tests/accountants_test.py test_rdp_accountant: q=0.04, sigma=1.5, 2250 steps,
  // delta=1e-5 -> 7.32911117143 (RDP, Balle 2020 conversion).
  @Test
  void printsEpsilonAsASentence() {
    Run r =
        run(
            "--sampling-rate",
            "0.04",
            "--noise-multiplier",
            "1.5",
            "--steps",
            "2250",
            "--delta",
            "1e-5");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("epsilon = 7.32911 at delta = 0.00001 (rdp accountant"), r.out());
    assertEquals(1, r.out().strip().lines().count());
  }

  @Test
  void printsEpsilonAsJson() throws Exception {
    Run r =
        run(
            "--sampling-rate",
            "0.04",
            "--noise-multiplier",
            "1.5",
            "--steps",
            "2250",
            "--delta",
            "1e-5",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JSON.readTree(r.out());
    assertEquals(
        List.of("epsilon", "delta", "accountant", "sampling_rate", "noise_multiplier", "steps"),
        fieldNames(node));
    assertEquals(7.32911117143, node.get("epsilon").asDouble(), 5e-8);
    assertEquals(1e-5, node.get("delta").asDouble(), 0.0);
    assertEquals("rdp", node.get("accountant").asText());
    assertEquals(0.04, node.get("sampling_rate").asDouble(), 0.0);
    assertEquals(1.5, node.get("noise_multiplier").asDouble(), 0.0);
    assertEquals(2250, node.get("steps").asLong());
  }

  // Opacus accountants_test.py test_prv_accountant: same run, PRV upper bound 6.777395712150674.
  @Test
  void pldAccountantIsSelectable() throws Exception {
    Run r =
        run(
            "--sampling-rate",
            "0.04",
            "--noise-multiplier",
            "1.5",
            "--steps",
            "2250",
            "--delta",
            "1e-5",
            "--accountant",
            "pld",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JSON.readTree(r.out());
    assertEquals("pld", node.get("accountant").asText());
    double eps = node.get("epsilon").asDouble();
    assertTrue(eps <= 6.777395712150674 && eps > 6.75, "eps " + eps);
  }

  // Opacus accountants_test.py test_get_noise_multiplier_rdp_steps: q=0.04, eps 8, delta 1e-5,
  // 2000 steps -> 1.3562 (Opacus stops within 0.01 of the target, so ours is <= 1.35625).
  @Test
  void calibratesNoiseToATargetEpsilon() throws Exception {
    Run r =
        run(
            "--sampling-rate",
            "0.04",
            "--target-epsilon",
            "8",
            "--steps",
            "2000",
            "--delta",
            "1e-5",
            "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode node = JSON.readTree(r.out());
    assertTrue(fieldNames(node).contains("noise_multiplier"));
    double sigma = node.get("noise_multiplier").asDouble();
    assertTrue(sigma <= 1.35625 && sigma > 1.354, "sigma " + sigma);
    assertTrue(node.get("epsilon").asDouble() <= 8.0);
    assertEquals(8.0, node.get("target_epsilon").asDouble(), 0.0);

    Run text =
        run(
            "--sampling-rate",
            "0.04",
            "--target-epsilon",
            "8",
            "--steps",
            "2000",
            "--delta",
            "1e-5");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().startsWith("noise multiplier = 1.356"), text.out());
    assertTrue(text.out().contains("<= 8 at delta"), text.out());
  }

  @Test
  void noiseMultiplierAndTargetEpsilonAreExclusiveAndOneIsRequired() {
    Run both =
        run(
            "--sampling-rate",
            "0.04",
            "--noise-multiplier",
            "1.5",
            "--target-epsilon",
            "8",
            "--steps",
            "10",
            "--delta",
            "1e-5");
    assertEquals(2, both.exitCode());
    assertTrue(both.err().contains("mutually exclusive"), both.err());
    assertEquals("", both.out());

    Run neither = run("--sampling-rate", "0.04", "--steps", "10", "--delta", "1e-5");
    assertEquals(2, neither.exitCode());
    assertTrue(neither.err().contains("--noise-multiplier"), neither.err());

    Run unknownAccountant =
        run(
            "--sampling-rate",
            "0.04",
            "--noise-multiplier",
            "1.5",
            "--steps",
            "10",
            "--delta",
            "1e-5",
            "--accountant",
            "prv");
    assertEquals(2, unknownAccountant.exitCode());
    assertTrue(
        unknownAccountant.err().contains("expected 'rdp' or 'pld'"), unknownAccountant.err());
  }

  private static void assertUsageError(String expectedFragment, String... args) {
    Run r = run(args);
    assertEquals(2, r.exitCode(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("trustml: "), r.err());
    assertTrue(r.err().contains(expectedFragment), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void badValuesExitWithCodeTwoAndOneLine() {
    assertUsageError(
        "sampling rate q must be in (0, 1]",
        "--sampling-rate",
        "1.5",
        "--noise-multiplier",
        "1",
        "--steps",
        "10",
        "--delta",
        "1e-5");
    assertUsageError(
        "noise multiplier sigma must be a finite number > 0",
        "--sampling-rate",
        "0.1",
        "--noise-multiplier",
        "0",
        "--steps",
        "10",
        "--delta",
        "1e-5");
    assertUsageError(
        "delta must be in (0, 1)",
        "--sampling-rate",
        "0.1",
        "--noise-multiplier",
        "1",
        "--steps",
        "10",
        "--delta",
        "2");
    assertUsageError(
        "steps must be >= 1",
        "--sampling-rate",
        "0.1",
        "--noise-multiplier",
        "1",
        "--steps",
        "0",
        "--delta",
        "1e-5");
    assertUsageError(
        "out of reach",
        "--sampling-rate",
        "1",
        "--target-epsilon",
        "0.01",
        "--steps",
        "1000000",
        "--delta",
        "1e-5");
  }

  @Test
  void helpDescribesTheOptions() {
    Run r = run("--help");
    assertEquals(0, r.exitCode());
    for (String option :
        List.of(
            "--sampling-rate",
            "--noise-multiplier",
            "--target-epsilon",
            "--steps",
            "--delta",
            "--accountant",
            "--json")) {
      assertTrue(r.out().contains(option), option);
    }
  }
}
