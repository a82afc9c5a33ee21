package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml audit membership} end to end on the committed sample models. */
class MembershipCommandTest {
  @TempDir Path tmp;

  private Cli.Result audit(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "audit",
                "membership",
                "--quiet",
                "--bootstrap",
                "100",
                "--cache-dir",
                tmp.resolve("cache").toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  @Test
  void nonPrivateModelLeaksAndReportIsComplete() throws Exception {
    Path json = tmp.resolve("m.json");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--shadow-models",
            "4",
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("membership", root.get("kind").asText());
    assertEquals("no-claim", root.get("verdict").asText());
    assertTrue(root.get("theoretical").isNull());
    double bestAuc = 0;
    for (JsonNode a : root.get("attacks")) {
      bestAuc = Math.max(bestAuc, a.get("auc").asDouble());
      assertTrue(a.get("tpr_at_fpr").has("0.001"), a.toString());
      assertTrue(a.get("epsilon_lower_bound").has("confidence"));
    }
    assertTrue(bestAuc > 0.65, "the non-private model leaks: best AUC " + bestAuc);
    assertTrue(root.get("provenance").get("data").get(0).get("sha256").asText().length() == 64);
    String text = Files.readString(json);
    assertTrue(!text.contains("my pin code"), "no training text in the report");
  }

  @Test
  void dpModelIsConsistentWithItsClaim() throws Exception {
    Path json = tmp.resolve("e1.json");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "eps1").toString(),
            "--json",
            json.toString(),
            "--fail-if",
            "verdict==violated");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("consistent", root.get("verdict").asText());
    assertEquals(1.0, root.get("theoretical").get("epsilon").asDouble(), 1e-3);
  }

  @Test
  void claimFromCommandLineCanBeRefuted() {
    // The non-private model cannot honestly claim epsilon 0.1: the audit must say so.
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--epsilon",
            "0.1",
            "--fail-if",
            "verdict==violated");
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verdict: violated"), r.out());
    assertTrue(r.out().contains("FAIL verdict==violated"), r.out());
  }

  @Test
  void sameSeedSameNumbers() throws Exception {
    Path a = tmp.resolve("a.json");
    Path b = tmp.resolve("b.json");
    String model = SampleModels.bundle("spam", "eps8").toString();
    assertEquals(0, audit("--model", model, "--seed", "7", "--json", a.toString()).exit());
    assertEquals(0, audit("--model", model, "--seed", "7", "--json", b.toString()).exit());
    ObjectMapper m = new ObjectMapper();
    assertEquals(m.readTree(a.toFile()).get("attacks"), m.readTree(b.toFile()).get("attacks"));
  }

  @Test
  void overlappingFilesAreRefused() throws Exception {
    Path members = SampleModels.root().resolve("sentiment/members.csv");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--members",
            members.toString(),
            "--non-members",
            members.toString());
    long rows;
    try (dev.trustml.data.LabeledCsvReader reader =
        dev.trustml.data.LabeledCsvReader.open(members, dev.trustml.data.CsvColumns.DEFAULT)) {
      rows = reader.readAll().size();
    }
    // Every non-member row is also a member row.
    InspectCommandTest.assertBadInput(r, "share " + rows + " row(s)");
  }

  @Test
  void tooFewRowsForTheAskedFpr() throws Exception {
    Path small = tmp.resolve("small.csv");
    Files.writeString(small, "text,label\ngreat food,positive\nawful,negative\n");
    Path nm = tmp.resolve("nm.csv");
    Files.writeString(nm, "text,label\ngood movie,positive\nbad movie,negative\n");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--members",
            small.toString(),
            "--non-members",
            nm.toString());
    InspectCommandTest.assertBadInput(r, "needs at least");
  }

  @Test
  void unknownLabelInCsv() throws Exception {
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, "text,label\ngreat food,positive\nmeh,neutral\n");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--members",
            bad.toString(),
            "--non-members",
            SampleModels.root().resolve("sentiment/nonmembers.csv").toString());
    InspectCommandTest.assertBadInput(r, "label 'neutral' is not one of the model's labels");
  }

  @Test
  void referenceWithOtherLabelsIsRefused() {
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--reference",
            SampleModels.bundle("spam", "nodp").toString());
    InspectCommandTest.assertBadInput(r, "reference models must share the target's label set");
  }

  @Test
  void oneRunBoundIsReportedPerAttack() throws Exception {
    Path json = tmp.resolve("one.json");
    Cli.Result r =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--attack",
            "loss,confidence",
            "--one-run",
            "100",
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    for (JsonNode a : new ObjectMapper().readTree(json.toFile()).get("attacks")) {
      JsonNode one = a.get("one_run");
      assertEquals(100, one.get("guesses_per_side").asInt());
      assertTrue(one.get("correct").asInt() <= 200);
      assertTrue(one.get("correct").asInt() > 100, "the loss attack beats coin flips: " + one);
      assertTrue(one.get("value").asDouble() > 0, one.toString());
    }
    Cli.Result bad =
        audit("--model", SampleModels.bundle("sentiment", "nodp").toString(), "--one-run", "0");
    assertEquals(2, bad.exit(), bad.err());
  }

  @Test
  void listsAttacks() {
    Cli.Result r = Cli.run("audit", "membership", "--list-attacks");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("lira-online") && r.out().contains("rmia-offline"), r.out());
  }

  @Test
  void unknownAttackIsUsageError() {
    Cli.Result r =
        audit("--model", SampleModels.bundle("sentiment", "nodp").toString(), "--attack", "lira2");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("lira2"), r.err());
  }

  @Test
  void outputInsideModelDirectoryIsRefused() {
    Path model = SampleModels.bundle("sentiment", "nodp");
    Cli.Result r = audit("--model", model.toString(), "--json", model.resolve("r.json").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("inside the model directory"), r.err());
  }
}
