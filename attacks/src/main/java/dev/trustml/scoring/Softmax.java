package dev.trustml.scoring;

/** Numerically stable softmax arithmetic on logits, in double. */
public final class Softmax {
  private Softmax() {}

  /** log(sum_j exp(z_j)) over {@code z[offset .. offset+k)}, subtracting the max first. */
  public static double logSumExp(float[] z, int offset, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, z[offset + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      sum += Math.exp(z[offset + j] - max);
    }
    return max + Math.log(sum);
  }

  /** Softmax probabilities of {@code z[offset .. offset+k)}. */
  public static double[] probabilities(float[] z, int offset, int k) {
    double lse = logSumExp(z, offset, k);
    double[] p = new double[k];
    for (int j = 0; j < k; j++) {
      p[j] = Math.exp(z[offset + j] - lse);
    }
    return p;
  }

  /**
   * Cross-entropy of class {@code y}: {@code log(sum_j exp(z_j - z_y)) = log1p(sum_{j != y} exp(z_j
   * - z_y))}. The log1p form keeps tiny losses exact (a confident model's losses of 1e-12 and 2e-12
   * stay distinct and ordered), which canary ranking relies on; it falls back to the max-subtracted
   * form when a gap is so large that exp would overflow.
   */
  public static double loss(float[] z, int offset, int k, int y) {
    double zy = z[offset + y];
    double s = 0;
    for (int j = 0; j < k; j++) {
      if (j == y) {
        continue;
      }
      double gap = z[offset + j] - zy;
      if (gap > 700) {
        return logSumExp(z, offset, k) - zy;
      }
      s += Math.exp(gap);
    }
    return Math.log1p(s);
  }

  /** Index of the largest logit (first on ties). */
  public static int argMax(float[] z, int offset, int k) {
    int best = 0;
    for (int j = 1; j < k; j++) {
      if (z[offset + j] > z[offset + best]) {
        best = j;
      }
    }
    return best;
  }
}
