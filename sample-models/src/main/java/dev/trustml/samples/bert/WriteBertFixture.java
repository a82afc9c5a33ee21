package dev.trustml.samples.bert;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes the BERT-shaped fixture as a user would export a model: {@code model.pt}, {@code
 * model.onnx} and {@code tokenizer.json} in one folder ({@code make bert-fixture}).
 *
 * <p>Usage: {@code WriteBertFixture SAMPLE_MODELS_DIR OUTPUT_DIR [--output tensor|tuple|dict]
 * [--token-types] [--no-embedding-method]}. The default is what {@code torch.jit.trace} of a
 * Hugging Face classifier with {@code torchscript=True} gives, {@code forward(input_ids,
 * attention_mask)} returning a tuple, plus {@code forward_emb} for white-box attacks.
 */
public final class WriteBertFixture {
  private WriteBertFixture() {}

  public static void main(String[] args) throws IOException, BadInputException {
    if (args.length < 2) {
      usage("two folders are needed");
    }
    BertSignature.Output output = BertSignature.Output.TUPLE;
    boolean tokenTypes = false;
    boolean embeddingMethod = true;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--output" -> {
          if (i + 1 == args.length) {
            usage("--output needs tensor, tuple or dict");
          }
          try {
            output = BertSignature.Output.valueOf(args[++i].toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            usage("--output needs tensor, tuple or dict, not " + args[i]);
          }
        }
        case "--token-types" -> tokenTypes = true;
        case "--no-embedding-method" -> embeddingMethod = false;
        default -> usage("unknown option " + args[i]);
      }
    }
    Path sampleModels = Path.of(args[0]);
    Path out = Path.of(args[1]);
    BertSignature signature = new BertSignature(tokenTypes, output, embeddingMethod);
    long start = System.nanoTime();
    BertTrainer.Result r =
        BertFixture.writeBare(out, sampleModels, signature, BertFixture.TRAINING);
    double[] losses = r.stepLosses();
    System.out.printf(
        Locale.ROOT,
        "wrote %s (%d parameters, %s; trained %d steps in %.1f s, last-20-step loss %.3f)%n",
        out,
        r.weights().parameterCount(),
        signature,
        losses.length,
        (System.nanoTime() - start) / 1e9,
        tailMean(losses, 20));
    for (String f :
        new String[] {BertFixture.MODEL_PT, BertFixture.MODEL_ONNX, BertFixture.TOKENIZER_JSON}) {
      System.out.printf(Locale.ROOT, "  %-15s %,d bytes%n", f, Files.size(out.resolve(f)));
    }
  }

  private static double tailMean(double[] v, int n) {
    double s = 0;
    int from = Math.max(0, v.length - n);
    for (int i = from; i < v.length; i++) {
      s += v[i];
    }
    return v.length == from ? Double.NaN : s / (v.length - from);
  }

  private static void usage(String problem) {
    System.err.println(
        "WriteBertFixture: "
            + problem
            + "\nusage: WriteBertFixture SAMPLE_MODELS_DIR OUTPUT_DIR [--output tensor|tuple|dict]"
            + " [--token-types] [--no-embedding-method]");
    System.exit(2);
  }
}
