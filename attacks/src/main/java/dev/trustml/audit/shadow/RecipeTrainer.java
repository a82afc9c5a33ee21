package dev.trustml.audit.shadow;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.json.Json;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.train.DpSgdEpochs;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TokenizedExample;
import dev.trustml.train.Trainer;
import dev.trustml.train.TrainingConfig;
import dev.trustml.train.TrainingOutcome;
import dev.trustml.train.TrainingSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a reference model in this JVM the way the target was trained: the recipe on its model card
 * (architecture, optimizer, learning rate, epochs, batch size, DP-SGD noise and clipping) and its
 * vocabulary, with the job's seed. The trainer is pure Java and deterministic, so any JVM gives
 * bit-identical weights.
 *
 * @param cardJson the target's model card as JSON (shipped as bytes: the card types are not
 *     serializable)
 * @param vocabulary the target's vocabulary, in id order
 */
public record RecipeTrainer(byte[] cardJson, List<String> vocabulary) implements ReferenceTrainer {
  private static final long serialVersionUID = 1L;

  public RecipeTrainer {
    vocabulary = new ArrayList<>(vocabulary);
  }

  /** The trainer for {@code card}'s recipe and {@code vocabulary}. */
  public static RecipeTrainer of(ModelCard card, List<String> vocabulary) {
    try {
      return new RecipeTrainer(Json.mapper().writeValueAsBytes(card), vocabulary);
    } catch (IOException e) {
      throw new IllegalStateException("a model card that cannot be written as JSON", e);
    }
  }

  /** The target's card. */
  public ModelCard card() {
    try {
      return Json.mapper().readValue(cardJson, ModelCard.class);
    } catch (IOException e) {
      throw new IllegalStateException("a model card that cannot be read back", e);
    }
  }

  @Override
  public void train(ReferenceWork work, ReferenceJob job, Path dir, Path log)
      throws IOException, TrustmlException {
    ModelCard card = card();
    VocabTokenizer tokenizer =
        new VocabTokenizer(vocabulary, card.tokenizer().lowercaseOrDefault());
    ReferenceRows rows = work.audit();
    List<TokenizedExample> examples = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (job.in()[i]) {
        examples.add(
            new TokenizedExample(
                tokenizer.encode(rows.texts()[i], card.maxLength()), rows.labels()[i]));
      }
    }
    TrainingOutcome outcome =
        Trainer.train(
            new TrainingSet(card.architecture().vocabSize(), card.labels().size(), examples),
            config(card, job.seed()));
    ModelCard referenceCard =
        new ModelCard(
            card.schemaVersion(),
            "reference-" + job.index() + "-of-" + card.name(),
            card.modelFile(),
            card.architecture(),
            card.labels(),
            card.maxLength(),
            card.paddingId(),
            card.tokenizer(),
            card.privacy(),
            card.training(),
            List.of(),
            null,
            null);
    BundleWriter.write(dir, outcome.weights(), vocabulary, referenceCard);
  }

  @Override
  public String describe() {
    return "trained with the target's recipe";
  }

  /** The target's recipe, with another seed. */
  static TrainingConfig config(ModelCard card, long seed) throws BadInputException {
    TrainingRecipe r = card.training();
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(card.architecture().embeddingDim())
            .hiddenDim(card.architecture().hiddenDim())
            .optimizer(OptimizerKind.fromCardName(r.optimizer()))
            .learningRate(r.learningRate())
            .epochs(r.epochs())
            .batchSize(r.batchSize())
            .seed(seed);
    PrivacyClaim p = card.privacy();
    if (p != null && p.noiseMultiplier() != null && p.clippingNorm() != null) {
      b.dpSgd(new DpSgdEpochs(r.batchSize(), r.epochs(), p.noiseMultiplier(), p.clippingNorm()));
    }
    return b.build();
  }
}
