package dev.trustml.train;

import dev.trustml.scoring.Softmax;

/**
 * Forward and backward pass over a batch, keeping for each example the inputs and output gradients
 * of every layer:
 *
 * <pre>
 *   a0 = pooled embedding (D)   z1 = W1 a0 + b1,  a1 = relu(z1) (H)   z2 = W2 a1 + b2 (K)
 *   d2 = dL/dz2 = softmax(z2) - onehot(y)      d1 = dL/dz1 = (W2^T d2) * [z1 &gt; 0]
 *   g  = dL/da0 = W1^T d1
 * </pre>
 *
 * From these, each example's gradient of a linear layer is the outer product d a^T, whose squared
 * Frobenius norm is ||d||^2 ||a||^2 (plus ||d||^2 for the bias) - Goodfellow 2015, "Efficient
 * per-example gradient computations", Eq. for fully connected layers; Li et al. 2022, Sec. 4 - and
 * the embedding gradient's squared norm is ||g||^2 * sum_v (count(v)/n)^2 ({@link
 * CompiledExample}). {@link #accumulate} is then the single backward pass of sum_i c_i L_i. Not
 * thread-safe; one per training run.
 */
final class BatchPass {
  private final MlpParameters p;
  private final int d;
  private final int h;
  private final int k;
  private int capacity;
  private double[] pooled;
  private double[] hidden;
  private double[] delta2;
  private double[] delta1;
  private double[] pooledGrad;
  private final double[] logits;

  BatchPass(MlpParameters p, int initialCapacity) {
    this.p = p;
    this.d = p.embeddingDim;
    this.h = p.hiddenDim;
    this.k = p.numClasses;
    this.logits = new double[k];
    ensureCapacity(Math.max(1, initialCapacity));
  }

  private void ensureCapacity(int b) {
    if (b <= capacity) {
      return;
    }
    capacity = Math.max(b, capacity * 2);
    pooled = new double[capacity * d];
    hidden = new double[capacity * h];
    delta2 = new double[capacity * k];
    delta1 = new double[capacity * h];
    pooledGrad = new double[capacity * d];
  }

  /** Runs forward and backward for {@code batch[0 .. size)}; results are indexed by position. */
  void run(CompiledExample[] examples, int[] batch, int size) {
    ensureCapacity(size);
    for (int i = 0; i < size; i++) {
      forwardBackward(examples[batch[i]], i);
    }
  }

  private void forwardBackward(CompiledExample e, int i) {
    int a0 = i * d;
    int a1 = i * h;
    int o2 = i * k;
    java.util.Arrays.fill(pooled, a0, a0 + d, 0);
    for (int r = 0; r < e.rows.length; r++) {
      Vec.mulAdd(e.weights, r * d, p.embedding, e.rows[r] * d, pooled, a0, d);
    }
    for (int j = 0; j < h; j++) {
      double z = p.b1[j] + Vec.dot(p.w1, j * d, pooled, a0, d);
      hidden[a1 + j] = z > 0 ? z : 0;
    }
    for (int c = 0; c < k; c++) {
      logits[c] = p.b2[c] + Vec.dot(p.w2, c * h, hidden, a1, h);
    }
    Softmax.probabilitiesInPlace(logits, 0, k);
    for (int c = 0; c < k; c++) {
      delta2[o2 + c] = logits[c] - (c == e.label ? 1 : 0);
    }
    java.util.Arrays.fill(delta1, a1, a1 + h, 0);
    for (int c = 0; c < k; c++) {
      Vec.axpy(delta2[o2 + c], p.w2, c * h, delta1, a1, h);
    }
    for (int j = 0; j < h; j++) {
      if (hidden[a1 + j] <= 0) {
        delta1[a1 + j] = 0;
      }
    }
    java.util.Arrays.fill(pooledGrad, a0, a0 + d, 0);
    for (int j = 0; j < h; j++) {
      double dj = delta1[a1 + j];
      if (dj != 0) {
        Vec.axpy(dj, p.w1, j * d, pooledGrad, a0, d);
      }
    }
  }

  /**
   * Squared L2 norm of example i's gradient over all parameters, in closed form (ghost norm):
   * ||d2||^2 (||a1||^2 + 1) + ||d1||^2 (||a0||^2 + 1) + sum_j g_j^2 s_j (see {@link
   * CompiledExample}).
   */
  double ghostSquaredNorm(CompiledExample e, int i) {
    double d2 = Vec.squaredNorm(delta2, i * k, k);
    double a1 = Vec.squaredNorm(hidden, i * h, h);
    double d1 = Vec.squaredNorm(delta1, i * h, h);
    double a0 = Vec.squaredNorm(pooled, i * d, d);
    double emb = 0;
    for (int j = 0; j < d; j++) {
      double gj = pooledGrad[i * d + j];
      emb += gj * gj * e.squaredWeightSums[j];
    }
    return d2 * (a1 + 1) + d1 * (a0 + 1) + emb;
  }

  /**
   * Adds sum_i coeff[i] * grad L_i to {@code out}: the gradient of sum_i coeff_i L_i with the
   * coefficients held constant - one backward pass, whatever the coefficients are (1/B for plain
   * SGD, the clip factors for DP-SGD).
   */
  void accumulate(
      CompiledExample[] examples, int[] batch, int size, double[] coeff, GradientSum out) {
    for (int i = 0; i < size; i++) {
      double c = coeff[i];
      if (c == 0) {
        continue;
      }
      int a0 = i * d;
      int a1 = i * h;
      int o2 = i * k;
      for (int cl = 0; cl < k; cl++) {
        double dc = c * delta2[o2 + cl];
        out.b2[cl] += dc;
        Vec.axpy(dc, hidden, a1, out.w2, cl * h, h);
      }
      for (int j = 0; j < h; j++) {
        double dj = c * delta1[a1 + j];
        if (dj != 0) {
          out.b1[j] += dj;
          Vec.axpy(dj, pooled, a0, out.w1, j * d, d);
        }
      }
      CompiledExample e = examples[batch[i]];
      for (int r = 0; r < e.rows.length; r++) {
        out.addToRowGated(e.rows[r], c, e.weights, r * d, pooledGrad, a0);
      }
    }
  }
}
