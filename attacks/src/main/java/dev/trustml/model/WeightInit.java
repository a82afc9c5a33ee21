package dev.trustml.model;

import java.util.SplittableRandom;

/** Seeded initial weights for the text classifier. */
public final class WeightInit {
  private WeightInit() {}

  /**
   * Glorot-uniform linear layers (Glorot &amp; Bengio 2010) and N(0, 0.1^2) embeddings, zero
   * biases; the padding row stays zero.
   */
  public static TextClassifierWeights initial(
      int vocabSize, int embeddingDim, int hiddenDim, int numClasses, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] emb = new float[vocabSize * embeddingDim];
    for (int i = embeddingDim; i < emb.length; i++) {
      emb[i] = (float) (0.1 * gaussian(rnd));
    }
    return new TextClassifierWeights(
        vocabSize,
        embeddingDim,
        hiddenDim,
        numClasses,
        emb,
        glorot(rnd, hiddenDim, embeddingDim),
        new float[hiddenDim],
        glorot(rnd, numClasses, hiddenDim),
        new float[numClasses]);
  }

  private static float[] glorot(SplittableRandom rnd, int out, int in) {
    double limit = Math.sqrt(6.0 / (in + out));
    float[] w = new float[out * in];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (rnd.nextDouble(-limit, limit));
    }
    return w;
  }

  /** A standard normal draw (Marsaglia polar method), reproducible across JDKs. */
  static double gaussian(SplittableRandom rnd) {
    while (true) {
      double u = rnd.nextDouble(-1, 1);
      double v = rnd.nextDouble(-1, 1);
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }
}
