package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdicts issue 10 asks for, end to end through the CLI: a DP bundle whose vocabulary was
 * built from its members is refuted rigorously when members were chosen by fair coins, only suspect
 * when they were not, and a public vocabulary is not flagged.
 */
class VocabularyLeakTest {
  @TempDir static Path shared;
  static Path leaky;
  static Path publicVocab;
  @TempDir Path tmp;

  @BeforeAll
  static void buildFixtures() throws Exception {
    leaky = VocabularyFixtures.leaky(shared.resolve("leaky"));
    publicVocab = VocabularyFixtures.publicVocabulary(shared.resolve("public"));
  }

  private JsonNode audit(Path model, String... extra) throws Exception {
    Path json = tmp.resolve("a" + System.nanoTime() + ".json");
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "membership",
                "--quiet",
                "--model",
                model.toString(),
                "--json",
                json.toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--bootstrap")) {
      args.addAll(List.of("--bootstrap", "50"));
    }
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertTrue(r.exit() == 0 || r.exit() == 1, r.out() + r.err());
    return new ObjectMapper().readTree(json.toFile());
  }

  private static JsonNode attack(JsonNode root, String name) {
    for (JsonNode a : root.get("attacks")) {
      if (a.get("name").asText().equals(name)) {
        return a;
      }
    }
    throw new AssertionError("no attack " + name + " in " + root.get("attacks"));
  }

  @Test
  void memberBuiltVocabularyUnderBernoulliMembershipIsViolated() throws Exception {
    JsonNode root = audit(leaky);
    assertEquals("violated", root.get("verdict").asText(), root.get("verdict_reason").asText());
    JsonNode vocab = attack(root, "vocab");
    JsonNode bound = vocab.get("epsilon_lower_bound");
    assertEquals("rigorous", bound.get("rigor").asText());
    double claim = root.at("/theoretical/epsilon").asDouble();
    assertEquals(VocabularyFixtures.CLAIMED_EPSILON, claim, 1e-3);
    assertTrue(bound.get("value").asDouble() > claim, bound.toString());
    assertEquals(4, bound.at("/one_run/guess_totals").asInt());
    assertTrue(bound.at("/one_run/selection_rows").asInt() > 1000, bound.toString());
    assertEquals("estimate", vocab.at("/epsilon_estimate/rigor").asText());
    JsonNode basis = root.get("verdict_basis");
    assertEquals("one-run bound, vocab", basis.get("figure").asText());
    assertEquals("rigorous", basis.get("rigor").asText());
    assertTrue(basis.get("design").asText().startsWith("bernoulli(0.5)"), basis.toString());
    assertTrue(root.get("verdict_reason").asText().startsWith("VIOLATED"));
    // Every bound in the report says whether it is rigorous.
    for (JsonNode a : root.get("attacks")) {
      for (String figure : List.of("epsilon_lower_bound", "epsilon_estimate")) {
        assertTrue(a.get(figure).has("rigor"), a.get("name") + " " + figure);
      }
    }
    // Through the gate: a rigorous refutation fails verdict==violated and epsilon_lb>epsilon.
    Cli.Result gated =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--bootstrap",
            "0",
            "--attack",
            "vocab,loss",
            "--model",
            leaky.toString(),
            "--fail-if",
            "verdict==violated",
            "--fail-if",
            "epsilon_lb>epsilon");
    assertEquals(1, gated.exit(), gated.out() + gated.err());
    assertTrue(gated.out().contains("FAIL epsilon_lb>epsilon: vocab epsilon_lb ="), gated.out());
    assertTrue(gated.out().contains("(R)"), gated.out());
  }

  @Test
  void theSameLeakInUserSuppliedFilesIsOnlySuspect() throws Exception {
    // The card's member file with its last row dropped: no longer the card's file, so the design
    // is unknown and nothing can be rigorous, however strong the leak.
    List<String> lines = Files.readAllLines(VocabularyFixtures.kit(leaky).resolve("members.csv"));
    Path members = tmp.resolve("members-subset.csv");
    Files.write(members, lines.subList(0, lines.size() - 1));
    JsonNode root =
        audit(
            leaky,
            "--members",
            members.toString(),
            "--non-members",
            VocabularyFixtures.kit(leaky).resolve("nonmembers.csv").toString());
    assertEquals("suspect", root.get("verdict").asText());
    assertTrue(attack(root, "vocab").get("epsilon_lower_bound").isNull());
    assertTrue(
        root.get("verdict_reason")
            .asText()
            .contains(
                "members and non-members were not chosen at random; distribution shift alone can"
                    + " produce this"),
        root.get("verdict_reason").asText());
    assertTrue(root.at("/verdict_basis/design").asText().startsWith("unknown"));
    assertEquals("estimate", root.at("/verdict_basis/rigor").asText());
    // An identical copy of the card's file elsewhere is still the card's file (same SHA-256).
    Path copy = tmp.resolve("copy.csv");
    Files.copy(VocabularyFixtures.kit(leaky).resolve("members.csv"), copy);
    JsonNode same =
        audit(leaky, "--attack", "vocab", "--bootstrap", "0", "--members", copy.toString());
    assertEquals("violated", same.get("verdict").asText());
  }

  @Test
  void stratifiedSampleModelWithMemberBuiltVocabularyIsSuspect() throws Exception {
    Path eps1 = VocabularyFixtures.stratifiedEps1(tmp.resolve("eps1"));
    JsonNode root = audit(eps1);
    assertEquals("suspect", root.get("verdict").asText(), root.get("verdict_reason").asText());
    JsonNode vocab = attack(root, "vocab");
    assertTrue(vocab.get("epsilon_lower_bound").isNull(), "no rigorous bound without a design");
    assertTrue(vocab.at("/epsilon_estimate/value").asDouble() > 1.0, vocab.toString());
    assertEquals("split-half estimate, vocab", root.at("/verdict_basis/figure").asText());
    assertTrue(root.at("/verdict_basis/rigorous_max").isNull());
    assertTrue(
        root.get("verdict_reason").asText().contains("does not record how members were chosen"),
        root.get("verdict_reason").asText());

    // The same bundle with its stratified design recorded: still suspect, the reason says why.
    Path card = eps1.resolve("trustml-model.json");
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(card.toFile());
    ((ObjectNode) json.get("training"))
        .putObject("design")
        .put("kind", "stratified")
        .put("inclusion_probability", 0.5);
    Files.writeString(card, json.toPrettyString());
    JsonNode stratified = audit(eps1, "--attack", "vocab,loss", "--bootstrap", "0");
    assertEquals("suspect", stratified.get("verdict").asText());
    assertTrue(
        stratified.get("verdict_reason").asText().contains("fixed-size stratified split"),
        stratified.get("verdict_reason").asText());
    Cli.Result gate =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--bootstrap",
            "0",
            "--attack",
            "vocab",
            "--model",
            eps1.toString(),
            "--fail-if",
            "verdict==suspect");
    assertEquals(1, gate.exit(), gate.out() + gate.err());
    assertTrue(gate.out().contains("verdict: suspect"), gate.out());
  }

  @Test
  void publicVocabularyIsNotFlagged() throws Exception {
    JsonNode root = audit(publicVocab);
    JsonNode vocab = attack(root, "vocab");
    double claim = root.at("/theoretical/epsilon").asDouble();
    assertEquals("rigorous", vocab.at("/epsilon_lower_bound/rigor").asText());
    assertTrue(vocab.at("/epsilon_lower_bound/value").asDouble() <= claim, vocab.toString());
    assertTrue(vocab.at("/epsilon_estimate/value").asDouble() <= claim, vocab.toString());
    assertTrue(Math.abs(vocab.get("auc").asDouble() - 0.5) < 0.05, vocab.toString());
    assertFalse(root.get("verdict").asText().equals("violated"), root.toString());
  }

  @Test
  void sameSeedSameJson() throws Exception {
    JsonNode a = audit(leaky, "--seed", "3", "--bootstrap", "100");
    JsonNode b = audit(leaky, "--seed", "3", "--bootstrap", "100");
    ((ObjectNode) a.get("provenance")).remove("started_at");
    ((ObjectNode) b.get("provenance")).remove("started_at");
    assertEquals(a, b);
    JsonNode other = audit(leaky, "--seed", "4", "--bootstrap", "100");
    assertFalse(
        a.get("attacks").equals(other.get("attacks")), "the seed changes the random choices");
  }

  @Test
  void populationFileFeedsRmiaAndIsNeverEvaluated() throws Exception {
    // Half of the non-members become population rows (known to be outside the training data).
    List<LabeledText> nonMembers;
    try (LabeledCsvReader reader =
        LabeledCsvReader.open(
            VocabularyFixtures.kit(leaky).resolve("nonmembers.csv"), CsvColumns.DEFAULT)) {
      nonMembers = reader.readAll();
    }
    // Identical rows (same text and label) stay on one side: a population row is never audited.
    List<LabeledText> auditedRows = new ArrayList<>();
    List<LabeledText> populationRows = new ArrayList<>();
    java.util.Set<Long> firstHalf = new java.util.HashSet<>();
    for (LabeledText row : nonMembers) {
      long key = dev.trustml.data.RowKey.of(row.text(), row.label());
      boolean audit =
          firstHalf.contains(key)
              || (auditedRows.size() < nonMembers.size() / 2 && firstHalf.add(key));
      (audit ? auditedRows : populationRows).add(row);
    }
    int half = auditedRows.size();
    Path audited = tmp.resolve("audited.csv");
    Path population = tmp.resolve("population.csv");
    VocabularyFixtures.writeCsv(audited, auditedRows);
    VocabularyFixtures.writeCsv(population, populationRows);
    JsonNode root =
        audit(
            leaky,
            "--non-members",
            audited.toString(),
            "--population",
            population.toString(),
            "--shadow-models",
            "2",
            "--cache-dir",
            tmp.resolve("cache").toString(),
            "--attack",
            "rmia,rmia-offline,loss-class",
            "--fpr",
            "0.1,0.01",
            "--bootstrap",
            "0");
    assertEquals(half, root.get("non_members").asInt());
    JsonNode data = root.at("/provenance/data");
    assertEquals("population", data.get(2).get("role").asText());
    assertEquals(nonMembers.size() - half, data.get(2).get("rows").asInt());
    assertTrue(root.get("conventions").toString().contains("the population file"));
    for (JsonNode a : root.get("attacks")) {
      assertTrue(a.get("auc").asDouble() > 0.3 && a.get("auc").asDouble() < 0.7, a.toString());
    }
  }
}
