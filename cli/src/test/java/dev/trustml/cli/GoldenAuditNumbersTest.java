package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same JSON: audits of the committed sample models give exactly the reports recorded in
 * {@code src/test/resources/golden-audits/} (every number, verdict and sentence; only paths, times,
 * speeds and library versions are left out). The files were written by the code before the audit
 * was split into its collect and analyse stages, so this test shows the refactoring changed no
 * result. The scenarios cover the card's design with trained reference models, a DP claim from the
 * card, user-supplied files (unknown design) with a population file, a given reference bundle and a
 * fixed one-run guess count, and the canary audit with every search method.
 *
 * <p>A deliberate change of results is recorded by running this test with {@code
 * -Dtrustml.golden.update=true} (it then rewrites the files and fails, so an update is never
 * silent); review the diff before committing it.
 */
class GoldenAuditNumbersTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden-audits");
  private static final boolean UPDATE = Boolean.getBoolean("trustml.golden.update");

  /** Fields that differ between runs or machines, not results. */
  private static final Set<String> VOLATILE =
      Set.of(
          "path",
          "started_at",
          "trustml_version",
          "djl_version",
          "pytorch_version",
          "wall_seconds",
          "candidates_per_second");

  @TempDir static Path tmp;
  private static UserAuditFiles user;

  /**
   * User-supplied files cut from the sentiment split, and a reference bundle (see {@link
   * UserAuditFiles}).
   */
  @BeforeAll
  static void userFiles() throws Exception {
    user = UserAuditFiles.cut(tmp, 600);
  }

  @Test
  void cardDesignWithTrainedReferenceModels() throws Exception {
    check(
        "membership-sentiment-nodp-shadows",
        "audit",
        "membership",
        "--model",
        SampleModels.bundle("sentiment", "nodp").toString(),
        "--shadow-models",
        "4",
        "--bootstrap",
        "100");
  }

  @Test
  void cardDesignAndClaim() throws Exception {
    check(
        "membership-spam-eps8",
        "audit",
        "membership",
        "--model",
        SampleModels.bundle("spam", "eps8").toString(),
        "--bootstrap",
        "100",
        "--seed",
        "7");
  }

  @Test
  void userFilesPopulationGivenReferenceAndFixedOneRun() throws Exception {
    check(
        "membership-sentiment-eps1-user-files",
        "audit",
        "membership",
        "--model",
        SampleModels.bundle("sentiment", "eps1").toString(),
        "--members",
        user.members().toString(),
        "--non-members",
        user.nonMembers().toString(),
        "--population",
        user.population().toString(),
        "--shadow-models",
        "2",
        "--reference",
        user.reference().toString(),
        "--epsilon",
        "0.5",
        "--one-run",
        "40",
        "--fpr",
        "0.1,0.01",
        "--bootstrap",
        "50",
        "--seed",
        "3");
  }

  @Test
  void canaryEveryMethod() throws Exception {
    check(
        "canary-sentiment-nodp-all",
        "audit",
        "canary",
        "--model",
        SampleModels.bundle("sentiment", "nodp").toString(),
        "--method",
        "all");
  }

  @Test
  void canaryDefaultsWithClaim() throws Exception {
    check(
        "canary-spam-eps8",
        "audit",
        "canary",
        "--model",
        SampleModels.bundle("spam", "eps8").toString());
  }

  private static void check(String name, String... command) throws Exception {
    Path json = tmp.resolve(name + ".json");
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("--quiet", "--json", json.toString()));
    if (command[1].equals("membership")) {
      args.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
    }
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.out() + r.err());
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode actual = withoutVolatile(mapper.readTree(json.toFile()));
    Path golden = GOLDEN.resolve(name + ".json");
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, mapper.writeValueAsString(actual) + "\n");
      throw new AssertionError("rewrote " + golden + "; run again without trustml.golden.update");
    }
    assertTrue(Files.isRegularFile(golden), golden + " is missing");
    JsonNode expected = mapper.readTree(golden.toFile());
    assertEquals(
        mapper.writeValueAsString(expected),
        mapper.writeValueAsString(actual),
        name + ": the audit's JSON differs from the recorded one");
  }

  /** A copy without the fields that differ between runs or machines. */
  static JsonNode withoutVolatile(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.objectNode();
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        if (!VOLATILE.contains(e.getKey())) {
          copy.set(e.getKey(), withoutVolatile(e.getValue()));
        }
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = array.arrayNode();
      array.forEach(element -> copy.add(withoutVolatile(element)));
      return copy;
    }
    return node;
  }
}
