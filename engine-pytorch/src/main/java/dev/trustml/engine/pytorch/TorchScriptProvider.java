package dev.trustml.engine.pytorch;

import dev.trustml.error.TrustmlException;
import dev.trustml.model.Classifier;
import dev.trustml.model.ClassifierProvider;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.Tokenizer;

/** The {@code torchscript} format: TorchScript archives through DJL's PyTorch engine (libtorch). */
public final class TorchScriptProvider implements ClassifierProvider {
  @Override
  public String format() {
    return ModelCard.TORCHSCRIPT;
  }

  @Override
  public Classifier open(ModelBundle bundle, Tokenizer tokenizer, boolean whiteBox)
      throws TrustmlException {
    return TorchScriptClassifier.open(bundle, tokenizer, whiteBox);
  }
}
