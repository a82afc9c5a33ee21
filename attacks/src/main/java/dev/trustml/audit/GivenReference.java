package dev.trustml.audit;

import dev.trustml.audit.shadow.ReferenceScoring;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reference model given by the user as a bundle: it must share the target's labels and name the
 * rows it trained on (trustml's cards do), so each audit row is known to be IN or OUT for it. It is
 * refused when it cannot be a reference: the target's own model file, or a model trained on exactly
 * the target's members (its IN/OUT pattern would be the target's membership).
 */
final class GivenReference implements ReferenceSource {
  private final Classifier target;
  private final Path dir;
  private final CsvColumns columns;

  /**
   * @param target the audited model
   * @param dir the reference bundle
   * @param columns the text and label columns of the bundle's member file
   */
  GivenReference(Classifier target, Path dir, CsvColumns columns) {
    this.target = target;
    this.dir = dir;
    this.columns = columns;
  }

  /** Opens, checks and scores the reference bundle: one model. */
  @Override
  public List<ReferenceModel> models(AuditRows rows, AuditRows population, Progress progress)
      throws TrustmlException {
    ModelBundle bundle = ModelBundle.open(dir);
    List<String> labels = target.card().labels();
    if (!bundle.card().labels().equals(labels)) {
      throw new BadInputException(
          dir
              + ": reference model has labels "
              + bundle.card().labels()
              + " but the target has "
              + labels
              + "; reference models must share the target's label set");
    }
    if (Hashing.sha256(bundle.modelFile()).equals(Hashing.sha256(target.bundle().modelFile()))) {
      throw new BadInputException(
          dir
              + ": the reference model file is the target's own (same SHA-256); a reference must"
              + " be another model trained like the target");
    }
    if (bundle.card().training() == null || bundle.card().training().membersFile() == null) {
      throw new BadInputException(
          dir
              + ": the reference model's card does not name its training rows"
              + " (training.members_file); trustml must know which audit rows it trained on");
    }
    long[] trainedKeys = trainedKeys(dir.resolve(bundle.card().training().membersFile()), columns);
    if (sameAsMembers(trainedKeys, rows.keys(), rows.isMember())) {
      throw new BadInputException(
          dir
              + ": the reference model was trained on exactly the target's members; its IN/OUT"
              + " rows would be the target's membership - use a reference trained on another"
              + " sample");
    }
    try (Classifier ref = Classifiers.open(bundle, false)) {
      int k = labels.size();
      String name = "reference " + dir;
      ModelOutputs audit =
          ModelOutputs.of(name, k, rows.labels(), ReferenceScoring.logits(ref, rows.texts()));
      boolean[] auditIn = in(trainedKeys, rows.keys());
      if (population == null) {
        return List.of(new ReferenceModel(name, audit, auditIn, null, null));
      }
      ModelOutputs pop =
          ModelOutputs.of(
              name + " (population)",
              k,
              population.labels(),
              ReferenceScoring.logits(ref, population.texts()));
      return List.of(
          new ReferenceModel(name, audit, auditIn, pop, in(trainedKeys, population.keys())));
    }
  }

  private static long[] trainedKeys(Path membersFile, CsvColumns columns) throws TrustmlException {
    List<Long> ks = new ArrayList<>();
    try (LabeledCsvReader reader = LabeledCsvReader.open(membersFile, columns)) {
      for (LabeledText t; (t = reader.next()) != null; ) {
        ks.add(RowKey.of(t.text(), t.label()));
      }
    }
    return ks.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
  }

  private static boolean[] in(long[] sortedTrainedKeys, long[] keys) {
    boolean[] in = new boolean[keys.length];
    for (int i = 0; i < keys.length; i++) {
      in[i] = Arrays.binarySearch(sortedTrainedKeys, keys[i]) >= 0;
    }
    return in;
  }

  /** Whether the distinct trained rows are exactly the distinct member rows. */
  private static boolean sameAsMembers(long[] sortedTrainedKeys, long[] keys, boolean[] isMember) {
    long[] members =
        java.util.stream.IntStream.range(0, keys.length)
            .filter(i -> isMember[i])
            .mapToLong(i -> keys[i])
            .sorted()
            .distinct()
            .toArray();
    return Arrays.equals(members, sortedTrainedKeys);
  }
}
