package dev.trustml.cli;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.WeightInit;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it prints. */
final class Cli {
  /** Exit code and output of one run. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private Cli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Trustml.commandLineFor(args);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  static List<String> vocabulary() {
    List<String> v = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    v.addAll(List.of("good", "bad", "great", "awful", "movie", "the", "was", "not"));
    for (int d = 0; d <= 9; d++) {
      v.add(Integer.toString(d));
    }
    return v;
  }

  /** A small random bundle with labels negative/positive. */
  static TextClassifierWeights writeBundle(Path dir) throws IOException {
    List<String> vocab = vocabulary();
    TextClassifierWeights w = WeightInit.initial(vocab.size(), 8, 6, 2, 42);
    ModelCard card =
        new ModelCard(
            ModelCards.SCHEMA_VERSION,
            "cli-test",
            "model.pt",
            new Architecture(Architecture.MEAN_POOL_MLP, vocab.size(), 8, 6),
            List.of("negative", "positive"),
            16,
            0,
            new TokenizerSpec(TokenizerKind.VOCAB, "vocab.txt", true),
            null,
            null,
            List.of(),
            null,
            null);
    BundleWriter.write(dir, w, vocab, card);
    return w;
  }
}
