package dev.trustml.scoring;

import dev.trustml.model.Classifier;
import java.util.Arrays;
import java.util.List;

/** Logits of rows in batches, through a classifier: the audits' one way of calling a model. */
public final class BatchLogits {
  private BatchLogits() {}

  /** Row-major {@code tokens.length x numClasses} logits of already tokenised rows. */
  public static float[] of(Classifier model, long[][] tokens) {
    int k = model.numLabels();
    int batch = model.preferredBatchSize();
    float[] out = new float[tokens.length * k];
    for (int from = 0; from < tokens.length; from += batch) {
      int to = Math.min(tokens.length, from + batch);
      float[] z = model.logits(model.batch(Arrays.copyOfRange(tokens, from, to)));
      System.arraycopy(z, 0, out, from * k, z.length);
    }
    return out;
  }

  /** Row-major {@code texts.size() x numClasses} logits of texts, tokenised by the model's own. */
  public static float[] ofTexts(Classifier model, List<String> texts) {
    int k = model.numLabels();
    int batch = model.preferredBatchSize();
    float[] out = new float[texts.size() * k];
    for (int from = 0; from < texts.size(); from += batch) {
      int to = Math.min(texts.size(), from + batch);
      float[] z = model.logits(model.batch(texts.subList(from, to)));
      System.arraycopy(z, 0, out, from * k, z.length);
    }
    return out;
  }
}
