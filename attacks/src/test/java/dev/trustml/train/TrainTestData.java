package dev.trustml.train;

import dev.trustml.model.TextClassifierWeights;
import java.util.SplittableRandom;

/** Small fixtures for the trainer tests. */
final class TrainTestData {
  private TrainTestData() {}

  /** Weights with every entry N(0, scale^2), biases included, so every term of the pass matters. */
  static TextClassifierWeights randomWeights(int v, int d, int h, int k, double scale, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    return new TextClassifierWeights(
        v,
        d,
        h,
        k,
        gauss(r, v * d, scale),
        gauss(r, h * d, scale),
        gauss(r, h, scale),
        gauss(r, k * h, scale),
        gauss(r, k, scale));
  }

  static float[] gauss(SplittableRandom r, int n, double scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (scale * r.nextGaussian());
    }
    return a;
  }

  static TokenizedExample example(int label, long... tokens) {
    return new TokenizedExample(tokens, label);
  }

  /**
   * z-score of sum(x_i^2) / s^2 against the chi-square(n) law it has when the x_i are independent
   * N(0, s^2): (S - n) / sqrt(2n).
   */
  static double chiSquareZ(double sumOfSquares, long n, double variance) {
    return (sumOfSquares / variance - n) / Math.sqrt(2.0 * n);
  }
}
