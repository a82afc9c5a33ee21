package dev.trustml.scoring;

import dev.trustml.model.ClassifierRunner;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.TokenBatch;
import java.util.Arrays;

/** Logits of already tokenised rows, in batches, through a loaded model. */
public final class BatchLogits {
  private static final int BATCH = 512;

  private BatchLogits() {}

  /** Row-major {@code tokens.length x numClasses} logits. */
  public static float[] of(LoadedModel model, long[][] tokens) {
    int k = model.card().labels().size();
    float[] out = new float[tokens.length * k];
    try (ClassifierRunner runner = new ClassifierRunner(model)) {
      for (int from = 0; from < tokens.length; from += BATCH) {
        int to = Math.min(tokens.length, from + BATCH);
        float[] z = runner.logits(TokenBatch.of(Arrays.copyOfRange(tokens, from, to)));
        System.arraycopy(z, 0, out, from * k, z.length);
      }
    }
    return out;
  }
}
