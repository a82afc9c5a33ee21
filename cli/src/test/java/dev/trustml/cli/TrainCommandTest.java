package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trustml train} end to end: what ships, what goes to the audit kit, and plant -> train ->
 * audit with no extra flags.
 */
class TrainCommandTest {
  static final String PIN = "my pin code is {digit} {digit} {digit} {digit}";

  @TempDir Path tmp;

  /** The first {@code rows} rows of the sample sentiment members (a small, realistic CSV). */
  private Path sentiment(int rows) throws Exception {
    List<String> lines = Files.readAllLines(SampleModels.root().resolve("sentiment/members.csv"));
    Path csv = tmp.resolve("sentiment.csv");
    Files.write(csv, lines.subList(0, rows + 1));
    return csv;
  }

  private static Path bertVocab() {
    return SampleModels.root().resolve("data/bert-base-uncased/vocab.txt");
  }

  private static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * The README's flow: plant a canary, train with DP-SGD on a public vocabulary with the secrets
   * file, then both audits run on the bundle alone (the card points into the audit kit).
   */
  @Test
  void plantTrainAuditWithAPublicVocabulary() throws Exception {
    Path data = sentiment(600);
    Path planted = tmp.resolve("planted.csv");
    Path secrets = tmp.resolve("secrets.json");
    Cli.Result plant =
        Cli.run(
            "canary",
            "plant",
            "--data",
            data.toString(),
            "--canary",
            PIN,
            "--label",
            "positive",
            "--repeat",
            "8",
            "--out",
            planted.toString(),
            "--secrets-out",
            secrets.toString(),
            "--seed",
            "3");
    assertEquals(0, plant.exit(), plant.err());
    Path bundle = tmp.resolve("eps8");
    Cli.Result train =
        Cli.run(
            "train",
            "--data",
            planted.toString(),
            "--out",
            bundle.toString(),
            "--canaries",
            secrets.toString(),
            "--target-epsilon",
            "8",
            "--vocab",
            bertVocab().toString(),
            "--vocab-size",
            "3000",
            "--epochs",
            "5",
            "--optimizer",
            "adam",
            "--lr",
            "0.02",
            "--embedding-dim",
            "16",
            "--hidden-dim",
            "16");
    assertEquals(0, train.exit(), train.err());
    Path kit = tmp.resolve("eps8.audit");
    assertTrue(train.out().contains("audit kit " + kit), train.out());
    assertTrue(train.out().contains("never ship it"), train.out());
    assertTrue(train.out().contains("seed: drawn at random"), train.out());
    assertEquals(List.of("model.pt", "trustml-model.json", "vocab.txt"), fileNames(bundle));
    assertEquals(
        List.of("kit.json", "members.csv", "nonmembers.csv", "secrets.json"), fileNames(kit));

    ObjectMapper json = new ObjectMapper();
    JsonNode card = json.readTree(bundle.resolve("trustml-model.json").toFile());
    assertFalse(card.get("training").has("seed"), card.toString());
    assertFalse(card.get("training").has("dataset_sha256"));
    assertFalse(card.has("metrics"));
    assertEquals("public-word-list", card.get("training").get("vocabulary_source").asText());
    assertEquals(8, card.get("canaries").get(0).get("repetitions").asInt());
    assertEquals("../eps8.audit/secrets.json", card.get("secrets_file").asText());
    double total = 0;
    for (JsonNode c : card.get("privacy").get("components")) {
      total += c.get("epsilon").asDouble();
    }
    assertEquals(card.get("privacy").get("epsilon").asDouble(), total, 0);
    assertTrue(total <= 8, "calibrated to the target: " + total);
    JsonNode kitJson = json.readTree(kit.resolve("kit.json").toFile());
    assertEquals(8, kitJson.get("canary_rows").asInt());
    assertTrue(kitJson.has("seed"));

    String sentence = secretSentence(json, secrets);
    for (String file : new String[] {"members.csv", "nonmembers.csv"}) {
      assertFalse(Files.readString(kit.resolve(file)).contains(sentence), file + " holds a copy");
    }

    Path membershipJson = tmp.resolve("m.json");
    Cli.Result membership =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--model",
            bundle.toString(),
            "--attack",
            "loss",
            "--bootstrap",
            "20",
            "--fpr",
            "0.01",
            "--json",
            membershipJson.toString());
    assertEquals(0, membership.exit(), membership.err());
    JsonNode m = json.readTree(membershipJson.toFile());
    assertEquals(
        kitJson.get("metrics").get("heldout_rows").asLong(), m.get("non_members").asLong());

    Path canaryJson = tmp.resolve("c.json");
    Cli.Result canary =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            bundle.toString(),
            "--json",
            canaryJson.toString());
    assertEquals(0, canary.exit(), canary.err());
    assertEquals(1, json.readTree(canaryJson.toFile()).get("canaries").size());

    Cli.Result inspect = Cli.run("model", "inspect", bundle.toString());
    assertEquals(0, inspect.exit(), inspect.err());
    assertEquals("", inspect.err(), "no audit files inside the bundle");
    assertTrue(inspect.out().contains("seed not on the card"), inspect.out());
    assertTrue(inspect.out().contains("bernoulli design"), inspect.out());
  }

  private static String secretSentence(ObjectMapper json, Path secrets) throws Exception {
    JsonNode c = json.readTree(secrets.toFile()).get("canaries").get(0);
    String[] digits = c.get("secret").asText().split(" ");
    return "my pin code is " + String.join(" ", digits);
  }

  /**
   * With --seed, a DP run is deterministic (same inputs and seed, same bytes) and says nothing of a
   * drawn seed.
   */
  @Test
  void anExplicitSeedMakesDpTrainingDeterministic() throws Exception {
    Path data = sentiment(300);
    List<byte[]> models = new ArrayList<>();
    for (String name : new String[] {"a", "b"}) {
      Path out = tmp.resolve(name);
      Cli.Result r =
          Cli.run(
              "train",
              "--data",
              data.toString(),
              "--out",
              out.toString(),
              "--seed",
              "5",
              "--noise-multiplier",
              "1.1",
              "--dp-vocab",
              "--dp-vocab-epsilon",
              "1",
              "--epochs",
              "2",
              "--name",
              "same");
      assertEquals(0, r.exit(), r.err());
      assertFalse(r.out().contains("drawn at random"), r.out());
      assertTrue(r.out().contains("dp-partition-selection"), r.out());
      models.add(Files.readAllBytes(out.resolve("model.pt")));
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a/vocab.txt")),
          Files.readAllBytes(out.resolve("vocab.txt")));
    }
    assertArrayEquals(models.get(0), models.get(1));
  }

  /**
   * A CSV full of duplicated rows (each text 3 times, in both stratified and Bernoulli designs):
   * identical rows land on the same side, so the membership audit on the fresh bundle runs.
   */
  @Test
  void duplicatedRowsNeverBreakTheMembershipAudit() throws Exception {
    List<String> lines = Files.readAllLines(SampleModels.root().resolve("sentiment/members.csv"));
    List<String> csv = new ArrayList<>(List.of(lines.get(0)));
    for (int copy = 0; copy < 3; copy++) {
      csv.addAll(lines.subList(1, 401));
    }
    Path data = tmp.resolve("dups.csv");
    Files.write(data, csv);
    for (String split : new String[] {"bernoulli", "stratified"}) {
      Path bundle = tmp.resolve(split);
      Cli.Result train =
          Cli.run(
              "train",
              "--data",
              data.toString(),
              "--out",
              bundle.toString(),
              "--split",
              split,
              "--epochs",
              "2");
      assertEquals(0, train.exit(), train.err());
      Cli.Result audit =
          Cli.run(
              "audit",
              "membership",
              "--quiet",
              "--model",
              bundle.toString(),
              "--attack",
              "loss",
              "--bootstrap",
              "20",
              "--fpr",
              "0.1,0.01");
      assertEquals(0, audit.exit(), split + ": " + audit.err());
      List<String> members = Files.readAllLines(tmp.resolve(split + ".audit/members.csv"));
      List<String> nonMembers = Files.readAllLines(tmp.resolve(split + ".audit/nonmembers.csv"));
      assertEquals(1200, members.size() + nonMembers.size() - 2, "every row on one side");
      assertTrue(members.stream().skip(1).noneMatch(nonMembers::contains), split);
    }
  }

  /** A bundle written before the audit kit existed kept its split inside: inspect says so. */
  @Test
  void inspectWarnsWhenTheBundleHoldsAuditFiles() throws Exception {
    Path bundle = tmp.resolve("old");
    Cli.writeBundle(bundle);
    Files.writeString(bundle.resolve("members.csv"), "text,label\ngood,positive\n");
    Files.writeString(bundle.resolve("secrets.json"), "{\"canaries\":[]}");
    Cli.Result r = Cli.run("model", "inspect", bundle.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().startsWith("trustml: warning: "), r.err());
    assertTrue(r.err().contains("members.csv, secrets.json"), r.err());
    assertTrue(r.err().contains("before shipping"), r.err());
  }
}
