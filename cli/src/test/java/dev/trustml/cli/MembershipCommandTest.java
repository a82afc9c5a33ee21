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
    boolean bernoulli = bernoulliDesign(SampleModels.bundle("sentiment", "nodp"));
    for (JsonNode a : root.get("attacks")) {
      bestAuc = Math.max(bestAuc, a.get("auc").asDouble());
      assertTrue(a.get("tpr_at_fpr").has("0.001"), a.toString());
      assertEquals("estimate", a.at("/epsilon_estimate/rigor").asText(), a.toString());
      assertTrue(a.get("epsilon_estimate").has("confidence"));
      // A one-run bound only where the card records Bernoulli(1/2) membership, and then rigorous.
      assertEquals(bernoulli, !a.get("epsilon_lower_bound").isNull(), a.toString());
      if (bernoulli) {
        assertEquals("rigorous", a.at("/epsilon_lower_bound/rigor").asText());
      }
    }
    assertTrue(root.get("verdict_basis").has("design"), root.toString());
    assertTrue(bestAuc > 0.65, "the non-private model leaks: best AUC " + bestAuc);
    assertTrue(root.get("provenance").get("data").get(0).get("sha256").asText().length() == 64);
    String text = Files.readString(json);
    assertTrue(!text.contains("my pin code"), "no training text in the report");
  }

  /** Whether the bundle's card records Bernoulli(1/2) membership (the sample models may not). */
  static boolean bernoulliDesign(Path bundle) throws Exception {
    JsonNode design =
        new ObjectMapper()
            .readTree(bundle.resolve("trustml-model.json").toFile())
            .at("/training/design");
    return design.path("kind").asText().equals("bernoulli")
        && design.path("inclusion_probability").asDouble() == 0.5;
  }

  @Test
  void dpSampleModelIsNotRefuted() throws Exception {
    // Until the sample models record Bernoulli(1/2) membership and ship a public vocabulary, the
    // eps1 model is suspect (its vocabulary was built from its members: the vocab attack's
    // estimate exceeds 1) but never violated; VocabularyLeakTest pins both cases on fixtures.
    Path model = SampleModels.bundle("sentiment", "eps1");
    Path json = tmp.resolve("e1.json");
    Cli.Result r =
        audit(
            "--model",
            model.toString(),
            "--json",
            json.toString(),
            "--fail-if",
            "verdict==violated");
    assertEquals(0, r.exit(), r.out() + r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    String verdict = root.get("verdict").asText();
    assertTrue(verdict.equals("consistent") || verdict.equals("suspect"), verdict);
    assertEquals(1.0, root.get("theoretical").get("epsilon").asDouble(), 1e-3);
    if (verdict.equals("suspect")) {
      assertEquals("estimate", root.at("/verdict_basis/rigor").asText());
    }
    assertEquals(bernoulliDesign(model), !root.at("/verdict_basis/rigorous_max").isNull());
  }

  @Test
  void claimFromCommandLineIsRefutedOnlyAsFarAsTheDesignAllows() throws Exception {
    // The non-private model cannot honestly claim epsilon 0.1. Whether the audit may call that
    // violated depends on how its members were chosen: without recorded Bernoulli(1/2) membership
    // the bounds are estimates and the verdict is suspect.
    Path model = SampleModels.bundle("sentiment", "nodp");
    String expected = bernoulliDesign(model) ? "violated" : "suspect";
    Cli.Result r =
        audit("--model", model.toString(), "--epsilon", "0.1", "--fail-if", "verdict==" + expected);
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("verdict: " + expected), r.out());
    assertTrue(r.out().contains("FAIL verdict==" + expected), r.out());
    assertTrue(r.out().contains("Verdict basis: "), r.out());
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
  void defaultBudgetsTheRowsCannotMeasureAreLeftOutWithANote() throws Exception {
    Path members = tmp.resolve("members.csv");
    Path nonMembers = tmp.resolve("non-members.csv");
    List<String> memberRows =
        Files.readAllLines(SampleModels.root().resolve("sentiment/members.csv"));
    List<String> nonMemberRows =
        Files.readAllLines(SampleModels.root().resolve("sentiment/nonmembers.csv"));
    Files.write(members, memberRows.subList(0, 301));
    Files.write(nonMembers, nonMemberRows.subList(0, 301));
    Path json = tmp.resolve("small.json");
    String[] files = {
      "--model",
      SampleModels.bundle("sentiment", "nodp").toString(),
      "--members",
      members.toString(),
      "--non-members",
      nonMembers.toString(),
      "--attack",
      "loss"
    };

    // 300 non-members measure FPR 10% and 1%, not 0.1% (which needs 1,000).
    List<String> args = new java.util.ArrayList<>(List.of(files));
    args.addAll(List.of("--json", json.toString()));
    Cli.Result r = audit(args.toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("note: TPR at FPR 0.001 left out: 300 non-members"), r.err());
    JsonNode tpr =
        new ObjectMapper().readTree(json.toFile()).get("attacks").get(0).get("tpr_at_fpr");
    assertEquals(List.of("0.1", "0.01"), iterableNames(tpr));

    // Asked for explicitly, the budget is not dropped: the audit says what it needs.
    List<String> asked = new java.util.ArrayList<>(List.of(files));
    asked.addAll(List.of("--fpr", "0.1,0.01,0.001"));
    InspectCommandTest.assertBadInput(audit(asked.toArray(new String[0])), "needs at least 1000");
  }

  private static List<String> iterableNames(JsonNode object) {
    List<String> names = new java.util.ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
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
    String rigor =
        bernoulliDesign(SampleModels.bundle("sentiment", "nodp")) ? "rigorous" : "estimate";
    for (JsonNode a : new ObjectMapper().readTree(json.toFile()).get("attacks")) {
      JsonNode bound = a.get("epsilon_lower_bound");
      JsonNode one = bound.get("one_run");
      assertEquals(100, one.get("positive_guesses").asInt());
      assertEquals(100, one.get("negative_guesses").asInt());
      assertEquals(1, one.get("guess_totals").asInt());
      assertEquals(0, one.get("selection_rows").asInt());
      assertTrue(one.get("correct").asInt() <= 200);
      assertTrue(one.get("correct").asInt() > 100, "the loss attack beats coin flips: " + one);
      assertTrue(bound.get("value").asDouble() > 0, bound.toString());
      assertEquals(rigor, bound.get("rigor").asText(), "rigorous only under Bernoulli(1/2)");
    }
    Path off = tmp.resolve("off.json");
    Cli.Result none =
        audit(
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--attack",
            "loss",
            "--one-run",
            "off",
            "--json",
            off.toString());
    assertEquals(0, none.exit(), none.err());
    assertTrue(
        new ObjectMapper().readTree(off.toFile()).at("/attacks/0/epsilon_lower_bound").isNull());
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
