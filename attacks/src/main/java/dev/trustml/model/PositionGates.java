package dev.trustml.model;

/**
 * Fixed (not trained) multiplicative position gates applied to token embeddings before pooling.
 *
 * <p>Why: a plain mean of embeddings is blind to word order, so "my pin code is 4 8 2 1" and "... 1
 * 2 8 4" would score identically and no attack could tell a secret from its permutations. Scaling
 * each position's embedding by a position-dependent gate (after the sinusoidal encodings of Vaswani
 * et al. 2017, used multiplicatively) makes the pooled vector depend on order while keeping the
 * model a bag of gated embeddings whose per-example gradient norms stay cheap for DP-SGD. The gates
 * are a deterministic function of (position, dimension), stored in the model file so libtorch and
 * plain Java agree; they carry no data, so they need no privacy noise.
 *
 * <p>{@code gate(t, j) = 1 + 0.5 sin((t + 1) theta_j)}, {@code theta_j = 2 pi frac((j + 1) phi)},
 * with phi the golden ratio conjugate so that no two positions share all gates.
 */
public final class PositionGates {
  private static final double PHI = 0.6180339887498949;

  private PositionGates() {}

  /** The gate of dimension {@code j} at position {@code t} (0-based). */
  public static double gate(int t, int j) {
    double frac = ((j + 1) * PHI) % 1.0;
    return 1 + 0.5 * Math.sin((t + 1) * 2 * Math.PI * frac);
  }

  /** The table {@code [maxLength, dim]}, row-major, as stored in the model. */
  public static float[] table(int maxLength, int dim) {
    float[] g = new float[maxLength * dim];
    for (int t = 0; t < maxLength; t++) {
      for (int j = 0; j < dim; j++) {
        g[t * dim + j] = (float) gate(t, j);
      }
    }
    return g;
  }
}
