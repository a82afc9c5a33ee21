package dev.trustml.train;

import dev.trustml.model.PositionGates;
import java.util.Arrays;

/**
 * An example reduced to what gated mean pooling sees: its distinct non-padding rows v and each
 * row's weight vector w_v = sum_{t : token_t = v} gate_t / n (n = non-padding tokens, gate_t the
 * fixed {@link PositionGates} of position t). The pooled embedding is sum_v w_v * E[v]
 * (elementwise), and the embedding gradient of the example is w_v * g in row v, so its squared norm
 * is sum_j g_j^2 s_j with s_j = sum_v w_v[j]^2 (Li et al. 2022, Sec. 4 for ghost norms; the
 * token-count form, here with gates, is what makes repeated tokens come out right).
 */
final class CompiledExample {
  /** Distinct non-padding token ids, ascending. */
  final int[] rows;

  /** Row-major [rows.length x d]: the weight vector w_v of each row. */
  final double[] weights;

  /** s_j = sum_v w_v[j]^2, length d. */
  final double[] squaredWeightSums;

  final int label;

  private CompiledExample(int[] rows, double[] weights, int d, int label) {
    this.rows = rows;
    this.weights = weights;
    this.squaredWeightSums = new double[d];
    for (int r = 0; r < rows.length; r++) {
      for (int j = 0; j < d; j++) {
        double w = weights[r * d + j];
        squaredWeightSums[j] += w * w;
      }
    }
    this.label = label;
  }

  static CompiledExample of(TokenizedExample e, int d) {
    int n = 0;
    for (int i = 0; i < e.length(); i++) {
      n += e.token(i) != 0 ? 1 : 0;
    }
    // Sort positions by token so equal tokens are adjacent; positions keep their gates.
    long[] keyed = new long[n];
    int m = 0;
    for (int i = 0; i < e.length(); i++) {
      long t = e.token(i);
      if (t != 0) {
        keyed[m++] = (t << 16) | i; // positions < 2^16 (max length is far smaller)
      }
    }
    Arrays.sort(keyed);
    int[] rows = new int[n];
    double[] weights = new double[n * d];
    int distinct = 0;
    for (int i = 0; i < n; ) {
      long token = keyed[i] >>> 16;
      int j = i;
      while (j < n && (keyed[j] >>> 16) == token) {
        int position = (int) (keyed[j] & 0xffff);
        for (int c = 0; c < d; c++) {
          weights[distinct * d + c] += (float) PositionGates.gate(position, c) / (double) n;
        }
        j++;
      }
      rows[distinct] = Math.toIntExact(token);
      distinct++;
      i = j;
    }
    return new CompiledExample(
        Arrays.copyOf(rows, distinct), Arrays.copyOf(weights, distinct * d), d, e.label());
  }
}
