package dev.trustml.engine.onnx;

import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.model.ClassifierProvider;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.Tokenizer;

/** The {@code onnx} format: ONNX graphs through DJL's ONNX Runtime engine (black-box). */
public final class OnnxProvider implements ClassifierProvider {
  @Override
  public String format() {
    return ModelCard.ONNX;
  }

  @Override
  public Classifier open(ModelBundle bundle, Tokenizer tokenizer, boolean whiteBox)
      throws TrustmlException {
    return OnnxClassifier.open(bundle, tokenizer);
  }
}
