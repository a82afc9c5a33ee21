package dev.trustml.audit;

import dev.trustml.model.Classifier;
import java.util.Arrays;
import java.util.List;

/** Logits of rows in batches, through a classifier: the audits' one way of calling a model. */
public final class BatchLogits {
  private static final int BATCH = 512;

  private BatchLogits() {}

  /** Row-major {@code tokens.length x numClasses} logits of already tokenised rows. */
  public static float[] of(Classifier model, long[][] tokens) {
    int k = model.numLabels();
    float[] out = new float[tokens.length * k];
    for (int from = 0; from < tokens.length; from += BATCH) {
      int to = Math.min(tokens.length, from + BATCH);
      float[] z = model.logits(model.batch(Arrays.copyOfRange(tokens, from, to)));
      System.arraycopy(z, 0, out, from * k, z.length);
    }
    return out;
  }

  /** Row-major {@code texts.size() x numClasses} logits of texts, tokenised by the model's own. */
  public static float[] ofTexts(Classifier model, List<String> texts) {
    int k = model.numLabels();
    float[] out = new float[texts.size() * k];
    for (int from = 0; from < texts.size(); from += BATCH) {
      int to = Math.min(texts.size(), from + BATCH);
      float[] z = model.logits(model.batch(texts.subList(from, to)));
      System.arraycopy(z, 0, out, from * k, z.length);
    }
    return out;
  }
}
