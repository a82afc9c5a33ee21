package dev.trustml.audit.outputs;

import dev.trustml.audit.AuditRows;
import dev.trustml.audit.MembershipAuditData;
import dev.trustml.audit.ReferenceModel;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.outputs.OutputsCsv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes collected audit data as precomputed outputs ({@link OutputsCsv}): {@code DIR/target.csv}
 * for the audited model and {@code DIR/references/reference-001.csv}... for the reference models,
 * in the audit's order. Auditing them ({@link PrecomputedOutputs}) gives the same numbers as the
 * audit they came from, except where the membership design made a bound rigorous (precomputed
 * outputs have an unknown design). Logits are written as the shortest decimals that read back to
 * the same 32-bit floats.
 *
 * <p>Rows are named by their text when the texts were kept, else by an {@code id}: the 16 hex
 * digits of their text-and-label fingerprint, which tells repeated rows apart from distinct ones
 * exactly as the texts would.
 */
public final class OutputsExport {
  private static final CSVFormat FORMAT = LabeledCsvWriter.FORMAT;

  private OutputsExport() {}

  /**
   * Writes the files into {@code dir}, which must not exist or be empty; all of them appear at once
   * (written into a temporary sibling directory, then renamed), or none.
   */
  public static void write(MembershipAuditData data, Path dir) throws IOException {
    Path target = dir.toAbsolutePath().normalize();
    if (Files.exists(target)) {
      try (Stream<Path> entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(dir + " is not empty; export into a new directory");
        }
      }
    }
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
    try {
      writeModel(
          tmp.resolve(OutputsCsv.TARGET_FILE),
          data,
          data.target(),
          data.rows().isMember(),
          data.populationTarget(),
          new boolean[data.hasPopulation() ? data.populationRows().size() : 0],
          data.vocabulary());
      List<ReferenceModel> refs = data.references();
      if (!refs.isEmpty()) {
        Path refDir = Files.createDirectory(tmp.resolve(OutputsCsv.REFERENCES_DIR));
        for (int j = 0; j < refs.size(); j++) {
          ReferenceModel r = refs.get(j);
          writeModel(
              refDir.resolve(referenceFile(j)),
              data,
              r.audit(),
              r.auditIn(),
              r.population(),
              r.populationIn(),
              null);
        }
      }
      Files.deleteIfExists(target);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target);
      }
    } finally {
      deleteRecursively(tmp);
    }
  }

  /** The name of reference model {@code j}'s file: names sort in the audit's order. */
  public static String referenceFile(int j) {
    return String.format(Locale.ROOT, "reference-%03d.csv", j + 1);
  }

  private static void writeModel(
      Path file,
      MembershipAuditData data,
      ModelOutputs audit,
      boolean[] auditMember,
      ModelOutputs population,
      boolean[] populationMember,
      VocabularyCoverage coverage)
      throws IOException {
    AuditRows rows = data.rows();
    List<String> classes = rows.labelNames();
    boolean withPopulation = data.hasPopulation();
    List<String> header = new ArrayList<>();
    header.add(rows.hasTexts() ? OutputsCsv.TEXT : OutputsCsv.ID);
    header.addAll(List.of(OutputsCsv.LABEL, OutputsCsv.MEMBER));
    if (withPopulation) {
      header.add(OutputsCsv.POPULATION);
    }
    if (audit.hasLogits()) {
      classes.forEach(c -> header.add(OutputsCsv.logitColumn(c)));
    } else {
      header.add(OutputsCsv.LOSS);
    }
    if (coverage != null) {
      header.addAll(OutputsCsv.COVERAGE);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      FORMAT.printRecord(out, header.toArray());
      printRows(out, rows, audit, auditMember, withPopulation ? "0" : null, coverage, false);
      if (withPopulation) {
        printRows(
            out, data.populationRows(), population, populationMember, "1", null, coverage != null);
      }
    }
  }

  private static void printRows(
      Writer out,
      AuditRows rows,
      ModelOutputs outputs,
      boolean[] member,
      String population,
      VocabularyCoverage coverage,
      boolean withCoverageColumns)
      throws IOException {
    String[] texts = rows.texts();
    long[] keys = rows.keys();
    int[] labels = rows.labels();
    List<String> classes = rows.labelNames();
    List<String> record = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      record.clear();
      record.add(texts != null ? texts[i] : String.format(Locale.ROOT, "%016x", keys[i]));
      record.add(classes.get(labels[i]));
      record.add(member[i] ? "1" : "0");
      if (population != null) {
        record.add(population);
      }
      if (outputs.hasLogits()) {
        for (int c = 0; c < classes.size(); c++) {
          record.add(Float.toString(outputs.logit(i, c)));
        }
      } else {
        record.add(Double.toString(outputs.loss(i)));
      }
      if (coverage != null) {
        record.add(Integer.toString(coverage.tokens(i)));
        record.add(Integer.toString(coverage.unknown(i)));
        record.add(Float.toString((float) coverage.rarest(i)));
      } else if (withCoverageColumns) {
        record.addAll(List.of("", "", "")); // population rows: the vocab attack reads none
      }
      FORMAT.printRecord(out, record.toArray());
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
