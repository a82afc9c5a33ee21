package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.reports.schema.ResultKind;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.MembershipResult;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON contract of the result records: keys, null for NaN, round trips, one-line read errors. */
class ResultsJsonTest {
  @TempDir Path tmp;

  @Test
  void membershipRoundTripsFieldByField() throws Exception {
    MembershipResult in = Fixtures.membership();
    Path file = tmp.resolve("m.json");
    ResultsJson.write(file, in);
    assertRecordsEqual(in, ResultsJson.read(file));
  }

  @Test
  void canaryRoundTripsFieldByField() throws Exception {
    for (boolean reveal : new boolean[] {false, true}) {
      CanaryResult in = Fixtures.canary(reveal);
      AuditResult out = ResultsJson.parse(bytes(ResultsJson.toJson(in)), "c.json");
      assertRecordsEqual(in, out);
    }
  }

  @Test
  void noClaimWritesTheoreticalNull() throws Exception {
    MembershipResult in = Fixtures.membership("plain", null);
    JsonNode tree = tree(in);
    assertTrue(tree.get("theoretical").isNull());
    assertEquals("no-claim", tree.get("verdict").asText());
    assertRecordsEqual(in, ResultsJson.parse(bytes(ResultsJson.toJson(in)), "m.json"));
  }

  @Test
  void membershipKeysMatchTheContract() throws Exception {
    JsonNode t = tree(Fixtures.membership());
    assertEquals(
        List.of(
            "schema_version",
            "kind",
            "model",
            "theoretical",
            "verdict",
            "verdict_reason",
            "verdict_basis",
            "members",
            "non_members",
            "reference_models",
            "attacks",
            "slices",
            "conventions",
            "provenance"),
        keys(t));
    assertEquals(2, t.get("schema_version").intValue());
    assertEquals("membership", t.get("kind").asText());
    assertEquals("violated", t.get("verdict").asText());
    assertTrue(keys(t.get("model")).containsAll(List.of("path", "sha256")));
    assertTrue(keys(t.get("theoretical")).containsAll(List.of("epsilon", "delta", "accountant")));
    assertEquals(1.0, t.at("/theoretical/epsilon").doubleValue());
    JsonNode attack = t.at("/attacks/0");
    assertTrue(
        keys(attack)
            .containsAll(
                List.of(
                    "name",
                    "auc",
                    "advantage",
                    "tpr_at_fpr",
                    "epsilon_lower_bound",
                    "epsilon_estimate",
                    "intervals")),
        keys(attack).toString());
    assertEquals("lira-online", attack.get("name").asText());
    assertEquals(List.of("0.1", "0.01", "0.001"), keys(attack.get("tpr_at_fpr")));
    assertEquals(0.034, attack.at("/tpr_at_fpr/0.001").doubleValue());
    assertTrue(keys(attack.get("epsilon_lower_bound")).containsAll(List.of("value", "confidence")));
    assertEquals(1.31, attack.at("/epsilon_lower_bound/value").doubleValue());
    assertEquals("rigorous", attack.at("/epsilon_lower_bound/rigor").asText());
    assertEquals(4, attack.at("/epsilon_lower_bound/one_run/guess_totals").intValue());
    assertEquals("estimate", attack.at("/epsilon_estimate/rigor").asText());
    assertEquals("one-run bound, lira-online", t.at("/verdict_basis/figure").asText());
    assertEquals("rigorous", t.at("/verdict_basis/rigor").asText());
    assertEquals(1.52, t.at("/verdict_basis/estimate_max").doubleValue());
    assertEquals(0.712, attack.at("/intervals/auc/low").doubleValue());
    assertTrue(t.at("/provenance/started_at").isTextual());
    assertEquals(42, t.at("/provenance/seed").longValue());
  }

  @Test
  void notANumberIsWrittenAsNull() throws Exception {
    String json = ResultsJson.toJson(Fixtures.membership());
    assertFalse(json.contains("NaN"), json);
    JsonNode t = ResultsJson.mapper().readTree(json);
    // loss has too few non-members for TPR at FPR 0.1%, the positive slice for TPR at 1%.
    assertTrue(t.at("/attacks/1/tpr_at_fpr/0.001").isNull());
    assertTrue(t.at("/slices/1/tpr_at_1pct_fpr").isNull());
    assertTrue(t.at("/slices/1").has("tpr_at_1pct_fpr"), "readable key, not tpr_at1_pct_fpr");
  }

  @Test
  void canaryKeysMatchTheContractAndHideSecrets() throws Exception {
    JsonNode t = tree(Fixtures.canary(false));
    assertEquals(
        List.of(
            "schema_version",
            "kind",
            "model",
            "theoretical",
            "verdict",
            "verdict_reason",
            "verdict_basis",
            "confidence",
            "family_size",
            "secrets_revealed",
            "canaries",
            "audit_set",
            "provenance"),
        keys(t));
    assertEquals(2, t.get("schema_version").asInt());
    assertEquals("no-claim", t.get("verdict").asText());
    assertEquals("canary", t.get("kind").asText());
    assertTrue(t.get("theoretical").isNull());
    assertEquals(
        List.of(
            "id",
            "template",
            "label",
            "repetitions",
            "candidates",
            "rank",
            "exposure_bits",
            "extrapolated_exposure_bits",
            "extracted",
            "slot_accuracy",
            "method",
            "runs",
            "epsilon_bounds"),
        keys(t.at("/canaries/0")));
    assertEquals(
        List.of(
            "value",
            "rigor",
            "basis",
            "rank",
            "sampled",
            "sampled_at_or_below",
            "repetitions",
            "delta",
            "confidence",
            "p_value",
            "note"),
        keys(t.at("/canaries/0/epsilon_bounds/0")));
    assertEquals("rigorous", t.at("/canaries/0/epsilon_bounds/0/rigor").asText());
    assertEquals("exact-rank", t.at("/canaries/0/epsilon_bounds/0/basis").asText());
    assertEquals("estimate", t.at("/canaries/2/epsilon_bounds/1/rigor").asText());
    assertEquals(1000, t.at("/audit_set/canaries").asInt());
    assertTrue(t.at("/canaries/2/rank").isNull());
    assertEquals(7.5, t.at("/canaries/2/extrapolated_exposure_bits").doubleValue());

    JsonNode revealed = tree(Fixtures.canary(true));
    assertEquals("4821", revealed.at("/canaries/0/secret").asText());
    assertEquals("4821", revealed.at("/canaries/0/guesses/0/secret").asText());
  }

  @Test
  void secretsInAnUnrevealedRecordAreNotWritten() throws Exception {
    CanaryResult revealed = Fixtures.canary(true);
    CanaryResult inconsistent =
        new CanaryResult(
            revealed.schemaVersion(),
            revealed.kind(),
            revealed.model(),
            revealed.theoretical(),
            revealed.verdict(),
            revealed.verdictReason(),
            revealed.verdictBasis(),
            revealed.confidence(),
            revealed.familySize(),
            false,
            revealed.canaries(),
            revealed.auditSet(),
            revealed.provenance());
    String json = ResultsJson.toJson(inconsistent);
    assertFalse(json.contains("4821"), json);
    assertFalse(json.contains("red fox"), json);
    assertFalse(json.contains("\"secret\""), json);
    assertFalse(json.contains("\"guesses\""), json);
  }

  @Test
  void renderedResultsFollowThePublishedSchemas() throws Exception {
    for (AuditResult r :
        List.of(
            Fixtures.membership(),
            Fixtures.membership("plain", null),
            Fixtures.canary(false),
            Fixtures.canary(true))) {
      ResultKind kind = ResultKind.of(r);
      assertEquals(List.of(), ResultsJson.schema(kind).validate(tree(r)), kind.jsonName());
      // The schema lists every key trustml writes: closing the objects finds undocumented keys.
      JsonNode closed = ResultsJson.schema(kind).schema();
      close(closed);
      assertEquals(
          List.of(),
          dev.trustml.reports.schema.JsonSchemaSubset.of(closed).validate(tree(r)),
          "keys written but not in " + kind.schemaResource());
    }
  }

  @Test
  void goldenMembershipJson() throws Exception {
    Golden.assertMatches("membership.json", ResultsJson.toJson(Fixtures.membership()));
  }

  @Test
  void goldenCanaryJson() throws Exception {
    Golden.assertMatches("canary.json", ResultsJson.toJson(Fixtures.canary()));
  }

  @Test
  void syntaxErrorNamesFileLineAndColumn() throws Exception {
    Path file = write("bad.json", "{\n  \"kind\": \"membership\",\n  \"schema_version\": 1,,\n}");
    String msg = badInput(file);
    assertTrue(msg.startsWith(file + ": not valid JSON at line 3, column"), msg);
  }

  @Test
  void truncatedFile() throws Exception {
    String json = ResultsJson.toJson(Fixtures.membership());
    Path file = write("cut.json", json.substring(0, json.length() / 2));
    assertTrue(badInput(file).contains("not valid JSON at line"), badInput(file));
  }

  @Test
  void unknownKind() throws Exception {
    Path file = write("k.json", "{\"schema_version\": 1, \"kind\": \"attribute\"}");
    assertEquals(
        file
            + ": unknown kind 'attribute' (expected membership or canary); is the file from a"
            + " newer trustml?",
        badInput(file));
  }

  @Test
  void missingKind() throws Exception {
    Path file = write("k.json", "{\"schema_version\": 1}");
    assertTrue(badInput(file).contains("no 'kind' key"), badInput(file));
  }

  @Test
  void newerSchemaVersion() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.membership());
    t.put("schema_version", 3);
    Path file = write("v.json", t.toString());
    assertEquals(
        file + ": schema_version 3 is newer than this trustml understands (2); upgrade trustml",
        badInput(file));
  }

  @Test
  void olderSchemaVersionIsNotReadAsTheCurrentOne() throws Exception {
    // Version 1 called the split-half estimate epsilon_lower_bound; read as version 2 it would
    // pass for a rigorous bound.
    ObjectNode t = (ObjectNode) tree(Fixtures.membership());
    t.put("schema_version", 1);
    Path file = write("old.json", t.toString());
    assertEquals(
        file
            + ": schema_version 1 was written by an older trustml (this one reads 2); rerun the"
            + " audit to regenerate it",
        badInput(file));
  }

  @Test
  void canaryFilesOfSchemaOneStillReadAndThreeIsNewer() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.canary());
    t.put("schema_version", 1);
    for (String key :
        List.of("verdict", "verdict_reason", "verdict_basis", "confidence", "family_size")) {
      t.remove(key);
    }
    t.remove("audit_set");
    for (JsonNode c : t.get("canaries")) {
      ((ObjectNode) c).remove("epsilon_bounds");
    }
    CanaryResult old = ResultsJson.read(write("v1.json", t.toString()), CanaryResult.class);
    assertEquals(1, old.schemaVersion());
    assertEquals(null, old.verdict());
    assertTrue(old.canaries().get(0).epsilonBounds().isEmpty());
    assertTrue(MarkdownRenderer.render(old).contains("EXTRACTED"), "old files still render");
    t.put("schema_version", 3);
    Path newer = write("v3.json", t.toString());
    assertEquals(
        newer + ": schema_version 3 is newer than this trustml understands (2); upgrade trustml",
        badInput(newer));
  }

  @Test
  void missingFieldIsNamedByPath() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.membership());
    ((ObjectNode) t.at("/attacks/1")).remove("auc");
    Path file = write("f.json", t.toString());
    String msg = badInput(file);
    assertTrue(msg.startsWith(file + ": field 'attacks[1].auc' is missing;"), msg);
    assertTrue(msg.contains("membership-result.schema.json"), msg);
  }

  @Test
  void anIntervalWithItsEndsSwappedIsBadInput() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.membership());
    ObjectNode auc = (ObjectNode) t.at("/attacks/0/intervals/auc");
    auc.put("low", 0.9).put("high", 0.1);
    Path file = write("swapped.json", t.toString());
    String msg = badInput(file);
    assertTrue(msg.startsWith(file + ": "), msg);
    assertTrue(msg.contains("interval needs low <= high, got [0.9, 0.1]"), msg);
  }

  @Test
  void anUnmeasuredIntervalEndReadsAsNotANumber() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.membership());
    ((ObjectNode) t.at("/attacks/0/intervals/auc")).putNull("low");
    MembershipResult back =
        ResultsJson.read(write("null-low.json", t.toString()), MembershipResult.class);
    assertTrue(Double.isNaN(back.attacks().get(0).intervals().auc().low()));
    assertEquals(0.756, back.attacks().get(0).intervals().auc().high());
  }

  @Test
  void wrongTypeIsNamedByPath() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.canary());
    ((ObjectNode) t.at("/canaries/0")).put("candidates", "ten thousand");
    Path file = write("f.json", t.toString());
    String msg = badInput(file);
    assertTrue(
        msg.startsWith(file + ": field 'canaries[0].candidates' is a string, expected integer"),
        msg);
  }

  @Test
  void secretWithoutRevealBreaksTheSchema() throws Exception {
    ObjectNode t = (ObjectNode) tree(Fixtures.canary(false));
    ((ObjectNode) t.at("/canaries/1")).put("secret", "0193");
    Path file = write("s.json", t.toString());
    assertTrue(
        badInput(file).contains("field 'canaries[1].secret' must not be present"), badInput(file));
  }

  @Test
  void emptyAndMissingFiles() throws Exception {
    Path empty = write("e.json", "");
    assertEquals(empty + ": empty file; expected the JSON an audit wrote", badInput(empty));
    Path none = tmp.resolve("none.json");
    assertTrue(badInput(none).contains("not found"), badInput(none));
  }

  @Test
  void trailingGarbageIsRejected() throws Exception {
    Path file = write("t.json", ResultsJson.toJson(Fixtures.canary()) + "}");
    assertTrue(badInput(file).contains("not valid JSON"), badInput(file));
  }

  @Test
  void readOfTheWrongKind() throws Exception {
    Path file = tmp.resolve("c.json");
    ResultsJson.write(file, Fixtures.canary());
    BadInputException e =
        assertThrows(BadInputException.class, () -> ResultsJson.read(file, MembershipResult.class));
    assertTrue(e.getMessage().contains("this is a canary result"), e.getMessage());
  }

  // ---- helpers

  static void assertRecordsEqual(Record expected, Object actual) throws Exception {
    assertInstanceOf(expected.getClass(), actual);
    for (RecordComponent c : expected.getClass().getRecordComponents()) {
      Object want = c.getAccessor().invoke(expected);
      Object got = c.getAccessor().invoke(actual);
      assertEquals(want, got, "component " + c.getName());
    }
    assertEquals(expected, actual);
  }

  private static String badInput(Path file) {
    BadInputException e = assertThrows(BadInputException.class, () -> ResultsJson.read(file));
    assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    return e.getMessage();
  }

  private Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static JsonNode tree(AuditResult r) throws Exception {
    return ResultsJson.mapper().readTree(ResultsJson.toJson(r));
  }

  static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  /** Sets additionalProperties=false wherever a schema lists properties without saying. */
  private static void close(JsonNode schema) {
    if (schema.isObject()) {
      ObjectNode o = (ObjectNode) schema;
      if (o.has("properties") && !o.has("additionalProperties") && o.has("required")) {
        o.put("additionalProperties", false);
      }
      o.elements().forEachRemaining(ResultsJsonTest::close);
    } else if (schema.isArray()) {
      schema.elements().forEachRemaining(ResultsJsonTest::close);
    }
  }
}
