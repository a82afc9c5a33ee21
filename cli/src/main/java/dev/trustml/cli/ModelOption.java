package dev.trustml.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option shared by commands that load a bundle. */
public final class ModelOption {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "DIR",
      required = true,
      description = "Model bundle directory (model.pt, tokenizer, trustml-model.json).")
  Path dir;
}
