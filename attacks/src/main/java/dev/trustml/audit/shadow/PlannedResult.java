package dev.trustml.audit.shadow;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One trained reference model where its plan says, as the audit reads it: the seam through which a
 * result format reaches the audit. Today a result is a model bundle ({@link BundleResult}).
 */
sealed interface PlannedResult permits PlannedResult.BundleResult {

  /**
   * What the planned model must be.
   *
   * @param labels the target's labels, in order
   * @param targetModelSha256 the target's model file hash (a reference is another model)
   * @param trainCsvSha256 the hash of the model's planned training CSV
   * @param inKeys the row keys ({@link RowKey}) of its planned training rows, sorted, with repeats
   */
  record Expected(
      List<String> labels, String targetModelSha256, String trainCsvSha256, long[] inKeys) {}

  /** The result at {@code path}, or null when there is none. */
  static PlannedResult at(Path path) throws BadInputException {
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
}
