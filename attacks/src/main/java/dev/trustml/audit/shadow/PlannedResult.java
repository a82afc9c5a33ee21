package dev.trustml.audit.shadow;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.outputs.OutputsCsv;
import dev.trustml.outputs.OutputsTable;
import dev.trustml.outputs.RowMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One trained reference model where its plan says, as the audit reads it: the seam through which a
 * result format reaches the audit. A result is a model bundle ({@link BundleResult}) or the model's
 * precomputed outputs ({@link OutputsResult}); {@link #at} alone decides which.
 */
sealed interface PlannedResult permits PlannedResult.BundleResult, PlannedResult.OutputsResult {

  /** The file in a model's result directory that holds its outputs instead of a bundle. */
  String OUTPUTS_FILE = "outputs.csv";

  /**
   * What the planned model must be.
   *
   * @param labels the target's labels, in order
   * @param targetModelSha256 the target's model file hash (a reference is another model)
   * @param trainCsvSha256 the hash of the model's planned training CSV
   * @param inKeys the row keys ({@link RowKey}) of its planned training rows, sorted, with repeats
   * @param poolKeys the row keys of the plan's pool rows, in pool order
   * @param poolIn which pool rows the model trains on
   * @param auditKeys the row keys of the audit rows (members then non-members)
   * @param populationKeys the row keys of the population rows, or null without them
   */
  record Expected(
      List<String> labels,
      String targetModelSha256,
      String trainCsvSha256,
      long[] inKeys,
      long[] poolKeys,
      boolean[] poolIn,
      long[] auditKeys,
      long[] populationKeys) {}

  /**
   * The result at {@code path}, or null when there is none: {@link OutputsResult} when the
   * directory holds {@value #OUTPUTS_FILE}, else {@link BundleResult}.
   */
  static PlannedResult at(Path path) throws BadInputException {
    Path outputs = path.resolve(OUTPUTS_FILE);
    if (Files.isRegularFile(outputs)) {
      if (Files.exists(path.resolve(ModelCards.FILE_NAME))) {
        throw new BadInputException(
            path
                + " holds both a model bundle ("
                + ModelCards.FILE_NAME
                + ") and "
                + OUTPUTS_FILE
                + "; keep one of them");
      }
      return new OutputsResult(OutputsTable.read(outputs, false));
    }
    if (!Files.exists(path)) {
      return null;
    }
    return new BundleResult(ModelBundle.open(path));
  }

  /** Why it cannot be the planned model (phrases), empty when it can be. */
  List<String> problems(Expected expected) throws BadInputException;

  /** Its logits on the rows of {@code work}. */
  ReferenceScores score(ReferenceWork work, int index, String name) throws TrustmlException;

  /**
   * A model bundle. What can be checked is checked: labels, that it is not the target, and for a
   * bundle trained by trustml, that its card's training data is the planned CSV (its SHA-256, or
   * the rows of its members file, which {@code trustml train --split none} writes to the audit
   * kit).
   */
  record BundleResult(ModelBundle bundle) implements PlannedResult {
    @Override
    public List<String> problems(Expected expected) throws BadInputException {
      List<String> out = new ArrayList<>();
      if (!bundle.card().labels().equals(expected.labels())) {
        out.add(
            "its labels "
                + bundle.card().labels()
                + " are not the target's "
                + expected.labels()
                + " (same labels, same order)");
      }
      if (Hashing.sha256(bundle.modelFile()).equals(expected.targetModelSha256())) {
        out.add("its model file is the target's own (same SHA-256)");
      }
      TrainingRecipe t = bundle.card().training();
      if (t != null
          && t.datasetSha256() != null
          && !t.datasetSha256().equals(expected.trainCsvSha256())) {
        out.add(
            "its card says it was trained on "
                + t.dataset()
                + " (SHA-256 "
                + t.datasetSha256().substring(0, 12)
                + "...), not on its planned CSV");
      }
      if (t != null && t.membersFile() != null) {
        Path members = bundle.dir().resolve(t.membersFile()).normalize();
        if (Files.isRegularFile(members)) {
          long[] trained = keys(members);
          if (!Arrays.equals(trained, expected.inKeys())) {
            out.add(
                "the rows it trained on ("
                    + members
                    + ", "
                    + trained.length
                    + " rows) are not its planned "
                    + expected.inKeys().length
                    + " rows");
          }
        }
      }
      return out;
    }

    @Override
    public ReferenceScores score(ReferenceWork work, int index, String name)
        throws TrustmlException {
      return ReferenceScoring.score(work, index, name, bundle.dir());
    }

    private static long[] keys(Path file) throws BadInputException {
      List<Long> keys = new ArrayList<>();
      try (LabeledCsvReader r = LabeledCsvReader.open(file, CsvColumns.DEFAULT)) {
        for (LabeledText t; (t = r.next()) != null; ) {
          keys.add(RowKey.of(t.text(), t.label()));
        }
      }
      return keys.stream().mapToLong(Long::longValue).sorted().toArray();
    }
  }

  /**
   * A model's precomputed outputs ({@value #OUTPUTS_FILE}, the format of {@link OutputsCsv}) on
   * rows named by their text and label: logits for the target's labels on every audit row (and
   * population row), found as the plan's pool rows are (the k-th row with a text and label to the
   * k-th such row). Rows the audit does not use may be there too. An optional {@code member} column
   * must be the plan's IN rows of this model, which is all that can be checked about its training.
   */
  record OutputsResult(OutputsTable table) implements PlannedResult {
    @Override
    public List<String> problems(Expected expected) {
      List<String> out = new ArrayList<>();
      Path file = table.file();
      if (!table.identity().equals(OutputsCsv.TEXT)) {
        out.add(
            file
                + " names its rows by '"
                + table.identity()
                + "'; a plan knows its rows by text and label: drop the "
                + table.identity()
                + " column and keep text");
        return out;
      }
      if (!table.hasLogits()) {
        out.add(
            file
                + " gives a loss or confidence per row, not logits; a plan's models are read as"
                + " logits: write one logit:<label> column per target label "
                + expected.labels());
      } else if (!table.hasLogitsOf(expected.labels())) {
        out.add(
            file
                + ": its logit columns name the labels "
                + table.labelNames()
                + " but the target's are "
                + expected.labels()
                + "; write one logit:<label> column per target label");
      }
      missing(expected.auditKeys(), "audit", " (counting members then non-members)", out);
      if (expected.populationKeys() != null) {
        missing(expected.populationKeys(), "population", "", out);
      }
      if (table.hasMemberColumn()) {
        memberProblem(expected).ifPresent(out::add);
      }
      return out;
    }

    @Override
    public ReferenceScores score(ReferenceWork work, int index, String name) {
      float[] audit = table.logits(positions(keys(work.audit(), work.labels())), work.labels());
      float[] population =
          work.population() == null
              ? null
              : table.logits(positions(keys(work.population(), work.labels())), work.labels());
      return new ReferenceScores(index, audit, population);
    }

    /** For each key, this file's row standing for it (repeats in order), -1 when it has none. */
    private int[] positions(long[] keys) {
      RowMatcher matcher = new RowMatcher(table.keys());
      int[] out = new int[keys.length];
      for (int i = 0; i < keys.length; i++) {
        out[i] = matcher.next(keys[i]);
      }
      return out;
    }

    private void missing(long[] keys, String kind, String counting, List<String> out) {
      int[] at = positions(keys);
      int first = -1;
      int count = 0;
      for (int i = 0; i < at.length; i++) {
        if (at[i] < 0) {
          count++;
          first = first < 0 ? i : first;
        }
      }
      if (count > 0) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s has no row for %s row %d%s (%d of the %d %s row(s) have none); write the"
                    + " model's outputs on every %s row, with its text and label",
                table.file(),
                kind,
                first + 1,
                counting,
                count,
                keys.length,
                kind,
                kind));
      }
    }

    /**
     * The first row whose member flag is not the plan's: a row is IN when the pool row it stands
     * for is (the k-th row with a text and label for the k-th such pool row); a row beyond the
     * pool's repeats is IN when any equal pool row is, as a population row is.
     */
    private Optional<String> memberProblem(Expected expected) {
      RowMatcher pool = new RowMatcher(expected.poolKeys());
      int differ = 0;
      int first = -1;
      boolean firstPlanned = false;
      for (int i = 0; i < table.size(); i++) {
        long key = table.keys()[i];
        int p = pool.next(key);
        boolean planned =
            p >= 0 ? expected.poolIn()[p] : Arrays.binarySearch(expected.inKeys(), key) >= 0;
        if (planned != table.member()[i]) {
          differ++;
          if (first < 0) {
            first = i;
            firstPlanned = planned;
          }
        }
      }
      if (differ == 0) {
        return Optional.empty();
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s, column member: %d but the plan has the row %s for this model (%d row(s) differ);"
                  + " the member column must be its planned IN rows (its training CSV), or leave"
                  + " it out",
              table.where(first),
              firstPlanned ? 0 : 1,
              firstPlanned ? "IN" : "OUT",
              differ));
    }

    private static long[] keys(ReferenceRows rows, List<String> labels) {
      long[] out = new long[rows.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = RowKey.of(rows.texts()[i], labels.get(rows.labels()[i]));
      }
      return out;
    }
  }
}
