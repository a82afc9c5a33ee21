package dev.trustml.reports.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the CI gate's parsers: policy files, {@code --fail-if} values and lists of them. A typo
 * must be a usage error (exit 2) or bad input (exit 3), never a crash or a silent pass.
 */
class GatePolicyFuzzTest {
  @TempDir static Path dir;

  @FuzzTest
  void readsAnyPolicyFileOrRejectsItAsBadInput(byte[] content) throws IOException {
    Path file = dir.resolve("policy.json");
    Files.write(file, content);
    GatePolicy policy;
    try {
      policy = GatePolicy.read(file);
    } catch (BadInputException e) {
      return;
    }
    assertFalse(policy.isEmpty(), "a policy file that reads has at least one check");
  }

  @FuzzTest
  void parsesAnyFailIfValueOrRejectsItAsUsageError(byte[] bytes) {
    GateCheck check;
    try {
      check = GateCheck.parse(new String(bytes, StandardCharsets.UTF_8));
    } catch (UsageException e) {
      return;
    }
    // The check written in its normal form (tpr@FPR as a plain decimal) parses to the same check.
    String normal = check.metric().text() + check.operator().symbol() + check.limit().text();
    GateCheck again;
    try {
      again = GateCheck.parse(normal);
    } catch (UsageException e) {
      throw new AssertionError("'" + check.text() + "' parsed but '" + normal + "' did not", e);
    }
    assertEquals(check.metric(), again.metric(), normal);
    assertEquals(check.operator(), again.operator(), normal);
    assertEquals(check.limit(), again.limit(), normal);
  }

  /** One {@code --fail-if} value per line. */
  @FuzzTest
  void parsesAnyListOfFailIfValuesOrRejectsItAsUsageError(byte[] bytes) {
    List<String> options = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1));
    GatePolicy policy;
    try {
      policy = GatePolicy.fromOptions(options);
    } catch (UsageException e) {
      return;
    }
    assertEquals(options.size(), policy.checks().size());
  }

  /**
   * Found by fuzzing: a number over Jackson's 1000-digit limit raises an exception without a
   * location, and reading the policy crashed on it (NullPointerException).
   */
  @Test
  void numberLongerThanJacksonsLimitIsBadInput() throws IOException {
    Path file = dir.resolve("long-number.json");
    Files.writeString(file, "{\"fail_if\": [" + "1".repeat(1001) + "]}");
    BadInputException e = assertThrows(BadInputException.class, () -> GatePolicy.read(file));
    assertTrue(
        e.getMessage().startsWith(file + ": not valid JSON (Number value length"), e.getMessage());
  }
}
