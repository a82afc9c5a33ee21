package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a bundle's model with the engine for its format ({@link ClassifierProvider}, found by
 * {@link ServiceLoader}) and checks it against the card before any audit runs.
 */
public final class Classifiers {
  private Classifiers() {}

  /**
   * Loads the bundle's model and tokenizer.
   *
   * @param whiteBox load so that gradients are available (white-box attacks), when the engine and
   *     the model allow it
   * @throws BadInputException when no engine reads the format, or the model does not match the card
   *     (labels, vocabulary, padding)
   */
  public static Classifier open(ModelBundle bundle, boolean whiteBox) throws TrustmlException {
    ClassifierProvider provider = provider(bundle);
    Tokenizer tokenizer = Tokenizers.open(bundle);
    Classifier model;
    try {
      model = provider.open(bundle, tokenizer, whiteBox);
    } catch (TrustmlException | RuntimeException e) {
      tokenizer.close();
      throw e;
    }
    try {
      check(model, tokenizer);
    } catch (BadInputException e) {
      model.close();
      throw e;
    }
    return model;
  }

  /** The engine for the bundle's format. */
  public static ClassifierProvider provider(ModelBundle bundle) throws BadInputException {
    String format = bundle.card().formatOrDefault();
    List<String> installed = new ArrayList<>();
    for (ClassifierProvider p : ServiceLoader.load(ClassifierProvider.class)) {
      if (p.format().equals(format)) {
        return p;
      }
      installed.add(p.format());
    }
    throw new BadInputException(
        bundle.modelFile()
            + ": no engine for format '"
            + format
            + "' is installed (installed: "
            + (installed.isEmpty() ? "none" : String.join(", ", installed))
            + "); run the trustml command, which has every engine, or add the module"
            + " trustml-engine-"
            + (format.equals(ModelCard.ONNX) ? "onnx" : "pytorch")
            + " to the class path");
  }

  /** A model whose outputs, vocabulary or padding do not fit the card is refused. */
  private static void check(Classifier model, Tokenizer tokenizer) throws BadInputException {
    ModelBundle bundle = model.bundle();
    ModelInfo info = model.info();
    int labels = model.card().labels().size();
    if (info.outputs() != labels) {
      throw new BadInputException(
          bundle.dir()
              + ": the model has "
              + info.outputs()
              + " outputs but the card lists "
              + labels
              + " labels; fix 'labels' in the model card");
    }
    ModelInfo.Parameter embedding = info.tokenEmbedding();
    if (embedding != null && embedding.shape()[0] < tokenizer.vocabularySize()) {
      throw new BadInputException(
          bundle.dir()
              + ": the tokenizer has "
              + tokenizer.vocabularySize()
              + " tokens but the embedding only "
              + embedding.shape()[0]
              + " rows; the bundle mixes two models");
    }
    if (info.signature().builtIn() && model.card().paddingId() != 0) {
      throw new BadInputException(
          bundle.dir()
              + ": the card's padding_id is "
              + model.card().paddingId()
              + " but the model takes 'tokens' and masks id 0; set padding_id 0");
    }
  }
}
