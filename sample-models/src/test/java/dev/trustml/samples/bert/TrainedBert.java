package dev.trustml.samples.bert;

import dev.trustml.samples.SampleModelsDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The trained fixture, built once per test JVM (training takes seconds) into a temporary folder
 * that is removed at exit: {@code tokenizer.json}, and the weights for the tests to write in any
 * signature.
 */
final class TrainedBert {
  private static BertTrainer.Result result;
  private static Path dir;

  private TrainedBert() {}

  /** The folder holding {@code tokenizer.json}, {@code model.pt} and {@code model.onnx}. */
  static synchronized Path dir() throws Exception {
    if (dir == null) {
      Path d = Files.createTempDirectory("trustml-bert-fixture");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
      result =
          BertFixture.writeBare(
              d, SampleModelsDir.root(), BertSignature.DEFAULT, BertFixture.TRAINING);
      dir = d;
    }
    return dir;
  }

  static synchronized BertTrainer.Result result() throws Exception {
    dir();
    return result;
  }

  static Path tokenizer() throws Exception {
    return dir().resolve(BertFixture.TOKENIZER_JSON);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
