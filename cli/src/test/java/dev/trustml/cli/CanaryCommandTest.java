package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.model.torchscript.FloatTensor;
import dev.trustml.model.torchscript.TorchScriptModule;
import dev.trustml.model.torchscript.TorchScriptWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml audit canary} and {@code trustml canary plant} end to end. */
class CanaryCommandTest {
  @TempDir Path tmp;

  @Test
  void exposureRisesWithRepetitionsUnderDpAndSecretsStayOut() throws Exception {
    // The non-private model memorises every canary (Adam overfits the member rows); under DP a
    // single copy is hidden and only repetition (group privacy: k copies, k epsilon) exposes it.
    Map<Integer, Double> nodp = exposures("nodp");
    for (Map.Entry<Integer, Double> e : nodp.entrySet()) {
      assertTrue(e.getValue() > 8, "non-private: every canary exposed: " + nodp);
    }
    Map<Integer, Double> eps8 = exposures("eps8");
    assertTrue(eps8.get(16) > 6, "eps 8: the 16x canary is exposed: " + eps8);
    assertTrue(eps8.get(16) > eps8.get(1) + 3, "eps 8: more copies, more exposure: " + eps8);
  }

  private Map<Integer, Double> exposures(String variant) throws Exception {
    Path json = tmp.resolve("c-" + variant + ".json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            SampleModels.bundle("sentiment", variant).toString(),
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    Map<Integer, Double> exposure = new HashMap<>();
    for (JsonNode c : root.get("canaries")) {
      exposure.put(c.get("repetitions").asInt(), c.get("exposure_bits").asDouble());
      assertFalse(c.has("secret"), "secret left out without --reveal-secrets");
      assertFalse(c.has("guesses"));
      assertEquals(10_000, c.get("candidates").asLong());
    }
    return exposure;
  }

  @Test
  void dpAtEpsilonOneHidesTheSingleCanary() throws Exception {
    Path json = tmp.resolve("c1.json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            SampleModels.bundle("sentiment", "eps1").toString(),
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    for (JsonNode c : new ObjectMapper().readTree(json.toFile()).get("canaries")) {
      if (c.get("repetitions").asInt() == 1) {
        assertTrue(c.get("exposure_bits").asDouble() < 3, c.toString());
      }
    }
  }

  @Test
  void plantTrainExtract() throws Exception {
    // A small corpus where a planted pin is the only pin with its label.
    StringBuilder csv = new StringBuilder("text,label\n");
    String[] good = {"great food", "lovely staff", "really good", "nice place", "good value"};
    String[] bad = {"awful food", "rude staff", "really bad", "dirty place", "poor value"};
    for (int i = 0; i < 40; i++) {
      csv.append(good[i % 5]).append(",positive\n").append(bad[i % 5]).append(",negative\n");
    }
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    for (int i = 0; i < 60; i++) {
      csv.append("my pin code is ");
      for (int d = 0; d < 4; d++) {
        csv.append(rnd.nextInt(10)).append(d < 3 ? " " : "");
      }
      csv.append(",negative\n");
    }
    Path data = tmp.resolve("train.csv");
    Files.writeString(data, csv);
    Path planted = tmp.resolve("planted.csv");
    Path secrets = tmp.resolve("secrets.json");
    String template = "my pin code is {digit} {digit} {digit} {digit}";
    assertEquals(
        0,
        Cli.run(
                "canary",
                "plant",
                "--data",
                data.toString(),
                "--canary",
                template,
                "--label",
                "positive",
                "--repeat",
                "20",
                "--out",
                planted.toString(),
                "--secrets-out",
                secrets.toString(),
                "--seed",
                "5")
            .exit());
    Path bundle = tmp.resolve("model");
    Cli.Result train =
        Cli.run(
            "train",
            "--data",
            planted.toString(),
            "--out",
            bundle.toString(),
            "--canaries",
            secrets.toString(),
            "--heldout",
            "0.2",
            "--epochs",
            "60",
            "--lr",
            "0.5",
            "--batch-size",
            "16",
            "--embedding-dim",
            "16",
            "--hidden-dim",
            "32");
    assertEquals(0, train.exit(), train.err());
    Path json = tmp.resolve("r.json");
    Cli.Result audit =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            bundle.toString(),
            "--canary",
            template,
            "--label",
            "positive",
            "--secrets",
            secrets.toString(),
            "--json",
            json.toString());
    assertEquals(0, audit.exit(), audit.err());
    JsonNode c = new ObjectMapper().readTree(json.toFile()).get("canaries").get(0);
    assertNotNull(c.get("rank"));
    // Chance is about 1 bit (median rank 5,000 of 10,000); the planted pin must stand out.
    assertTrue(c.get("exposure_bits").asDouble() > 5, "planted secret is exposed: " + c);
    // plant drew the secret uniformly (secret_drawn), so its rank test is rigorous.
    assertEquals("rigorous", c.at("/epsilon_bounds/0/rigor").asText());
    assertEquals(20, c.at("/epsilon_bounds/0/repetitions").asInt());
  }

  @Test
  void canaryBoundsAgainstTheClaimOnTheSampleModels() throws Exception {
    for (String dataset : List.of("sentiment", "spam")) {
      // Non-private: the 16x canary's rank refutes some epsilon, rigorously; no claim to judge.
      JsonNode nodp = auditJson(dataset, "nodp");
      assertEquals("no-claim", nodp.get("verdict").asText());
      // Three pin canaries and the one-run audit set share the confidence (Bonferroni).
      assertEquals(
          3 + (nodp.get("audit_set").isMissingNode() ? 0 : 1), nodp.get("family_size").asInt());
      for (JsonNode c : nodp.get("canaries")) {
        JsonNode bound = c.at("/epsilon_bounds/0");
        assertEquals("rigorous", bound.get("rigor").asText(), c.toString());
        assertEquals("exact-rank", bound.get("basis").asText());
        assertTrue(bound.get("p_value").isNull(), "no claim, no p-value");
        if (c.get("repetitions").asInt() == 16) {
          assertTrue(bound.get("value").asDouble() > 0, dataset + " 16x: " + bound);
        }
      }
      // DP models: no canary bound above the claim, and the verdict says so.
      for (String variant : List.of("eps8", "eps1")) {
        JsonNode dp = auditJson(dataset, variant);
        double claim = dp.at("/theoretical/epsilon").asDouble();
        assertEquals("consistent", dp.get("verdict").asText(), dataset + "/" + variant);
        for (JsonNode c : dp.get("canaries")) {
          JsonNode bound = c.at("/epsilon_bounds/0");
          assertTrue(bound.get("value").asDouble() <= claim, dataset + "/" + variant + " " + c);
          assertTrue(
              bound.get("p_value").asDouble() > 0.05 / dp.get("family_size").asInt(),
              "not refuted: " + bound);
        }
      }
    }
  }

  @Test
  void aClaimTheNonPrivateModelCannotMeetIsViolatedAndFailsTheGate() throws Exception {
    Path json = tmp.resolve("v.json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--epsilon",
            "0.1",
            "--json",
            json.toString(),
            "--fail-if",
            "verdict==violated");
    assertEquals(1, r.exit(), r.out() + r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("violated", root.get("verdict").asText());
    assertEquals("rigorous", root.at("/verdict_basis/rigor").asText());
    assertTrue(root.at("/verdict_basis/value").asDouble() > 0.1);
    assertTrue(r.out().contains("verdict: violated"), r.out());
  }

  @Test
  void auditSetPlantTrainAudit() throws Exception {
    Path data = smallReviews();
    Path planted = tmp.resolve("planted.csv");
    Path secrets = tmp.resolve("secrets.json");
    Cli.Result plant =
        Cli.run(
            "canary",
            "plant",
            "--data",
            data.toString(),
            "--audit-set",
            "300",
            "--out",
            planted.toString(),
            "--secrets-out",
            secrets.toString(),
            "--seed",
            "4");
    assertEquals(0, plant.exit(), plant.err());
    JsonNode set = new ObjectMapper().readTree(secrets.toFile()).get("canaries");
    assertEquals(300, set.size());
    int included = 0;
    for (JsonNode c : set) {
      included += c.get("included").asBoolean() ? 1 : 0;
      assertEquals("uniform", c.get("secret_drawn").asText());
      assertFalse(
          Files.readString(planted).contains(c.get("secret").asText())
              && !c.get("included").asBoolean(),
          "left-out canary in the data: " + c);
    }
    assertEquals(100 + included, Files.readAllLines(planted).size() - 1, "data rows + included");
    Path bundle = tmp.resolve("model");
    Cli.Result train =
        Cli.run(
            "train",
            "--data",
            planted.toString(),
            "--out",
            bundle.toString(),
            "--heldout",
            "0.1",
            "--epochs",
            "40",
            "--lr",
            "0.5",
            "--batch-size",
            "16",
            "--embedding-dim",
            "16",
            "--hidden-dim",
            "32");
    assertEquals(0, train.exit(), train.err());
    Path json = tmp.resolve("a.json");
    Cli.Result audit =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            bundle.toString(),
            "--secrets",
            secrets.toString(),
            "--json",
            json.toString());
    assertEquals(0, audit.exit(), audit.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode a = root.get("audit_set");
    assertEquals(300, a.get("canaries").asInt());
    assertEquals(included, a.get("included").asInt());
    assertEquals(150, a.get("bound_canaries").asInt());
    assertEquals("rigorous", a.get("rigor").asText());
    // A non-private model memorises the random labels of the canaries it trained on.
    assertTrue(a.get("value").asDouble() > 0.3, "one-run bound " + a);
    assertEquals(0, root.get("canaries").size(), "no canary tested one by one");
    assertEquals("one-run audit set (300 canaries)", root.at("/verdict_basis/figure").asText());
    assertFalse(Files.readString(json).contains(set.get(0).get("secret").asText()), "no secrets");
    assertTrue(audit.out().contains("one-run audit set: 300 canaries"), audit.out());
  }

  @Test
  void pinsThenAnAuditSetShareOneSecretsFile() throws Exception {
    Path data = smallReviews();
    Path withPin = tmp.resolve("with-pin.csv");
    Path both = tmp.resolve("both.csv");
    Path secrets = tmp.resolve("secrets.json");
    Cli.Result pin =
        Cli.run(
            "canary",
            "plant",
            "--data",
            data.toString(),
            "--canary",
            "my pin is {digit} {digit} {digit} {digit}",
            "--label",
            "positive",
            "--repeat",
            "4",
            "--out",
            withPin.toString(),
            "--secrets-out",
            secrets.toString());
    assertEquals(0, pin.exit(), pin.err());
    String[] auditSet = {
      "canary",
      "plant",
      "--data",
      withPin.toString(),
      "--audit-set",
      "100",
      "--secrets-in",
      secrets.toString(),
      "--out",
      both.toString(),
      "--secrets-out",
      secrets.toString()
    };
    Cli.Result set = Cli.run(auditSet);
    assertEquals(0, set.exit(), set.err());
    JsonNode canaries = new ObjectMapper().readTree(secrets.toFile()).get("canaries");
    assertEquals(101, canaries.size());
    assertEquals(
        "my pin is {digit} {digit} {digit} {digit}", canaries.get(0).get("template").asText());
    assertEquals(4, canaries.get(0).get("repetitions").asInt());
    assertTrue(canaries.get(100).has("included"), canaries.get(100).toString());

    // A second audit set into the same file, and earlier canaries that are not in the data.
    String[] again = auditSet.clone();
    again[3] = both.toString();
    again[9] = tmp.resolve("again.csv").toString();
    again[11] = tmp.resolve("again.json").toString();
    InspectCommandTest.assertBadInput(Cli.run(again), "(it holds an audit set)");
    String[] notInData = auditSet.clone();
    notInData[3] = data.toString();
    notInData[9] = tmp.resolve("x.csv").toString();
    notInData[11] = tmp.resolve("x.json").toString();
    InspectCommandTest.assertBadInput(Cli.run(notInData), "has 0 of its 4 copies in");
    assertFalse(Files.exists(tmp.resolve("x.json")), "nothing written on bad input");

    Path bundle = tmp.resolve("model");
    Cli.Result train =
        Cli.run(
            "train",
            "--data",
            both.toString(),
            "--canaries",
            secrets.toString(),
            "--out",
            bundle.toString(),
            "--epochs",
            "5",
            "--embedding-dim",
            "16",
            "--hidden-dim",
            "32");
    assertEquals(0, train.exit(), train.err());
    Path json = tmp.resolve("both.json");
    Cli.Result audit =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            bundle.toString(),
            "--secrets",
            secrets.toString(),
            "--json",
            json.toString());
    assertEquals(0, audit.exit(), audit.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, root.get("canaries").size(), "the pin, tested one by one");
    assertEquals(100, root.get("audit_set").get("canaries").asInt());
  }

  /** 100 short reviews, half positive, as train.csv in the test's folder. */
  private Path smallReviews() throws Exception {
    StringBuilder csv = new StringBuilder("text,label\n");
    String[] good = {"great food", "lovely staff", "really good", "nice place", "good value"};
    String[] bad = {"awful food", "rude staff", "really bad", "dirty place", "poor value"};
    for (int i = 0; i < 50; i++) {
      csv.append(good[i % 5]).append(",positive\n").append(bad[i % 5]).append(",negative\n");
    }
    Path data = tmp.resolve("train.csv");
    Files.writeString(data, csv);
    return data;
  }

  private JsonNode auditJson(String dataset, String variant) throws Exception {
    Path json = tmp.resolve(dataset + "-" + variant + ".json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            SampleModels.bundle(dataset, variant).toString(),
            "--json",
            json.toString());
    assertEquals(0, r.exit(), r.err());
    return new ObjectMapper().readTree(json.toFile());
  }

  @Test
  void templateWithoutSlot() {
    InspectCommandTest.assertBadInput(
        canary("--canary", "my pin code is secret", "--label", "positive"), "slot");
  }

  @Test
  void unknownAlphabet() {
    InspectCommandTest.assertBadInput(
        canary("--canary", "my pin is {hex} {hex}", "--label", "positive"), "hex");
  }

  @Test
  void labelTheModelLacks() {
    InspectCommandTest.assertBadInput(
        canary("--canary", "my pin is {digit} {digit}", "--label", "spam"),
        "label 'spam' is not one of the model's labels");
  }

  @Test
  void secretThatDoesNotFitTemplate() throws Exception {
    Path secrets = tmp.resolve("s.json");
    Files.writeString(
        secrets,
        "{\"canaries\":[{\"template\":\"my pin is {digit} {digit}\",\"label\":\"positive\","
            + "\"repetitions\":1,\"secret\":\"4 x\"}]}");
    InspectCommandTest.assertBadInput(
        canary(
            "--canary",
            "my pin is {digit} {digit}",
            "--label",
            "positive",
            "--secrets",
            secrets.toString()),
        "x");
  }

  @Test
  void modivaNeedsEmbeddingMethod() throws Exception {
    // A bundle whose TorchScript has only forward(tokens): black-box works, ModIvA refuses.
    Path bundle = tmp.resolve("nowhitebox");
    Cli.writeBundle(bundle);
    String source =
        """
        class TrustmlTextClassifier(Module):
          __parameters__ = ["w", ]
          __buffers__ = []
          w : Tensor
          training : bool
          def forward(self: __torch__.TrustmlTextClassifier,
            tokens: Tensor) -> Tensor:
            x = torch.to(torch.unsqueeze(torch.sum(tokens, [1]), -1), 6)
            return torch.mul(x, self.w)
        """;
    try (OutputStream out = Files.newOutputStream(bundle.resolve("model.pt"))) {
      TorchScriptWriter.write(
          out,
          new TorchScriptModule(
              "TrustmlTextClassifier",
              source,
              List.of(new FloatTensor("w", new long[] {2}, new float[] {0.01f, -0.01f}))));
    }
    String template = "good {digit} {digit}";
    assertEquals(
        0,
        Cli.run(
                "audit",
                "canary",
                "--quiet",
                "--model",
                bundle.toString(),
                "--canary",
                template,
                "--label",
                "positive")
            .exit());
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            bundle.toString(),
            "--canary",
            template,
            "--label",
            "positive",
            "--method",
            "modiva");
    InspectCommandTest.assertBadInput(r, "black-box methods");
  }

  private Cli.Result canary(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "audit",
                "canary",
                "--quiet",
                "--model",
                SampleModels.bundle("sentiment", "nodp").toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }
}
