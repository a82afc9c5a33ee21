package dev.trustml.audit.outputs;

import dev.trustml.audit.AuditRows;
import dev.trustml.audit.ReferenceModel;
import dev.trustml.audit.ReferenceSource;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.outputs.OutputsCsv;
import dev.trustml.outputs.OutputsTable;
import dev.trustml.outputs.RowMatcher;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reference models given as precomputed-outputs files ({@link OutputsCsv}), one file per model,
 * each listing every row of the audited model's file (audit and population rows, in any order) with
 * the reference model's outputs and its IN flag ({@code member}). Rows are matched by identity and
 * label; a model is refused when a row is missing, extra, or its IN rows are exactly the audited
 * model's members (its IN/OUT pattern would be the membership under audit).
 */
public final class PrecomputedReferences implements ReferenceSource {
  private final List<Path> files;
  private final String identity;
  private final String target;
  private long rowsPerFile;

  /**
   * @param files one file per reference model, in the order the models enter the audit
   * @param identity the identity column of the audited model's file ({@code id} or {@code text}),
   *     which every reference file must use too
   * @param target the audited model's file, for messages
   */
  public PrecomputedReferences(List<Path> files, String identity, String target) {
    this.files = List.copyOf(files);
    this.identity = identity;
    this.target = target;
  }

  /**
   * The files given: each file itself, each directory as its {@code *.csv} files in name order.
   *
   * @throws BadInputException for a path that does not exist or a directory without CSV files
   */
  public static List<Path> expand(List<Path> filesOrDirectories) throws BadInputException {
    List<Path> out = new ArrayList<>();
    for (Path p : filesOrDirectories) {
      if (!Files.isDirectory(p)) {
        if (!Files.isRegularFile(p)) {
          throw new BadInputException(p + ": file not found; check the path");
        }
        out.add(p);
        continue;
      }
      try (Stream<Path> listing = Files.list(p)) {
        List<Path> csvs =
            listing
                .filter(f -> f.getFileName().toString().endsWith(".csv") && Files.isRegularFile(f))
                .sorted()
                .toList();
        if (csvs.isEmpty()) {
          throw new BadInputException(
              p + ": no .csv files; put one outputs file per reference model in it");
        }
        out.addAll(csvs);
      } catch (IOException e) {
        throw new BadInputException(p + ": cannot list the directory (" + e.getMessage() + ")");
      }
    }
    return out;
  }

  /** Each file by its SHA-256; every file lists the same rows as the audited model's. */
  @Override
  public List<Provenance.DataRef> files() {
    return files.stream().map(this::provenance).toList();
  }

  private Provenance.DataRef provenance(Path file) {
    try {
      return new Provenance.DataRef(
          "reference outputs", file.toString(), Hashing.sha256(file), rowsPerFile);
    } catch (BadInputException e) {
      throw new IllegalStateException(file + " was read but cannot be hashed", e);
    }
  }

  @Override
  public List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException {
    if (files.isEmpty()) {
      return List.of();
    }
    List<ReferenceModel> models = new ArrayList<>();
    rowsPerFile = rows.size() + (population == null ? 0 : population.size());
    progress.start("reference outputs", files.size());
    try {
      for (Path file : files) {
        models.add(model(OutputsTable.read(file), rows, population));
        progress.advance(1);
      }
    } finally {
      progress.done();
    }
    return models;
  }

  private ReferenceModel model(OutputsTable ref, AuditRows rows, AuditRows population)
      throws BadInputException {
    if (!ref.identity().equals(identity)) {
      throw new BadInputException(
          ref.file()
              + ": identifies rows by '"
              + ref.identity()
              + "' but "
              + target
              + " by '"
              + identity
              + "'; use the same column in every file");
    }
    if (ref.hasCoverage()) {
      throw new BadInputException(
          ref.file()
              + ": has vocabulary columns; they describe the audited model's vocabulary and"
              + " belong in its file only");
    }
    int n = rows.size();
    int p = population == null ? 0 : population.size();
    long[] keys = Arrays.copyOf(rows.keys(), n + p);
    if (population != null) {
      System.arraycopy(population.keys(), 0, keys, n, p);
    }
    // filePosition[t]: the line of this file that stands for the audited model's row t.
    int[] filePosition = new int[n + p];
    RowMatcher matcher = new RowMatcher(keys);
    for (int i = 0; i < ref.size(); i++) {
      int t = matcher.next(ref.keys()[i]);
      if (t < 0) {
        throw new BadInputException(
            ref.where(i)
                + ": no row with this "
                + identity
                + " and label in "
                + target
                + " (or it occurs more often here); every file must list the same rows");
      }
      if (ref.hasPopulationColumn() && ref.population()[i] != (t >= n)) {
        throw new BadInputException(
            ref.where(i)
                + ", column population: "
                + (ref.population()[i] ? 1 : 0)
                + " but the row is "
                + (t >= n ? "a population row" : "an audit row")
                + " in "
                + target);
      }
      filePosition[t] = i;
    }
    int missing = matcher.firstUnmatched();
    if (missing >= 0) {
      throw new BadInputException(
          ref.file()
              + ": has no row for "
              + target
              + " row "
              + (missing < n ? rows.rowNumbers()[missing] : population.rowNumbers()[missing - n])
              + "; every file must list the same rows");
    }
    String name = ref.file().toString();
    int[] auditLines = Arrays.copyOfRange(filePosition, 0, n);
    boolean[] auditIn = flags(ref.member(), auditLines);
    if (Arrays.equals(auditIn, rows.isMember())) {
      throw new BadInputException(
          ref.file()
              + ": its IN rows (member 1) are exactly the audited model's members; its IN/OUT"
              + " rows would be the membership under audit - use a reference trained on another"
              + " sample");
    }
    List<String> classes = rows.labelNames();
    if (population == null) {
      return new ReferenceModel(name, ref.outputs(name, auditLines, classes), auditIn, null, null);
    }
    int[] populationLines = Arrays.copyOfRange(filePosition, n, n + p);
    return new ReferenceModel(
        name,
        ref.outputs(name, auditLines, classes),
        auditIn,
        ref.outputs(name + " (population)", populationLines, classes),
        flags(ref.member(), populationLines));
  }

  private static boolean[] flags(boolean[] values, int[] lines) {
    boolean[] out = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      out[i] = values[lines[i]];
    }
    return out;
  }
}
