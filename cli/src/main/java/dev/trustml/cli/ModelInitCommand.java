package dev.trustml.cli;

import dev.trustml.model.ModelInfo;
import dev.trustml.model.ModelInit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustml model init DIR}: a bundle from a bare exported model and its tokenizer. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Make an auditable bundle from a model you exported: copies the model and tokenizer into"
          + " DIR, probes the model (how it is called, how many outputs, the longest input) and"
          + " writes the model card. DIR must be new or empty."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  trustml model init my-model --model model.pt --tokenizer tokenizer.json \\",
      "      --labels negative,positive",
      "  trustml model init my-onnx --model model.onnx --tokenizer tokenizer.json \\",
      "      --labels negative,positive --max-length 128"
    })
final class ModelInitCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "DIR", description = "The bundle directory to create.")
  Path dir;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description =
          "TorchScript (.pt: torch.jit.trace or torch.jit.script, then torch.jit.save) or ONNX"
              + " (.onnx: torch.onnx.export) classifier taking input_ids and attention_mask"
              + " (optionally token_type_ids) and returning logits.")
  Path model;

  @Option(
      names = "--tokenizer",
      required = true,
      paramLabel = "FILE",
      description = "The model's Hugging Face tokenizer.json (or a vocab.txt word list).")
  Path tokenizer;

  @Option(
      names = "--labels",
      required = true,
      split = ",",
      paramLabel = "LABEL",
      description = "Class names in the order of the model's outputs, e.g. negative,positive.")
  List<String> labels;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      description =
          "Longest input in tokens (default: the tokenizer's truncation, else the model's"
              + " position embeddings).")
  Integer maxLength;

  @Option(
      names = "--link",
      description = "Link to the model and tokenizer files instead of copying them.")
  boolean link;

  @Override
  public Integer call() throws Exception {
    ModelInit.Result r =
        ModelInit.run(new ModelInit.Request(dir, model, tokenizer, labels, maxLength, link));
    ModelInfo info = r.info();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "wrote       %s (%s, %s, %s)%n",
        r.bundle().dir(),
        r.bundle().card().modelFile(),
        r.bundle().card().tokenizer().file(),
        dev.trustml.model.card.ModelCards.FILE_NAME);
    out.printf("format      %s, forward%s%n", info.format(), info.signature().describe());
    out.printf(
        "outputs     %d: %s%n", info.outputs(), String.join(", ", r.bundle().card().labels()));
    out.printf("max length  %d (%s)%n", r.bundle().card().maxLength(), r.maxLengthSource());
    out.printf("white-box   %s%n", info.whiteBox());
    out.printf(
        "next        trustml audit membership --model %s --members IN.csv --non-members OUT.csv%n",
        dir);
    out.flush();
    return 0;
  }
}
