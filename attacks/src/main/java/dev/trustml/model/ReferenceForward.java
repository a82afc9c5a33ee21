package dev.trustml.model;

/**
 * The classifier's forward pass in plain Java (double precision). It is the oracle that tests
 * compare libtorch against, and it documents the architecture in the plainest form.
 */
public final class ReferenceForward {
  private ReferenceForward() {}

  /**
   * Logits for one example; {@code tokens} may contain padding (id 0), which is ignored. Pooling is
   * the mean over non-padding positions of the embedding times the {@link PositionGates} gate.
   */
  public static double[] logits(TextClassifierWeights w, long[] tokens) {
    int d = w.embeddingDim();
    double[] pooled = new double[d];
    int count = 0;
    for (int pos = 0; pos < tokens.length; pos++) {
      long t = tokens[pos];
      if (t == 0) {
        continue;
      }
      count++;
      int base = Math.toIntExact(t) * d;
      for (int j = 0; j < d; j++) {
        pooled[j] += w.embedding()[base + j] * (double) (float) PositionGates.gate(pos, j);
      }
    }
    for (int j = 0; j < d; j++) {
      pooled[j] /= Math.max(count, 1);
    }
    return fromPooled(w, pooled);
  }

  /** Logits from an already pooled (mean) embedding of length D. */
  public static double[] fromPooled(TextClassifierWeights w, double[] pooled) {
    int d = w.embeddingDim();
    int h = w.hiddenDim();
    double[] hidden = new double[h];
    for (int i = 0; i < h; i++) {
      double s = w.b1()[i];
      for (int j = 0; j < d; j++) {
        s += w.w1()[i * d + j] * pooled[j];
      }
      hidden[i] = Math.max(0, s);
    }
    int k = w.numClasses();
    double[] out = new double[k];
    for (int c = 0; c < k; c++) {
      double s = w.b2()[c];
      for (int i = 0; i < h; i++) {
        s += w.w2()[c * h + i] * hidden[i];
      }
      out[c] = s;
    }
    return out;
  }
}
