package dev.trustml.train;

import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.card.ModelCard;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TrainJob} wrote.
 *
 * @param bundleDir the bundle directory (what ships)
 * @param auditKitDir the audit kit directory (what never ships)
 * @param card the model card as written
 * @param kit the audit kit's description as written
 * @param weights the trained weights
 * @param vocabulary the word vocabulary in id order (empty for a Hugging Face tokenizer)
 * @param outcome the training run's details
 */
public record TrainJobResult(
    Path bundleDir,
    Path auditKitDir,
    ModelCard card,
    AuditKit kit,
    TextClassifierWeights weights,
    List<String> vocabulary,
    TrainingOutcome outcome) {
  public TrainJobResult {
    vocabulary = List.copyOf(vocabulary);
  }
}
