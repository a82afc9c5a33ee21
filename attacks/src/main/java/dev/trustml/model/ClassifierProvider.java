package dev.trustml.model;

import dev.trustml.error.TrustmlException;
import dev.trustml.model.tokenize.Tokenizer;

/**
 * An engine that loads one model format (service interface, found by {@link
 * java.util.ServiceLoader}): the core names no engine, each adapter module registers one of these
 * in {@code META-INF/services/dev.trustml.model.ClassifierProvider}.
 */
public interface ClassifierProvider {
  /** The card's {@code format} this engine reads, e.g. {@code torchscript} or {@code onnx}. */
  String format();

  /**
   * Loads the bundle's model. When the card has no {@code signature}, detects it by probing the
   * model with {@code tokenizer}'s ids and reports it in {@link Classifier#info()}.
   *
   * @param tokenizer the bundle's tokenizer; the classifier owns it from here (closes it)
   * @param whiteBox load so that {@link Classifier#whiteBox()} can compute gradients, when the
   *     model allows it (slower scoring on some engines)
   * @throws TrustmlException when the file is not a model of this format or cannot be called as the
   *     card (or probing) says; the message says what the engine saw
   */
  Classifier open(ModelBundle bundle, Tokenizer tokenizer, boolean whiteBox)
      throws TrustmlException;
}
