package dev.trustml.reports.gate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.json.Json;
import dev.trustml.json.JsonErrors;
import dev.trustml.results.AuditResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of gate checks: from repeated {@code --fail-if} options and/or a policy file. The gate
 * fails when any check fails.
 *
 * <p>Policy file format (JSON, see {@code examples/policy.json}):
 *
 * <pre>{@code
 * {
 *   "description": "optional: what this policy is for",
 *   "fail_if": ["auc>0.6", "tpr@0.001>0.01", "epsilon_lb>epsilon"]
 * }
 * }</pre>
 *
 * {@code fail_if} is required and must list at least one check; any other key is an error, so a
 * misspelt key can never make a gate pass silently.
 *
 * @param checks the checks, in order
 */
public record GatePolicy(List<GateCheck> checks) {
  /** The policy file's keys. */
  static final String FAIL_IF = "fail_if";

  static final String DESCRIPTION = "description";

  public GatePolicy {
    checks = List.copyOf(checks);
  }

  /** No checks. */
  public static GatePolicy empty() {
    return new GatePolicy(List.of());
  }

  /** The policy of {@code --fail-if} values. */
  public static GatePolicy fromOptions(List<String> failIf) throws UsageException {
    List<GateCheck> checks = new ArrayList<>();
    for (String s : failIf == null ? List.<String>of() : failIf) {
      checks.add(GateCheck.parse(s));
    }
    return new GatePolicy(checks);
  }

  /** Reads a policy file; every problem is one line naming the file and the line. */
  public static GatePolicy read(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory; give the policy JSON file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          Message.of(
              file,
              ": policy file not found; check the ",
              Message.ref(Setting.POLICY_FILE, "policy"),
              " path"));
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the policy file (" + e + ")");
    }
    if (bytes.length == 0) {
      throw new BadInputException(file + ": empty policy file; " + example());
    }
    JsonFactory factory = Json.mapper().getFactory();
    try (JsonParser p = factory.createParser(bytes)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      return parse(file, p);
    } catch (JsonProcessingException e) {
      // Not every Jackson error has a location (a number over Jackson's length limit has none,
      // found by GatePolicyFuzzTest): JsonErrors words both kinds.
      throw new BadInputException(file + ": " + JsonErrors.describe(e) + "; " + example());
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the policy file (" + e + ")");
    }
  }

  private static GatePolicy parse(Path file, JsonParser p) throws IOException, BadInputException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new BadInputException(file + ": a policy is a JSON object; " + example());
    }
    List<GateCheck> checks = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = p.currentLocation().getLineNr();
      JsonToken value = p.nextToken();
      if (FAIL_IF.equals(key)) {
        checks = failIf(file, p, value, line);
      } else if (DESCRIPTION.equals(key)) {
        if (value != JsonToken.VALUE_STRING) {
          throw new BadInputException(file + " line " + line + ": 'description' must be a string");
        }
      } else {
        String hint = Suggest.closest(key, new String[] {FAIL_IF, DESCRIPTION});
        throw new BadInputException(
            file
                + " line "
                + line
                + ": unknown key '"
                + key
                + "'"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + "; a policy has only 'fail_if' (and an optional 'description')");
      }
    }
    if (p.nextToken() != null) {
      throw new BadInputException(
          file + " line " + p.currentLocation().getLineNr() + ": text after the policy object");
    }
    if (checks == null) {
      throw new BadInputException(file + ": no 'fail_if' key; " + example());
    }
    if (checks.isEmpty()) {
      throw new BadInputException(
          Message.of(
              file,
              ": 'fail_if' is empty, so the gate would check nothing; list at least one check"
                  + " such as \"auc>0.6\", or drop ",
              Message.ref(Setting.POLICY_FILE, "the policy")));
    }
    return new GatePolicy(checks);
  }

  private static List<GateCheck> failIf(Path file, JsonParser p, JsonToken value, int line)
      throws IOException, BadInputException {
    if (value != JsonToken.START_ARRAY) {
      throw new BadInputException(
          file + " line " + line + ": 'fail_if' must be a list of checks; " + example());
    }
    List<GateCheck> checks = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      int at = p.currentLocation().getLineNr();
      String where = "line " + at + ", fail_if[" + checks.size() + "]";
      if (t != JsonToken.VALUE_STRING) {
        throw new BadInputException(
            file + " " + where + ": a check must be a string such as \"auc>0.6\"");
      }
      try {
        checks.add(GateCheck.parse(p.getText(), CheckSource.policyFile(file, where)));
      } catch (BadInputException e) {
        throw e;
      } catch (TrustmlException e) {
        throw new IllegalStateException("a policy-file check raised " + e, e);
      }
    }
    return checks;
  }

  private static String example() {
    return "expected e.g. {\"fail_if\": [\"auc>0.6\", \"epsilon_lb>epsilon\"]}";
  }

  /** This policy's checks followed by {@code other}'s. */
  public GatePolicy and(GatePolicy other) {
    List<GateCheck> all = new ArrayList<>(checks);
    all.addAll(other.checks);
    return new GatePolicy(all);
  }

  /** Whether there is nothing to check. */
  public boolean isEmpty() {
    return checks.isEmpty();
  }

  /**
   * Evaluates every check on a result.
   *
   * @throws TrustmlException when a check does not fit the result: a metric of the other result
   *     kind, or {@code tpr@} an FPR the audit did not measure (usage error for a {@code
   *     --fail-if}, bad input naming the file for a policy entry)
   */
  public GateReport evaluate(AuditResult result) throws TrustmlException {
    List<GateOutcome> outcomes = new ArrayList<>();
    for (GateCheck c : checks) {
      outcomes.add(c.evaluate(result));
    }
    return new GateReport(outcomes);
  }
}
