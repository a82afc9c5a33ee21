package dev.trustml.audit.shadow;

import dev.trustml.Versions;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a reference plan directory: the pool, one training CSV per reference model (its IN rows,
 * drawn by an {@link Assignment} exactly as {@code --shadow-models} draws them for the same rows
 * and seed), the plan file, and for a target trained by trustml the commands that train each model
 * with the target's recipe.
 *
 * <pre>
 * PLAN/plan.json          the plan ({@link ReferencePlanFile})
 * PLAN/pool.csv           every pool row, text,label
 * PLAN/train/ref-000.csv  model 0's training rows, text,label (its IN rows in pool order)
 * PLAN/models/            where the trained results go: models/ref-000/ (a model bundle, or
 *                         its outputs as models/ref-000/outputs.csv)
 * PLAN/vocab.txt          the target's vocabulary (trustml targets)
 * PLAN/train-all.sh       trains every model with trustml's recipe (trustml targets)
 * </pre>
 */
public final class ReferencePlans {
  public static final String POOL_FILE = "pool.csv";
  public static final String TRAIN_DIR = "train";
  public static final String MODELS_DIR = "models";
  public static final String VOCAB_FILE = "vocab.txt";
  public static final String SCRIPT_FILE = "train-all.sh";

  private ReferencePlans() {}

  /** The command that trains one planned model with trustml's recipe (paths as given). */
  @FunctionalInterface
  public interface RecipeCommand {
    /**
     * @param trainCsv the model's training CSV, relative to the plan directory
     * @param outDir where the model goes, relative to the plan directory
     * @param vocab the target's vocabulary file, relative to the plan directory
     * @param seed the model's seed (or a placeholder)
     */
    String command(String trainCsv, String outDir, String vocab, String seed);
  }

  /**
   * What a plan is made of.
   *
   * @param pool every pool row, in order
   * @param sources the files the pool was read from
   * @param count how many reference models
   * @param seed the seed
   * @param assignment how IN rows are drawn
   * @param target the audited model, or null
   * @param vocabulary the target's vocabulary in id order (copied into the plan), or null
   * @param recipe the command of trustml's recipe, or null (then {@code note} says why)
   * @param note how to train the models (for people)
   */
  public record Request(
      List<LabeledText> pool,
      List<ReferencePlanFile.Source> sources,
      int count,
      long seed,
      Assignment assignment,
      ReferencePlanFile.Target target,
      List<String> vocabulary,
      RecipeCommand recipe,
      String note) {}

  /** The name of model {@code index}. */
  public static String modelId(int index) {
    return String.format(Locale.ROOT, "ref-%03d", index);
  }

  /**
   * Writes the plan into {@code out}, which must not exist or be an empty directory. Everything is
   * written into a sibling temporary directory first and renamed onto {@code out} at the end, so
   * nothing is half-written.
   */
  public static ReferencePlanFile write(Path out, Request request)
      throws IOException, TrustmlException {
    List<LabeledText> pool = request.pool();
    if (pool.isEmpty()) {
      throw new BadInputException("the pool has no rows; give the rows the models may train on");
    }
    if (!request.assignment().allows(request.count())) {
      throw new BadInputException(
          request.assignment() == Assignment.HALF
              ? "the number of models must be an even number >= 2 (each row is IN for exactly"
                  + " half of them); got "
                  + request.count()
              : "the number of models must be >= 1; got " + request.count());
    }
    if (request.target() != null) {
      checkLabels(pool, request.target().labels());
    }
    boolean[][] in = request.assignment().assign(request.count(), pool.size(), request.seed());
    if (request.target() != null) {
      for (int m = 0; m < in.length; m++) {
        checkEveryLabel(pool, in[m], request.target().labels(), modelId(m));
      }
    }
    Path target = out.toAbsolutePath().normalize();
    Path temp =
        target.resolveSibling(
            ".plan-" + target.getFileName() + "-" + ProcessHandle.current().pid());
    ShadowCache.deleteTree(temp);
    Files.createDirectories(temp.resolve(TRAIN_DIR));
    Files.createDirectories(temp.resolve(MODELS_DIR));
    try {
      LabeledCsvWriter.write(temp.resolve(POOL_FILE), pool);
      List<String> hashes = new ArrayList<>(pool.size());
      for (LabeledText r : pool) {
        hashes.add(String.format(Locale.ROOT, "%016x", RowKey.of(r.text(), r.label())));
      }
      if (request.vocabulary() != null) {
        AtomicFiles.write(
            temp.resolve(VOCAB_FILE),
            (String.join("\n", request.vocabulary()) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      List<ReferencePlanFile.Model> models = new ArrayList<>();
      List<String> commands = new ArrayList<>();
      for (int m = 0; m < request.count(); m++) {
        String id = modelId(m);
        String csv = TRAIN_DIR + "/" + id + ".csv";
        String result = MODELS_DIR + "/" + id;
        List<LabeledText> rows = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
          if (in[m][i]) {
            rows.add(pool.get(i));
          }
        }
        LabeledCsvWriter.write(temp.resolve(csv), rows);
        long seed = ShadowModels.modelSeed(request.seed(), m);
        String command =
            request.recipe() == null
                ? null
                : request.recipe().command(csv, result, VOCAB_FILE, Long.toString(seed));
        if (command != null) {
          commands.add(command);
        }
        models.add(
            new ReferencePlanFile.Model(
                id,
                m,
                seed,
                csv,
                Hashing.sha256(temp.resolve(csv)),
                rows.size(),
                ReferencePlanFile.Model.mask(in[m]),
                result,
                command));
      }
      ReferencePlanFile plan =
          new ReferencePlanFile(
              ReferencePlanFile.FORMAT,
              ReferencePlanFile.VERSION,
              Versions.TRUSTML,
              request.assignment().jsonName(),
              request.seed(),
              new ReferencePlanFile.Pool(
                  POOL_FILE,
                  Hashing.sha256(temp.resolve(POOL_FILE)),
                  pool.size(),
                  request.sources(),
                  ReferencePlanFile.ROW_HASH,
                  hashes),
              request.target(),
              request.recipe() == null
                  ? null
                  : request
                      .recipe()
                      .command(
                          TrainCommandTemplate.TRAIN_CSV,
                          TrainCommandTemplate.OUT_DIR,
                          target.resolve(VOCAB_FILE).toString(),
                          TrainCommandTemplate.SEED),
              request.note(),
              models);
      plan.write(temp);
      if (!commands.isEmpty()) {
        writeScript(temp.resolve(SCRIPT_FILE), commands);
      }
      publish(temp, target);
      return plan;
    } finally {
      ShadowCache.deleteTree(temp);
    }
  }

  /** A script that runs every model's command in the plan directory, one after another. */
  private static void writeScript(Path file, List<String> commands) throws IOException {
    StringBuilder s = new StringBuilder();
    s.append("#!/bin/sh\n")
        .append("# Trains every reference model of this plan with the target's recipe, one after")
        .append(" another.\n")
        .append("# Each line is independent: run them in parallel or on other machines if you")
        .append(" like.\n")
        .append("# TRUSTML names the trustml command (default: trustml on PATH).\n")
        .append("set -e\n")
        .append("cd \"$(dirname \"$0\")\"\n");
    for (String c : commands) {
      s.append(c.replaceFirst("^trustml ", "\"\\${TRUSTML:-trustml}\" ")).append('\n');
    }
    AtomicFiles.write(file, s.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: run it with sh.
    }
  }

  /** Renames the finished plan onto {@code target} (absent, or an empty directory). */
  private static void publish(Path temp, Path target) throws IOException, BadInputException {
    if (Files.isDirectory(target)) {
      try (var s = Files.list(target)) {
        if (s.findAny().isPresent()) {
          throw new BadInputException(
              target + ": is not empty; write the plan into a new or empty directory");
        }
      }
    }
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Every pool row's label must be one of the target's. */
  private static void checkLabels(List<LabeledText> pool, List<String> labels)
      throws BadInputException {
    Set<String> known = new HashSet<>(labels);
    for (LabeledText r : pool) {
      if (!known.contains(r.label())) {
        throw new BadInputException(
            "pool row "
                + r.row()
                + " has the label '"
                + r.label()
                + "', which the target does not have (its labels: "
                + labels
                + "); remove the row or plan for another model");
      }
    }
  }

  /**
   * A model trained on rows lacking a label would learn fewer labels than the target (trustml's
   * trainer takes its labels from the rows): refuse such a draw.
   */
  private static void checkEveryLabel(
      List<LabeledText> pool, boolean[] in, List<String> labels, String id)
      throws BadInputException {
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < pool.size(); i++) {
      if (in[i]) {
        seen.add(pool.get(i).label());
      }
    }
    for (String l : labels) {
      if (!seen.contains(l)) {
        throw new BadInputException(
            id
                + " would train on no row labelled '"
                + l
                + "' (the pool has too few such rows); add rows of that label or choose another"
                + " seed");
      }
    }
  }
}
