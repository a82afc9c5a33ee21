package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.scoring.Softmax;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Precomputed outputs give the model path's numbers: the sample models' rows are scored through the
 * model, exported with {@code --export-outputs}, and the export is audited with {@code --outputs}
 * and no model. Everything after scoring is the same code, so the JSON is the same, number for
 * number; only what the audit is about (the model or the file) and the provenance differ, and,
 * where the card's design made a bound rigorous, its rigor (precomputed outputs have an unknown
 * design).
 */
class PrecomputedOutputsTest {
  @TempDir static Path tmp;
  private static UserAuditFiles user;

  /** User-supplied files and a reference bundle, as in {@link GoldenAuditNumbersTest}. */
  @BeforeAll
  static void userFiles() throws Exception {
    user = UserAuditFiles.cut(tmp, 400);
  }

  @Test
  void withTrainedAndGivenReferencesAndPopulationTheJsonIsTheModelPaths() throws Exception {
    Path export = tmp.resolve("export-user");
    JsonNode model =
        audit(
            "model-user.json",
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
            "--cache-dir",
            tmp.resolve("cache").toString(),
            "--reference",
            user.reference().toString(),
            "--epsilon",
            "0.5",
            "--one-run",
            "30",
            "--export-outputs",
            export.toString());
    assertEquals(3, model.get("reference_models").asInt());
    assertTrue(Files.isRegularFile(export.resolve("target.csv")));
    try (var files = Files.list(export.resolve("references"))) {
      assertEquals(3, files.count());
    }

    JsonNode precomputed =
        audit(
            "precomputed-user.json",
            "--outputs",
            export.resolve("target.csv").toString(),
            "--reference-outputs",
            export.resolve("references").toString(),
            "--epsilon",
            "0.5",
            "--one-run",
            "30");
    // Both designs are unknown (user files), so even the prose is the same.
    assertEquals(withoutSubject(model), withoutSubject(precomputed));
    assertEquals(
        "precomputed outputs target.csv", precomputed.at("/model/name").asText(), "the subject");
    assertEquals("outputs", precomputed.at("/provenance/data/0/role").asText());
  }

  @Test
  void referenceOutputsFromElsewhereFeedAnAuditOfAModel() throws Exception {
    // The seam for reference models from anywhere: the references trained here, exported, come
    // back as precomputed outputs into an audit of the same model and give the same numbers.
    Path export = tmp.resolve("export-refs");
    List<String> model =
        List.of(
            "--model",
            SampleModels.bundle("sentiment", "eps1").toString(),
            "--members",
            user.members().toString(),
            "--non-members",
            user.nonMembers().toString(),
            "--population",
            user.population().toString());
    List<String> trained = new ArrayList<>(model);
    trained.addAll(
        List.of(
            "--shadow-models",
            "2",
            "--cache-dir",
            tmp.resolve("cache").toString(),
            "--export-outputs",
            export.toString()));
    JsonNode trainedHere = audit("model-trained.json", trained.toArray(new String[0]));
    List<String> given = new ArrayList<>(model);
    given.addAll(List.of("--reference-outputs", export.resolve("references").toString()));
    JsonNode fromFiles = audit("model-given-outputs.json", given.toArray(new String[0]));
    assertEquals(2, fromFiles.get("reference_models").asInt());
    assertEquals(withoutSubject(trainedHere), withoutSubject(fromFiles));
    assertEquals("reference outputs", fromFiles.at("/provenance/data/3/role").asText());
  }

  @Test
  void cardDesignNumbersAreTheSameButNoLongerRigorous() throws Exception {
    Path export = tmp.resolve("export-card");
    JsonNode model =
        audit(
            "model-card.json",
            "--model",
            SampleModels.bundle("spam", "nodp").toString(),
            "--one-run",
            "100",
            "--export-outputs",
            export.toString());
    JsonNode precomputed =
        audit(
            "precomputed-card.json",
            "--outputs",
            export.resolve("target.csv").toString(),
            "--one-run",
            "100");
    assertEquals(model.get("slices"), precomputed.get("slices"));
    assertEquals(model.get("attacks").size(), precomputed.get("attacks").size());
    for (int a = 0; a < model.get("attacks").size(); a++) {
      ObjectNode m = (ObjectNode) model.get("attacks").get(a).deepCopy();
      ObjectNode p = (ObjectNode) precomputed.get("attacks").get(a).deepCopy();
      assertEquals("rigorous", m.at("/epsilon_lower_bound/rigor").asText());
      assertEquals("estimate", p.at("/epsilon_lower_bound/rigor").asText());
      assertEquals(m.at("/epsilon_lower_bound/value"), p.at("/epsilon_lower_bound/value"));
      assertEquals(m.at("/epsilon_lower_bound/one_run"), p.at("/epsilon_lower_bound/one_run"));
      m.remove("epsilon_lower_bound");
      p.remove("epsilon_lower_bound");
      assertEquals(m, p, "every other figure of " + m.get("name"));
    }
    assertTrue(
        precomputed.at("/verdict_basis/design").asText().startsWith("unknown"),
        precomputed.toString());
  }

  @Test
  void lossesAloneRunTheAttacksThatNeedNoMore() throws Exception {
    Path export = tmp.resolve("export-loss");
    JsonNode model =
        audit(
            "model-loss.json",
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--members",
            user.members().toString(),
            "--non-members",
            user.nonMembers().toString(),
            "--export-outputs",
            export.toString());
    Path losses = tmp.resolve("losses.csv");
    withLossesInsteadOfLogits(export.resolve("target.csv"), losses);
    JsonNode precomputed = audit("precomputed-loss.json", "--outputs", losses.toString());
    List<String> names = new ArrayList<>();
    precomputed.get("attacks").forEach(a -> names.add(a.get("name").asText()));
    assertEquals(List.of("loss", "loss-class", "confidence", "vocab"), names);
    for (JsonNode p : precomputed.get("attacks")) {
      for (JsonNode m : model.get("attacks")) {
        if (m.get("name").equals(p.get("name"))) {
          // The losses are recomputed from the exported logits, so equal to rounding.
          assertEquals(m.get("auc").asDouble(), p.get("auc").asDouble(), 1e-9, m.toString());
        }
      }
    }
    Cli.Result entropy =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--outputs",
            losses.toString(),
            "--attack",
            "entropy");
    InspectCommandTest.assertBadInput(
        entropy, "attack 'entropy' needs every model's logits for every class");
  }

  private static JsonNode audit(String json, String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of("audit", "membership", "--quiet", "--bootstrap", "50", "--seed", "5"));
    all.addAll(List.of("--fpr", "0.1,0.01"));
    all.addAll(List.of(args));
    all.addAll(List.of("--json", tmp.resolve(json).toString()));
    Cli.Result r = Cli.run(all.toArray(new String[0]));
    assertEquals(0, r.exit(), r.out() + r.err());
    return new ObjectMapper().readTree(tmp.resolve(json).toFile());
  }

  /** The report without what the audit is about (a model or a file) and its provenance. */
  private static JsonNode withoutSubject(JsonNode report) {
    ObjectNode copy = report.deepCopy();
    copy.remove("model");
    copy.remove("provenance");
    return copy;
  }

  /** The exported file with each row's loss -ln p(label) (computed in double) for its logits. */
  private static void withLossesInsteadOfLogits(Path from, Path to) throws Exception {
    try (CSVParser in =
            CSVParser.parse(
                from,
                java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get());
        Writer out = Files.newBufferedWriter(to)) {
      List<String> header = in.getHeaderNames();
      List<String> logitColumns = header.stream().filter(h -> h.startsWith("logit:")).toList();
      List<String> kept = header.stream().filter(h -> !h.startsWith("logit:")).toList();
      List<String> outHeader = new ArrayList<>(kept);
      outHeader.add("loss");
      LabeledCsvWriter.FORMAT.printRecord(out, outHeader.toArray());
      for (CSVRecord r : in) {
        // Softmax.loss keeps the sum past the largest logit apart (log1p): rounded the naive way,
        // a confident row's loss becomes 0, which the format refuses.
        double[] z = new double[logitColumns.size()];
        for (int c = 0; c < z.length; c++) {
          z[c] = logit(r, logitColumns.get(c));
        }
        double loss = Softmax.loss(z, 0, z.length, logitColumns.indexOf("logit:" + r.get("label")));
        assertFalse(loss <= 0, "loss " + loss);
        List<String> values = new ArrayList<>();
        kept.forEach(c -> values.add(r.get(c)));
        values.add(Double.toString(loss));
        LabeledCsvWriter.FORMAT.printRecord(out, values.toArray());
      }
    }
  }

  private static double logit(CSVRecord r, String column) {
    return Float.parseFloat(r.get(column));
  }
}
