package dev.trustml.train;

import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.card.ModelCard;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link TrainJob} wrote.
 *
 * @param bundleDir the bundle directory
 * @param card the model card as written
 * @param weights the trained weights
 * @param vocabulary the vocabulary in id order
 * @param outcome the training run's details
 */
public record TrainJobResult(
    Path bundleDir,
    ModelCard card,
    TextClassifierWeights weights,
    List<String> vocabulary,
    TrainingOutcome outcome) {
  public TrainJobResult {
    vocabulary = List.copyOf(vocabulary);
  }
}
