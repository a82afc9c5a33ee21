package dev.trustml.audit.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * A reference plan's {@value #FILE_NAME}: which pool rows each reference model trains on, so that a
 * user can train the models with their own pipeline and the audit knows every model's IN rows.
 * Written by {@code trustml shadow plan} ({@link ReferencePlans}), read by the membership audit
 * ({@link PlanReferences}). Paths are relative to the plan directory.
 *
 * @param format always {@value #FORMAT}
 * @param version the format's version, {@value #VERSION}
 * @param trustmlVersion the trustml that wrote it
 * @param assignment how IN rows were drawn: {@code half} (each row IN for exactly half of the
 *     models, as {@code --shadow-models}) or {@code bernoulli} (a fair coin per row and model)
 * @param seed the seed of the assignment and of every model's seed
 * @param pool the rows the models are trained on
 * @param target the audited model the plan was made for, or null
 * @param trainCommand for a target trained by trustml: the {@code trustml train} command that
 *     reproduces trustml's own reference models, with placeholders {train_csv}, {out_dir} and
 *     {seed} (usable as the audit's train command while the plan directory stays where it was
 *     written: it names the plan's vocabulary by its absolute path); null otherwise
 * @param note how to train the models and where to put them (for people)
 * @param models the planned models, in order
 */
public record ReferencePlanFile(
    String format,
    int version,
    String trustmlVersion,
    String assignment,
    long seed,
    Pool pool,
    Target target,
    String trainCommand,
    String note,
    List<Model> models) {

  public static final String FILE_NAME = "plan.json";
  public static final String FORMAT = "trustml-reference-plan";
  public static final int VERSION = 1;

  /** How {@link Pool#rowHashes()} are computed. */
  public static final String ROW_HASH =
      "64-bit FNV-1a over the UTF-16 units of the text, 0x1f and the label, then MurmurHash3's"
          + " fmix64; 16 hex digits";

  public ReferencePlanFile {
    models = List.copyOf(models);
  }

  /**
   * The pool: every row any model may train on, in order.
   *
   * @param file the pool as a {@code text,label} CSV in the plan directory
   * @param sha256 that file's SHA-256
   * @param rows its row count
   * @param sources the files the pool was read from, with their SHA-256
   * @param rowHash how the row hashes are computed ({@link #ROW_HASH})
   * @param rowHashes each pool row's hash, in pool order
   */
  public record Pool(
      String file,
      String sha256,
      int rows,
      List<Source> sources,
      String rowHash,
      List<String> rowHashes) {
    public Pool {
      sources = List.copyOf(sources);
      rowHashes = List.copyOf(rowHashes);
    }
  }

  /**
   * A file the pool was read from.
   *
   * @param file its path as given
   * @param sha256 its SHA-256
   * @param rows rows read from it
   */
  public record Source(String file, String sha256, int rows) {}

  /**
   * The audited model.
   *
   * @param dir its bundle directory as given
   * @param name its name
   * @param modelSha256 the SHA-256 of its model file (no reference may be that file)
   * @param labels its labels, in order (every reference must have them)
   */
  public record Target(String dir, String name, String modelSha256, List<String> labels) {}

  /**
   * One reference model.
   *
   * @param id its name, e.g. {@code ref-003}
   * @param index its index, from 0
   * @param seed its training seed
   * @param trainCsv its training rows ({@code text,label}), relative to the plan directory
   * @param trainCsvSha256 that file's SHA-256
   * @param inRows how many pool rows it trains on
   * @param inMask which pool rows it trains on: base64 of a bit vector, bit {@code i % 8} of byte
   *     {@code i / 8} for pool row i
   * @param result where its trained result must go (a model bundle directory), relative to the plan
   *     directory
   * @param command for a target trained by trustml: the exact command, run in the plan directory,
   *     that trains it as {@code --shadow-models} would; null otherwise
   */
  public record Model(
      String id,
      int index,
      long seed,
      String trainCsv,
      String trainCsvSha256,
      int inRows,
      String inMask,
      String result,
      String command) {

    /** Which pool rows it trains on. */
    public boolean[] in(int poolRows) {
      byte[] bytes = Base64.getDecoder().decode(inMask);
      if (bytes.length != (poolRows + 7) / 8) {
        throw new IllegalArgumentException(
            "in_mask of " + id + " has " + bytes.length + " bytes for " + poolRows + " rows");
      }
      boolean[] in = new boolean[poolRows];
      for (int i = 0; i < poolRows; i++) {
        in[i] = (bytes[i / 8] >> (i % 8) & 1) == 1;
      }
      return in;
    }

    /** The {@link #inMask} of {@code in}. */
    public static String mask(boolean[] in) {
      byte[] b = new byte[(in.length + 7) / 8];
      for (int i = 0; i < in.length; i++) {
        if (in[i]) {
          b[i / 8] |= (byte) (1 << (i % 8));
        }
      }
      return Base64.getEncoder().encodeToString(b);
    }
  }

  /** Whether {@code dir} is a plan directory (holds {@value #FILE_NAME}). */
  public static boolean isPlan(Path dir) {
    return Files.isDirectory(dir) && Files.isRegularFile(dir.resolve(FILE_NAME));
  }

  /** Reads and checks the plan of {@code dir}. */
  public static ReferencePlanFile read(Path dir) throws BadInputException {
    Path file = dir.resolve(FILE_NAME);
    ReferencePlanFile plan;
    try {
      plan = Json.mapper().readValue(Files.readAllBytes(file), ReferencePlanFile.class);
    } catch (NoSuchFileException e) {
      throw new BadInputException(
          file + ": plan file not found; write it with trustml shadow plan");
    } catch (JsonProcessingException e) {
      throw new BadInputException(
          file + ": not a reference plan (" + e.getOriginalMessage() + "); write it again");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read the plan (" + e.getMessage() + ")");
    }
    if (plan == null || !FORMAT.equals(plan.format())) {
      throw new BadInputException(
          file + ": not a reference plan (format is not " + FORMAT + "); write it again");
    }
    if (plan.version() != VERSION) {
      throw new BadInputException(
          file
              + ": plan version "
              + plan.version()
              + " is not "
              + VERSION
              + ", the one this trustml reads; write the plan again with this trustml");
    }
    if (plan.pool() == null
        || plan.pool().rowHashes().size() != plan.pool().rows()
        || plan.models().isEmpty()) {
      throw new BadInputException(
          file + ": the plan's pool or models are missing or inconsistent; write it again");
    }
    for (Model m : plan.models()) {
      try {
        m.in(plan.pool().rows());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new BadInputException(
            file + ": model " + m.id() + " has no valid in_mask; write the plan again");
      }
    }
    return plan;
  }

  /** Writes the plan into {@code dir}. */
  public void write(Path dir) throws IOException {
    AtomicFiles.write(dir.resolve(FILE_NAME), Json.mapper().writeValueAsBytes(this));
  }
}
