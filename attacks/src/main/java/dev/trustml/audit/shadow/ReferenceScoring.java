package dev.trustml.audit.shadow;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.scoring.BatchLogits;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Scores rows with a reference model bundle: the one place where a reference model meets the
 * engine. Each reference tokenises the texts with its own tokenizer (for references trained with
 * the target's vocabulary that is the target's tokenization).
 */
public final class ReferenceScoring {
  private ReferenceScoring() {}

  /**
   * The logits of the bundle in {@code dir} on the audit and population rows of {@code work}.
   *
   * @param name the model's name in messages
   */
  public static ReferenceScores score(ReferenceWork work, int index, String name, Path dir)
      throws TrustmlException {
    ModelBundle bundle = ModelBundle.open(dir);
    checkLabels(bundle.card().labels(), work.labels(), name);
    try (Classifier model = Classifiers.open(bundle, false)) {
      float[] audit = logits(model, work.audit().texts());
      float[] population =
          work.population() == null ? null : logits(model, work.population().texts());
      return new ReferenceScores(index, audit, population);
    }
  }

  /** A reference model must have the target's labels, in the same order. */
  public static void checkLabels(List<String> labels, List<String> targetLabels, String name)
      throws BadInputException {
    if (!labels.equals(targetLabels)) {
      throw new BadInputException(
          name
              + ": the model has labels "
              + labels
              + " but the target has "
              + targetLabels
              + "; reference models must share the target's label set and order");
    }
  }

  /** Row-major logits of {@code texts}, tokenised with the model's own tokenizer. */
  public static float[] logits(Classifier model, String[] texts) {
    return BatchLogits.ofTexts(model, Arrays.asList(texts));
  }
}
