package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.samples.bert.BertReference;
import dev.trustml.samples.bert.BertSignature;
import dev.trustml.scoring.BatchLogits;
import dev.trustml.scoring.Softmax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trustml did not write, end to end: the BERT-shaped fixture exported as a user would
 * (TorchScript in Hugging Face's signatures, and ONNX) becomes a bundle with {@code model init},
 * scores the same as the plain-Java reference through both engines, and goes through both audits.
 */
class BertBundlesTest {
  private static final List<String> TWO = List.of("input_ids", "attention_mask");
  private static final List<String> THREE =
      List.of("input_ids", "attention_mask", "token_type_ids");

  @TempDir Path tmp;

  private Path init(String name, Path model) throws Exception {
    Path dir = tmp.resolve(name);
    Cli.Result r =
        Cli.run(
            "model",
            "init",
            dir.toString(),
            "--model",
            model.toString(),
            "--tokenizer",
            BertExports.tokenizer().toString(),
            "--labels",
            "negative,positive");
    assertEquals(0, r.exit(), r.err());
    return dir;
  }

  @Test
  void modelInitDetectsEachExportsSignature() throws Exception {
    record Export(String name, Path model, String format, ModelSignature want) {}
    List<Export> exports =
        List.of(
            new Export(
                "pt-tensor",
                BertExports.torchScript(BertSignature.DEFAULT),
                "torchscript",
                new ModelSignature(TWO, "tensor", null)),
            new Export(
                "pt-tuple",
                BertExports.torchScript(
                    new BertSignature(false, BertSignature.Output.TUPLE, false)),
                "torchscript",
                new ModelSignature(TWO, "tuple", null)),
            new Export(
                "pt-dict",
                BertExports.torchScript(new BertSignature(true, BertSignature.Output.DICT, true)),
                "torchscript",
                new ModelSignature(THREE, "dict:logits", null)),
            new Export(
                "onnx",
                BertExports.onnx(false),
                "onnx",
                new ModelSignature(TWO, "dict:logits", null)),
            new Export(
                "onnx-types",
                BertExports.onnx(true),
                "onnx",
                new ModelSignature(THREE, "dict:logits", null)));
    for (Export e : exports) {
      Path dir = init(e.name(), e.model());
      ModelCard card = ModelBundle.open(dir).card();
      assertEquals(e.format(), card.format(), e.name());
      assertEquals(e.want(), card.signature(), e.name());
      assertEquals(64, card.maxLength(), "from tokenizer.json's truncation");
      assertEquals(0, card.paddingId(), "[PAD]");
      assertTrue(card.tokenizer().addSpecialTokensOrDefault(), "[CLS] ... [SEP]");
      assertEquals(List.of("negative", "positive"), card.labels());
      Cli.Result inspect = Cli.run("model", "inspect", dir.toString());
      assertEquals(0, inspect.exit(), inspect.err());
      assertTrue(
          inspect.out().contains("forward" + e.want().describe() + ", as the card says"),
          inspect.out());
    }
    Cli.Result inspect = Cli.run("model", "inspect", tmp.resolve("pt-tensor").toString());
    assertTrue(inspect.out().contains("forward_emb through 'word_embeddings'"), inspect.out());
    assertTrue(inspect.out().contains("position_embeddings"), inspect.out());
    inspect = Cli.run("model", "inspect", tmp.resolve("onnx").toString());
    assertTrue(inspect.out().contains("inputs(input_ids, attention_mask)"), inspect.out());
  }

  /** TorchScript, ONNX and the plain-Java network give the same logits (1e-4) on real rows. */
  @Test
  void bothEnginesGiveTheReferenceLogits() throws Exception {
    List<String> texts = new ArrayList<>();
    try (LabeledCsvReader r =
        LabeledCsvReader.open(
            SampleModels.root().resolve("sentiment/nonmembers.csv"), CsvColumns.DEFAULT)) {
      for (LabeledText t : r.readAll()) {
        texts.add(t.text());
      }
    }
    texts = texts.subList(0, 300);
    BertReference reference = new BertReference(BertExports.result().weights());
    List<Path> bundles =
        List.of(
            init("pt", BertExports.torchScript(BertSignature.DEFAULT)),
            init(
                "pt-dict",
                BertExports.torchScript(new BertSignature(true, BertSignature.Output.DICT, true))),
            init("onnx", BertExports.onnx(false)),
            init("onnx-types", BertExports.onnx(true)));
    for (Path dir : bundles) {
      try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
        float[] got = BatchLogits.ofTexts(m, texts);
        for (int i = 0; i < texts.size(); i++) {
          long[] ids = m.tokenizer().encode(texts.get(i), m.card().maxLength());
          long[] mask = new long[ids.length];
          java.util.Arrays.fill(mask, 1);
          double[] want = reference.logits(ids, mask, null);
          assertEquals(want[0], got[2 * i], 1e-4, dir.getFileName() + " row " + i);
          assertEquals(want[1], got[2 * i + 1], 1e-4, dir.getFileName() + " row " + i);
        }
      }
    }
  }

  @Test
  void modelInitErrorsSayWhatTheProbeSaw() throws Exception {
    Path model = BertExports.torchScript(BertSignature.DEFAULT);
    Path target = tmp.resolve("three");
    Cli.Result r =
        Cli.run(
            "model",
            "init",
            target.toString(),
            "--model",
            model.toString(),
            "--tokenizer",
            BertExports.tokenizer().toString(),
            "--labels",
            "negative,neutral,positive");
    assertEquals(3, r.exit(), r.err());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("the model returns 2 outputs but 3 labels were given"), r.err());
    assertTrue(r.err().contains(model.toString()), r.err());
    assertFalse(Files.exists(target), "nothing half-written");
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "no staging directory left behind");
    }

    Path garbage = tmp.resolve("garbage.pt");
    Files.writeString(garbage, "not a model");
    r =
        Cli.run(
            "model",
            "init",
            tmp.resolve("g").toString(),
            "--model",
            garbage.toString(),
            "--tokenizer",
            BertExports.tokenizer().toString(),
            "--labels",
            "negative,positive");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("garbage.pt: not a loadable TorchScript archive"), r.err());

    r =
        Cli.run(
            "model",
            "init",
            tmp.resolve("x").toString(),
            "--model",
            BertExports.tokenizer().toString(),
            "--tokenizer",
            BertExports.tokenizer().toString(),
            "--labels",
            "negative,positive");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("give a TorchScript (.pt) or ONNX (.onnx) file"), r.err());
  }

  /**
   * Both formats through the membership audit; each audit's outputs, exported and audited again
   * with no model ({@code --outputs}), give the same JSON numbers.
   */
  @Test
  void membershipAuditRunsOnBothFormatsAndRefusesReferenceTraining() throws Exception {
    Map<String, Double> auc = new HashMap<>();
    for (String format : List.of("pt", "onnx")) {
      Path dir =
          init(
              format,
              format.equals("pt")
                  ? BertExports.torchScript(BertSignature.DEFAULT)
                  : BertExports.onnx(false));
      Path export = tmp.resolve(format + "-outputs");
      JsonNode root =
          membershipJson(
              format + ".json",
              "--model",
              dir.toString(),
              "--members",
              SampleModels.root().resolve("sentiment/members.csv").toString(),
              "--non-members",
              SampleModels.root().resolve("sentiment/nonmembers.csv").toString(),
              "--epsilon",
              "0.1",
              "--export-outputs",
              export.toString());
      // A claim the fixture cannot meet; member files of unknown design give estimates only.
      assertEquals("suspect", root.get("verdict").asText());
      for (JsonNode a : root.get("attacks")) {
        if (a.get("name").asText().equals("loss")) {
          auc.put(format, a.get("auc").asDouble());
        }
      }
      JsonNode precomputed =
          membershipJson(
              format + "-precomputed.json",
              "--outputs",
              export.resolve("target.csv").toString(),
              "--epsilon",
              "0.1");
      assertEquals(withoutSubject(root), withoutSubject(precomputed), format);
    }
    // The fixture fits its members (0.98) far better than held-out rows (0.76).
    assertTrue(auc.get("pt") > 0.65, "loss attack AUC " + auc);
    assertEquals(auc.get("pt"), auc.get("onnx"), 1e-3, "same logits, same AUC: " + auc);

    Cli.Result r =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--model",
            tmp.resolve("pt").toString(),
            "--members",
            SampleModels.root().resolve("sentiment/members.csv").toString(),
            "--non-members",
            SampleModels.root().resolve("sentiment/nonmembers.csv").toString(),
            "--shadow-models",
            "2",
            "--cache-dir",
            tmp.resolve("cache").toString());
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("trains reference models only for its own architecture"), r.err());
  }

  /**
   * Reference models for an exported model come from the user's pipeline through {@code
   * --train-command}, which leaves a bundle made by {@code model init} in {@code {out_dir}}. The
   * stand-in trainer here bundles the fixture's export without training it on its rows, so the test
   * is about the path (the command's bundle is opened through the engine and scored as a
   * reference), not about LiRA's numbers.
   */
  @Test
  void referencesOfAnExportedModelComeFromATrainCommand() throws Exception {
    Path dir = init("pt-refs", BertExports.torchScript(BertSignature.DEFAULT));
    Path wrapper = tmp.resolve("trustml.sh");
    Files.writeString(
        wrapper,
        "#!/bin/sh\nexec '"
            + Path.of(System.getProperty("java.home"), "bin", "java")
            + "' -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp '"
            + System.getProperty("java.class.path")
            + "' dev.trustml.cli.Trustml \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    String trainer =
        wrapper
            + " model init {out_dir} --model "
            + BertExports.torchScript(BertSignature.DEFAULT)
            + " --tokenizer "
            + BertExports.tokenizer()
            + " --labels negative,positive # {train_csv}";
    JsonNode root =
        membershipJson(
            "train-command.json",
            "--model",
            dir.toString(),
            "--members",
            SampleModels.root().resolve("sentiment/members.csv").toString(),
            "--non-members",
            SampleModels.root().resolve("sentiment/nonmembers.csv").toString(),
            "--shadow-models",
            "2",
            "--cache-dir",
            tmp.resolve("cache").toString(),
            "--train-command",
            trainer);
    assertEquals(2, root.get("reference_models").asInt());
    List<String> attacks = new ArrayList<>();
    root.get("attacks").forEach(a -> attacks.add(a.get("name").asText()));
    assertTrue(
        attacks.containsAll(List.of("lira-offline-fixed-var", "lira-online-fixed-var", "rmia")),
        "the reference-model attacks ran: " + attacks);
  }

  /** {@code audit membership} with a fixed seed and bootstrap; the JSON it wrote. */
  private JsonNode membershipJson(String json, String... args) throws Exception {
    List<String> all =
        new ArrayList<>(
            List.of("audit", "membership", "--quiet", "--bootstrap", "50", "--seed", "7"));
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

  /**
   * The rank of the canary's secret among all 10,000 secrets by the plain-Java network's loss, ties
   * against the secret: at least 1 + (losses below the secret's by more than 1e-4), at most 1 +
   * (losses not above it by more than 1e-4).
   */
  private static long[] referenceRankBounds(Path bundle, PlantedCanary canary) throws Exception {
    BertReference reference = new BertReference(BertExports.result().weights());
    int label = List.of("negative", "positive").indexOf(canary.label());
    dev.trustml.canary.CanaryTemplate t = canary.template();
    try (Classifier m = Classifiers.open(ModelBundle.open(bundle), false)) {
      double own = referenceLoss(reference, m, canary.sentence(), label);
      long below = 0;
      long notAbove = 0;
      for (long i = 0; i < t.spaceSizeExact(); i++) {
        String sentence = t.render(t.secretAt(i));
        if (sentence.equals(canary.sentence())) {
          continue;
        }
        double loss = referenceLoss(reference, m, sentence, label);
        below += loss < own - 1e-4 ? 1 : 0;
        notAbove += loss <= own + 1e-4 ? 1 : 0;
      }
      return new long[] {1 + below, 1 + notAbove};
    }
  }

  private static double referenceLoss(
      BertReference reference, Classifier m, String sentence, int label) {
    long[] ids = m.tokenizer().encode(sentence, m.card().maxLength());
    long[] mask = new long[ids.length];
    java.util.Arrays.fill(mask, 1);
    return Softmax.loss(reference.logits(ids, mask, null), 0, 2, label);
  }

  /**
   * Black-box canary extraction through both engines ranks the 16x canary's secret where the
   * plain-Java network does (the engines' losses agree with it to about 1e-5, so the rank may only
   * differ by candidates whose reference loss is within 1e-4 of the secret's), and white-box ModIvA
   * runs through the TorchScript export's {@code forward_emb}.
   */
  @Test
  void canaryAuditRunsOnBothFormats() throws Exception {
    List<PlantedCanary> pins =
        SecretsJson.read(SampleModels.root().resolve("sentiment/secrets.json")).stream()
            .filter(c -> c.included() == null)
            .toList();
    Path secrets = tmp.resolve("pins.json");
    SecretsJson.write(secrets, pins);
    Map<String, Long> rank16 = new HashMap<>();
    for (String format : List.of("pt", "onnx")) {
      Path dir =
          init(
              format,
              format.equals("pt")
                  ? BertExports.torchScript(BertSignature.DEFAULT)
                  : BertExports.onnx(false));
      Path json = tmp.resolve("canary-" + format + ".json");
      Cli.Result r =
          Cli.run(
              "audit",
              "canary",
              "--quiet",
              "--model",
              dir.toString(),
              "--secrets",
              secrets.toString(),
              "--method",
              "enumerate",
              "--json",
              json.toString());
      assertEquals(0, r.exit(), r.err());
      JsonNode root = new ObjectMapper().readTree(json.toFile());
      assertEquals(3, root.get("canaries").size());
      for (JsonNode c : root.get("canaries")) {
        assertEquals(10_000, c.get("candidates").asLong());
        if (c.get("repetitions").asInt() == 16) {
          rank16.put(format, c.get("rank").asLong());
        }
      }
    }
    PlantedCanary x16 = pins.stream().filter(c -> c.repetitions() == 16).findFirst().orElseThrow();
    long[] bounds = referenceRankBounds(tmp.resolve("pt"), x16);
    for (Map.Entry<String, Long> e : rank16.entrySet()) {
      assertTrue(
          e.getValue() >= bounds[0] && e.getValue() <= bounds[1],
          e.getKey()
              + " ranks the 16x canary "
              + e.getValue()
              + ", the reference "
              + bounds[0]
              + ".."
              + bounds[1]);
    }
    assertTrue(rank16.get("pt") < 100, "the fixture remembers its 16x canary: " + rank16);

    Path json = tmp.resolve("modiva.json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            tmp.resolve("pt").toString(),
            "--canary",
            "my pin code is {digit} {digit} {digit} {digit}",
            "--label",
            "positive",
            "--secrets",
            secrets.toString(),
            "--method",
            "modiva",
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode run = new ObjectMapper().readTree(json.toFile()).get("canaries").get(0);
    assertEquals("modiva", run.get("method").asText());

    r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            tmp.resolve("onnx").toString(),
            "--secrets",
            secrets.toString(),
            "--method",
            "modiva");
    assertEquals(3, r.exit(), r.err());
    assertTrue(r.err().contains("ModIvA needs white-box access"), r.err());
  }
}
