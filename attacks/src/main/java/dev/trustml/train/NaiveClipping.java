package dev.trustml.train;

import dev.trustml.model.PositionGates;
import dev.trustml.scoring.Softmax;
import java.util.Arrays;

/**
 * The reference DP-SGD clipping: one example at a time, backpropagate its loss into a full,
 * parameter-shaped gradient (the embedding part a dense V x D matrix, as PyTorch's default {@code
 * nn.Embedding} produces), take the L2 norm over everything, scale by min(1, C / norm) and add.
 * Written straight from the definition - its own forward pass over the raw token list, one
 * embedding update per token occurrence - so that it checks {@link BatchPass}'s closed forms rather
 * than sharing their assumptions. Cost O(V x D) per example, which is the point of the benchmark.
 * Not thread-safe.
 */
final class NaiveClipping {
  /** The gate as libtorch sees it (stored as float32 in the model). */
  private static double gate(int position, int j) {
    return (float) PositionGates.gate(position, j);
  }

  private final MlpParameters p;
  private final int d;
  private final int h;
  private final int k;
  private final double[] gEmbedding;
  private final double[] gW1;
  private final double[] gB1;
  private final double[] gW2;
  private final double[] gB2;
  private final double[] pooled;
  private final double[] hidden;
  private final double[] delta2;
  private final double[] delta1;
  private final double[] pooledGrad;

  NaiveClipping(MlpParameters p) {
    this.p = p;
    d = p.embeddingDim;
    h = p.hiddenDim;
    k = p.numClasses;
    gEmbedding = new double[p.embedding.length];
    gW1 = new double[p.w1.length];
    gB1 = new double[p.b1.length];
    gW2 = new double[p.w2.length];
    gB2 = new double[p.b2.length];
    pooled = new double[d];
    hidden = new double[h];
    delta2 = new double[k];
    delta1 = new double[h];
    pooledGrad = new double[d];
  }

  /** Materialises the gradient of example e's loss; returns its squared L2 norm. */
  double computeGradient(TokenizedExample e) {
    Arrays.fill(gEmbedding, 0);
    Arrays.fill(gW1, 0);
    Arrays.fill(gB1, 0);
    Arrays.fill(gW2, 0);
    Arrays.fill(gB2, 0);
    Arrays.fill(pooled, 0);
    int n = 0;
    for (int t = 0; t < e.length(); t++) {
      int id = (int) e.token(t);
      if (id != 0) {
        n++;
        for (int j = 0; j < d; j++) {
          pooled[j] += p.embedding[id * d + j] * gate(t, j);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      pooled[j] /= Math.max(n, 1);
    }
    double[] z1 = new double[h];
    for (int i = 0; i < h; i++) {
      double s = p.b1[i];
      for (int j = 0; j < d; j++) {
        s += p.w1[i * d + j] * pooled[j];
      }
      z1[i] = s;
      hidden[i] = Math.max(0, s);
    }
    double[] z2 = new double[k];
    for (int c = 0; c < k; c++) {
      double s = p.b2[c];
      for (int i = 0; i < h; i++) {
        s += p.w2[c * h + i] * hidden[i];
      }
      z2[c] = s;
    }
    Softmax.probabilitiesInPlace(z2, 0, k);
    for (int c = 0; c < k; c++) {
      delta2[c] = z2[c] - (c == e.label() ? 1 : 0);
    }
    for (int c = 0; c < k; c++) {
      gB2[c] = delta2[c];
      for (int i = 0; i < h; i++) {
        gW2[c * h + i] = delta2[c] * hidden[i];
      }
    }
    for (int i = 0; i < h; i++) {
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += p.w2[c * h + i] * delta2[c];
      }
      delta1[i] = z1[i] > 0 ? s : 0;
      gB1[i] = delta1[i];
      for (int j = 0; j < d; j++) {
        gW1[i * d + j] = delta1[i] * pooled[j];
      }
    }
    for (int j = 0; j < d; j++) {
      double s = 0;
      for (int i = 0; i < h; i++) {
        s += p.w1[i * d + j] * delta1[i];
      }
      pooledGrad[j] = s;
    }
    for (int t = 0; t < e.length(); t++) {
      int id = (int) e.token(t);
      if (id != 0) {
        for (int j = 0; j < d; j++) {
          gEmbedding[id * d + j] += pooledGrad[j] * gate(t, j) / n;
        }
      }
    }
    return sumOfSquares(gEmbedding)
        + sumOfSquares(gW1)
        + sumOfSquares(gB1)
        + sumOfSquares(gW2)
        + sumOfSquares(gB2);
  }

  /**
   * Adds c times the gradient last computed for {@code e} to {@code out}. Only the rows of e's
   * tokens can be non-zero, so only they are copied and marked.
   */
  void addScaled(TokenizedExample e, double c, GradientSum out) {
    Vec.axpy(c, gW1, 0, out.w1, 0, gW1.length);
    Vec.axpy(c, gB1, 0, out.b1, 0, gB1.length);
    Vec.axpy(c, gW2, 0, out.w2, 0, gW2.length);
    Vec.axpy(c, gB2, 0, out.b2, 0, gB2.length);
    boolean[] done = new boolean[p.vocabSize];
    for (int t = 0; t < e.length(); t++) {
      int id = (int) e.token(t);
      if (id != 0 && !done[id]) {
        done[id] = true;
        out.addToRow(id, c, gEmbedding, id * d);
      }
    }
  }

  /** The full gradient last computed, flattened in parameter order (for tests). */
  double[] lastGradientFlat() {
    double[] out =
        new double[gEmbedding.length + gW1.length + gB1.length + gW2.length + gB2.length];
    int o = 0;
    for (double[] a : new double[][] {gEmbedding, gW1, gB1, gW2, gB2}) {
      System.arraycopy(a, 0, out, o, a.length);
      o += a.length;
    }
    return out;
  }

  private static double sumOfSquares(double[] a) {
    double s = 0;
    for (double x : a) {
      s += x * x;
    }
    return s;
  }
}
