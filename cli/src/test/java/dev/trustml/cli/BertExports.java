package dev.trustml.cli;

import dev.trustml.samples.bert.BertFixture;
import dev.trustml.samples.bert.BertSignature;
import dev.trustml.samples.bert.BertTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The BERT-shaped fixture as a user would export it (bare {@code model.pt}, {@code model.onnx},
 * {@code tokenizer.json}), trained once per test JVM into a temporary folder removed at exit; the
 * other TorchScript and ONNX signatures are written from the same weights on demand.
 */
final class BertExports {
  private static Path dir;
  private static BertTrainer.Result result;

  private BertExports() {}

  /** The folder of the default export: {@code forward(input_ids, attention_mask) -> logits}. */
  static synchronized Path dir() throws Exception {
    if (dir == null) {
      Path d = Files.createTempDirectory("trustml-bert-exports");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
      result =
          BertFixture.writeBare(
              d, SampleModels.root(), BertSignature.DEFAULT, BertFixture.TRAINING);
      dir = d;
    }
    return dir;
  }

  static BertTrainer.Result result() throws Exception {
    dir();
    return result;
  }

  static Path tokenizer() throws Exception {
    return dir().resolve(BertFixture.TOKENIZER_JSON);
  }

  /** A TorchScript export with {@code signature} (written once). */
  static synchronized Path torchScript(BertSignature signature) throws Exception {
    if (signature.equals(BertSignature.DEFAULT)) {
      return dir().resolve(BertFixture.MODEL_PT);
    }
    Path f =
        dir()
            .resolve(
                "model-"
                    + signature.output().name().toLowerCase(java.util.Locale.ROOT)
                    + (signature.tokenTypes() ? "-types" : "")
                    + (signature.embeddingMethod() ? "" : "-noemb")
                    + ".pt");
    if (!Files.exists(f)) {
      BertFixture.writeTorchScript(f, result().weights(), signature);
    }
    return f;
  }

  /** The ONNX export, with a third input {@code token_type_ids} when asked (written once). */
  static synchronized Path onnx(boolean tokenTypes) throws Exception {
    if (!tokenTypes) {
      return dir().resolve(BertFixture.MODEL_ONNX);
    }
    Path f = dir().resolve("model-types.onnx");
    if (!Files.exists(f)) {
      BertFixture.writeOnnx(f, result().weights(), true);
    }
    return f;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
