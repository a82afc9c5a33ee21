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
  void exposureFallsWithRepetitionsAndSecretsStayOut() throws Exception {
    Path json = tmp.resolve("c.json");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
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
    assertTrue(exposure.get(16) > 8, "the 16x canary is exposed: " + exposure);
    assertTrue(exposure.get(16) > exposure.get(1) + 2, "more copies, more exposure: " + exposure);
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
