package dev.trustml.train;

import dev.trustml.model.TextClassifierWeights;

/**
 * The trainable parameters in double precision, row-major in {@link TextClassifierWeights}'s
 * layout. Training works in double (one float rounding at the end) so that updates much smaller
 * than a weight are not lost. Mutable; owned by one training run.
 */
final class MlpParameters {
  final int vocabSize;
  final int embeddingDim;
  final int hiddenDim;
  final int numClasses;
  final double[] embedding;
  final double[] w1;
  final double[] b1;
  final double[] w2;
  final double[] b2;

  private MlpParameters(TextClassifierWeights w) {
    vocabSize = w.vocabSize();
    embeddingDim = w.embeddingDim();
    hiddenDim = w.hiddenDim();
    numClasses = w.numClasses();
    embedding = toDouble(w.embedding());
    w1 = toDouble(w.w1());
    b1 = toDouble(w.b1());
    w2 = toDouble(w.w2());
    b2 = toDouble(w.b2());
  }

  static MlpParameters from(TextClassifierWeights w) {
    return new MlpParameters(w);
  }

  /** The weights rounded to float, as the TorchScript bundle stores them. */
  TextClassifierWeights toWeights() {
    return new TextClassifierWeights(
        vocabSize,
        embeddingDim,
        hiddenDim,
        numClasses,
        toFloat(embedding),
        toFloat(w1),
        toFloat(b1),
        toFloat(w2),
        toFloat(b2));
  }

  /** The parameter arrays, in {@link TextClassifierWeights#PARAMETER_NAMES} order. */
  double[][] tensors() {
    return new double[][] {embedding, w1, b1, w2, b2};
  }

  private static double[] toDouble(float[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  private static float[] toFloat(double[] a) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) a[i];
    }
    return out;
  }
}
