package dev.trustml.cli;

import dev.trustml.audit.ReferenceSource;
import dev.trustml.audit.outputs.PrecomputedReferences;
import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import dev.trustml.outputs.OutputsCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code audit membership} on precomputed outputs instead of a model, and the export of a model's
 * outputs in that format (a picocli {@code @Mixin}).
 */
final class PrecomputedOutputsOptions {
  /** Options that need a model; refused with {@code --outputs}. */
  private static final List<String> MODEL_OPTIONS =
      List.of(
          "--model",
          "--members",
          "--non-members",
          "--population",
          "--shadow-models",
          "--reference",
          "--threads",
          "--cache-dir",
          "--text-column",
          "--label-column",
          "--export-outputs");

  @Option(
      names = "--outputs",
      paramLabel = "CSV",
      description =
          "Audit precomputed outputs instead of a model: one CSV of the audited model's outputs"
              + " (text or id, label, member, logit:<label> columns or loss; see README,"
              + " 'Precomputed outputs'). No model is loaded.")
  Path outputs;

  @Option(
      names = "--reference-outputs",
      paramLabel = "CSV|DIR",
      description =
          "A reference model's precomputed outputs, with its IN rows in the member column, or a"
              + " directory of such files (repeatable). With --model, rows are matched by text.")
  List<Path> referenceOutputs = new ArrayList<>();

  @Option(
      names = "--export-outputs",
      paramLabel = "DIR",
      description =
          "Also write the audited model's and the reference models' outputs as precomputed"
              + " outputs into DIR (new or empty): DIR/target.csv, DIR/references/*.csv. They"
              + " hold the rows' texts and membership: keep them as private as the training"
              + " data.")
  Path exportOutputs;

  /** Whether the audit reads precomputed outputs. */
  boolean precomputed() {
    return outputs != null;
  }

  /**
   * The reference outputs given with {@code --model}: the audited rows are identified by their
   * text, as an audit of a model reads them.
   */
  List<ReferenceSource> referencesForModel() throws BadInputException {
    return referenceOutputs.isEmpty()
        ? List.of()
        : List.of(
            new PrecomputedReferences(
                PrecomputedReferences.expand(referenceOutputs),
                OutputsCsv.TEXT,
                "the audited rows"));
  }

  /** Checks the combination of options before any work. */
  void check(CommandSpec spec, Path modelDir) throws UsageException {
    ParseResult parsed = spec.commandLine().getParseResult();
    if (outputs != null) {
      for (String option : MODEL_OPTIONS) {
        if (parsed.hasMatchedOption(option)) {
          throw new UsageException(
              option
                  + " and --outputs: with --outputs the audit reads precomputed outputs only;"
                  + " drop "
                  + option);
        }
      }
    }
    if (exportOutputs != null) {
      requireEmptyDirectory(exportOutputs, modelDir);
    }
  }

  private static void requireEmptyDirectory(Path dir, Path modelDir) throws UsageException {
    Path abs = dir.toAbsolutePath().normalize();
    if (modelDir != null && abs.startsWith(modelDir.toAbsolutePath().normalize())) {
      throw new UsageException(
          "--export-outputs " + dir + ": inside the model directory; export elsewhere");
    }
    OutputPaths.requireDirectory(dir);
    if (Files.isDirectory(abs)) {
      try (Stream<Path> entries = Files.list(abs)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException(
              "--export-outputs " + dir + ": not empty; give a new or empty directory");
        }
      } catch (IOException e) {
        throw new UsageException("--export-outputs " + dir + ": cannot list (" + e + ")");
      }
    }
    Path parent = abs.getParent();
    if (parent != null && Files.exists(parent) && !Files.isWritable(parent)) {
      throw new UsageException(
          "--export-outputs " + dir + ": " + parent + " is not writable; choose another path");
    }
  }
}
