package dev.trustml.cli;

import dev.trustml.audit.shadow.Assignment;
import dev.trustml.audit.shadow.ReferencePlanFile;
import dev.trustml.audit.shadow.ReferencePlans;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.io.Hashing;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml shadow plan}: which rows each reference model trains on. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Plan reference models to train with your own pipeline: writes each model's training rows"
          + " (PLAN/train/ref-NNN.csv, text,label) and PLAN/plan.json (every model's IN rows as"
          + " row hashes, the seeds, the pool's SHA-256, where each result goes). With"
          + " --assignment half each pool row is IN for exactly half of the models, as"
          + " --shadow-models draws them for the same rows and seed.",
      "Train model NNN on its CSV and write the model bundle to PLAN/models/ref-NNN (or its"
          + " outputs on the audit rows to PLAN/models/ref-NNN/outputs.csv), then run"
          + " 'trustml audit membership --model DIR --reference PLAN'. For a target trained by"
          + " trustml the plan also holds the exact 'trustml train' command of each model"
          + " (PLAN/train-all.sh runs them all).",
      "",
      "Example:",
      "  ./trustml shadow plan --model sample-models/sentiment/nodp --models 8 \\",
      "      --out /tmp/plan"
    })
final class ShadowPlanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--data",
      paramLabel = "CSV",
      description =
          "The pool: rows the reference models may train on, normally the audit rows (default,"
              + " with --model: the card's member and non-member files, in that order).")
  Path data;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "DIR",
      description =
          "The model to be audited: its labels, and for a model trained by trustml its recipe"
              + " and vocabulary.")
  Path model;

  @Option(
      names = "--models",
      paramLabel = "N",
      required = true,
      description = "Number of reference models.")
  int models;

  @Option(names = "--out", paramLabel = "PLAN", required = true, description = "Plan directory.")
  Path out;

  @Option(
      names = "--assignment",
      paramLabel = "half|bernoulli",
      defaultValue = "half",
      description =
          "half: each row IN for exactly half of the models (N even), as --shadow-models;"
              + " bernoulli: a fair coin per row and model (default: ${DEFAULT-VALUE}).")
  String assignment;

  /** The assignment's and the models' seed: the audit's --seed, to match --shadow-models. */
  @Mixin SeedOption seed;

  @Mixin CsvColumnOptions columns;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    Assignment a = Assignment.fromJson(assignment);
    if (a == null) {
      throw new UsageException("unknown --assignment '" + assignment + "'; use half or bernoulli");
    }
    if (!a.allows(models)) {
      throw new UsageException(
          a == Assignment.HALF
              ? "--models must be an even number >= 2 with --assignment half (each row is IN for"
                  + " exactly half of them); got "
                  + models
              : "--models must be >= 1; got " + models);
    }
    if (data == null && model == null) {
      throw new UsageException(
          "give the pool with --data CSV, or --model DIR to plan on its member and non-member"
              + " files");
    }
    checkOut(out);
    ModelBundle bundle = model == null ? null : ModelBundle.open(model);
    List<Path> files =
        data != null
            ? List.of(data)
            : List.of(
                MembershipCommand.fromCard(bundle, true),
                MembershipCommand.fromCard(bundle, false));
    CsvColumns cols = columns.columns();
    List<LabeledText> pool = new ArrayList<>();
    List<ReferencePlanFile.Source> sources = new ArrayList<>();
    for (Path f : files) {
      List<LabeledText> rows;
      try (LabeledCsvReader r = LabeledCsvReader.open(f, cols)) {
        rows = r.readAll();
      }
      pool.addAll(rows);
      sources.add(new ReferencePlanFile.Source(f.toString(), Hashing.sha256(f), rows.size()));
    }
    ReferencePlanFile.Target target = null;
    List<String> vocabulary = null;
    RecipeCommandLine recipe = null;
    String note;
    if (bundle != null) {
      target =
          new ReferencePlanFile.Target(
              bundle.dir().toString(),
              bundle.displayName(),
              Hashing.sha256(bundle.modelFile()),
              bundle.card().labels());
      recipe = RecipeCommandLine.of(bundle);
      if (recipe != null) {
        vocabulary =
            VocabTokenizer.load(
                    bundle.tokenizerFile(), bundle.card().tokenizer().lowercaseOrDefault())
                .tokens();
      }
    }
    note =
        recipe != null
            ? "Train each model on its train_csv and write the model bundle to its result;"
                + " each model's command does it with the target's recipe (run it in the plan"
                + " directory; train-all.sh runs them all)."
            : "Train each model on its train_csv with your own pipeline and write the model"
                + " bundle to its result (or the model's outputs on the audit rows to"
                + " outputs.csv in it)."
                + (bundle == null
                    ? ""
                    : " trustml train cannot replay the target's recipe: "
                        + RecipeCommandLine.problem(bundle)
                        + ".");
    ReferencePlanFile plan =
        ReferencePlans.write(
            out,
            new ReferencePlans.Request(
                pool, sources, models, seed.value, a, target, vocabulary, recipe, note));
    w.printf(
        "wrote %s: %d reference models over %d pool rows (%s assignment, seed %d)%n",
        out, models, pool.size(), a.jsonName(), seed.value);
    w.printf(
        "  training rows: %s/%s/ref-000.csv ... ; results go to %s/%s/ref-NNN/ (one model bundle"
            + " or outputs.csv each)%n",
        out, ReferencePlans.TRAIN_DIR, out, ReferencePlans.MODELS_DIR);
    if (recipe != null) {
      w.printf(
          "  trustml's recipe: sh %s/%s (or each model's command in %s)%n",
          out, ReferencePlans.SCRIPT_FILE, ReferencePlanFile.FILE_NAME);
      w.printf("  as a train command: --train-command '%s'%n", plan.trainCommand());
    }
    w.printf(
        "then: trustml audit membership --model %s --reference %s%s%n",
        model == null ? "DIR" : model,
        out,
        model != null && seed.value != 0 ? " --seed " + seed.value : "");
    w.flush();
    return 0;
  }

  /** The plan goes into a new or empty directory. */
  private static void checkOut(Path out) throws TrustmlException {
    if (Files.exists(out)) {
      boolean empty;
      try (var s = Files.list(out)) {
        empty = s.findAny().isEmpty();
      } catch (java.nio.file.NotDirectoryException e) {
        throw new UsageException("--out " + out + " is a file; give a new or empty directory");
      } catch (java.io.IOException e) {
        throw new UsageException("--out " + out + " cannot be read (" + e.getMessage() + ")");
      }
      if (!empty) {
        throw new UsageException(
            "--out " + out + " is not empty; give a new or empty directory for the plan");
      }
    }
    OutputPaths.requireDirectory(out);
  }
}
