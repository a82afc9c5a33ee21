package dev.trustml.audit.outputs;

import dev.trustml.audit.AuditDesign;
import dev.trustml.audit.AuditRows;
import dev.trustml.audit.AuditSubject;
import dev.trustml.audit.MembershipAuditData;
import dev.trustml.audit.ReferenceModel;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.outputs.OutputsCsv;
import dev.trustml.outputs.OutputsTable;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.ModelRef;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The membership audit's collect stage for precomputed outputs: no model, only the audited model's
 * outputs file and optionally one file per reference model ({@link OutputsCsv}). What it returns is
 * analysed exactly as an audit of a model is.
 *
 * <p>The membership design is unknown: the {@code member} column was written by whoever made the
 * file, after training, and nothing in it shows that rows were included by independent fair coins.
 * So every bound is an estimate and the verdict can be suspect, never violated.
 */
public final class PrecomputedOutputs {
  private PrecomputedOutputs() {}

  /**
   * Reads and checks the files.
   *
   * @param target the audited model's outputs
   * @param references reference models' files, or directories of them (their {@code *.csv} in name
   *     order)
   */
  public static MembershipAuditData collect(Path target, List<Path> references, Progress progress)
      throws TrustmlException {
    Instant started = Instant.now();
    OutputsTable table = OutputsTable.read(target);
    int[] audit = IntStream.range(0, table.size()).filter(i -> !table.population()[i]).toArray();
    int[] population =
        IntStream.range(0, table.size()).filter(i -> table.population()[i]).toArray();
    for (int i : population) {
      if (table.member()[i]) {
        throw new BadInputException(
            table.where(i)
                + ": a population row with member 1; population rows are outside the model's"
                + " training data: set member 0 or population 0");
      }
    }
    requireNoConflicts(table, audit, population);
    AuditRows rows = rows(table, audit);
    AuditRows populationRows = population.length == 0 ? null : rows(table, population);
    List<String> classes = table.labelNames();
    PrecomputedReferences given =
        new PrecomputedReferences(
            PrecomputedReferences.expand(references), table.identity(), target.toString());
    List<ReferenceModel> models = given.models(rows, populationRows, progress);

    String sha = Hashing.sha256(target);
    List<Provenance.DataRef> sources = new ArrayList<>();
    sources.add(new Provenance.DataRef("outputs", target.toString(), sha, table.size()));
    sources.addAll(given.files());
    return MembershipAuditData.of(
        new AuditSubject(
            new ModelRef(target.toString(), "precomputed outputs " + target.getFileName(), sha),
            null),
        new AuditDesign(AuditDesign.Source.USER_FILES, null),
        rows,
        table.outputs("target (" + target + ")", audit, classes),
        table.hasCoverage() ? coverage(table, audit) : null,
        populationRows,
        populationRows == null
            ? null
            : table.outputs("target (" + target + ", population)", population, classes),
        models,
        sources,
        started);
  }

  private static AuditRows rows(OutputsTable t, int[] lines) {
    long[] rowNumbers = new long[lines.length];
    long[] keys = new long[lines.length];
    int[] labels = new int[lines.length];
    boolean[] member = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      rowNumbers[i] = t.rowNumbers()[lines[i]];
      keys[i] = t.keys()[lines[i]];
      labels[i] = t.labels()[lines[i]];
      member[i] = t.member()[lines[i]];
    }
    return new AuditRows(t.labelNames(), rowNumbers, keys, labels, member, null);
  }

  private static VocabularyCoverage coverage(OutputsTable t, int[] lines) {
    int[] tokens = new int[lines.length];
    int[] unknown = new int[lines.length];
    float[] rarest = new float[lines.length];
    for (int i = 0; i < lines.length; i++) {
      tokens[i] = t.tokens()[lines[i]];
      unknown[i] = t.unknownTokens()[lines[i]];
      rarest[i] = t.rarestToken()[lines[i]];
    }
    return new VocabularyCoverage(tokens, unknown, rarest);
  }

  /**
   * A row (same identity and label) cannot be both a member and a non-member, nor both audited and
   * a population row.
   */
  private static void requireNoConflicts(OutputsTable t, int[] audit, int[] population)
      throws BadInputException {
    Map<Long, Integer> firstAudit = new HashMap<>();
    for (int i : audit) {
      Integer j = firstAudit.putIfAbsent(t.keys()[i], i);
      if (j != null && t.member()[j] != t.member()[i]) {
        throw new BadInputException(
            t.where(i)
                + ": the same "
                + t.identity()
                + " and label as row "
                + t.rowNumbers()[j]
                + ", but one is a member and the other not; a row cannot be both");
      }
    }
    for (int i : population) {
      Integer j = firstAudit.get(t.keys()[i]);
      if (j != null) {
        throw new BadInputException(
            t.where(i)
                + ": a population row with the same "
                + t.identity()
                + " and label as audit row "
                + t.rowNumbers()[j]
                + "; population rows are never evaluated: remove one of them");
      }
    }
  }
}
