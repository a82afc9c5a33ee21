package dev.trustml.train;

import java.util.Arrays;

/**
 * An example reduced to what mean pooling sees: its distinct non-padding rows and each row's weight
 * count(v) / n (n = non-padding tokens). The pooled embedding is sum_v weight_v * E[v], and the
 * embedding gradient of the example is weight_v * g in row v, so its squared norm is ||g||^2 *
 * sum_v weight_v^2 (Li et al. 2022, Sec. 4 for ghost norms; the count form is what makes repeated
 * tokens come out right).
 */
final class CompiledExample {
  /** Distinct non-padding token ids, ascending. */
  final int[] rows;

  /** count(v) / n for each row. */
  final double[] weights;

  /** sum_v weight_v^2. */
  final double sumSquaredWeights;

  final int label;

  private CompiledExample(int[] rows, double[] weights, int label) {
    this.rows = rows;
    this.weights = weights;
    double s = 0;
    for (double w : weights) {
      s += w * w;
    }
    this.sumSquaredWeights = s;
    this.label = label;
  }

  static CompiledExample of(TokenizedExample e) {
    int n = 0;
    long[] ids = new long[e.length()];
    for (int i = 0; i < e.length(); i++) {
      long t = e.token(i);
      if (t != 0) {
        ids[n++] = t;
      }
    }
    ids = Arrays.copyOf(ids, n);
    Arrays.sort(ids);
    int[] rows = new int[n];
    double[] weights = new double[n];
    int distinct = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j < n && ids[j] == ids[i]) {
        j++;
      }
      rows[distinct] = Math.toIntExact(ids[i]);
      weights[distinct] = (double) (j - i) / n;
      distinct++;
      i = j;
    }
    return new CompiledExample(
        Arrays.copyOf(rows, distinct), Arrays.copyOf(weights, distinct), e.label());
  }
}
