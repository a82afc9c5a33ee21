package dev.trustml.train;

import java.util.Arrays;

/**
 * A (weighted) sum of gradients over a batch, in the parameters' layout. The embedding gradient is
 * stored densely but only the rows some example touched are non-zero, and they are listed, so a
 * step costs O(touched rows x D) rather than O(V x D).
 */
final class GradientSum {
  final int embeddingDim;
  final double[] embedding;
  final double[] w1;
  final double[] b1;
  final double[] w2;
  final double[] b2;
  private final boolean[] touched;
  private int[] touchedRows = new int[64];
  private int touchedCount;
  private boolean denseDirty;

  GradientSum(MlpParameters p) {
    embeddingDim = p.embeddingDim;
    embedding = new double[p.embedding.length];
    w1 = new double[p.w1.length];
    b1 = new double[p.b1.length];
    w2 = new double[p.w2.length];
    b2 = new double[p.b2.length];
    touched = new boolean[p.vocabSize];
  }

  /** Row v of the embedding gradient += a * x[xOff .. xOff+D). */
  void addToRow(int row, double a, double[] x, int xOff) {
    markTouched(row);
    Vec.axpy(a, x, xOff, embedding, row * embeddingDim, embeddingDim);
  }

  /** Adds {@code a * w * x} (elementwise w, x) to embedding row {@code row}. */
  void addToRowGated(int row, double a, double[] w, int wOff, double[] x, int xOff) {
    markTouched(row);
    int base = row * embeddingDim;
    for (int j = 0; j < embeddingDim; j++) {
      embedding[base + j] += a * w[wOff + j] * x[xOff + j];
    }
  }

  void markTouched(int row) {
    if (!touched[row]) {
      touched[row] = true;
      if (touchedCount == touchedRows.length) {
        touchedRows = Arrays.copyOf(touchedRows, touchedCount * 2);
      }
      touchedRows[touchedCount++] = row;
    }
  }

  /** Number of embedding rows with a (possibly) non-zero gradient. */
  int touchedCount() {
    return touchedCount;
  }

  /** The i-th touched row, in the order rows were first touched. */
  int touchedRow(int i) {
    return touchedRows[i];
  }

  /** Records that the whole embedding gradient array was written (eager noise). */
  void markDenseDirty() {
    denseDirty = true;
  }

  /** Back to zero. */
  void clear() {
    Arrays.fill(w1, 0);
    Arrays.fill(b1, 0);
    Arrays.fill(w2, 0);
    Arrays.fill(b2, 0);
    if (denseDirty) {
      Arrays.fill(embedding, 0);
      denseDirty = false;
    } else {
      for (int i = 0; i < touchedCount; i++) {
        int off = touchedRows[i] * embeddingDim;
        Arrays.fill(embedding, off, off + embeddingDim, 0);
      }
    }
    for (int i = 0; i < touchedCount; i++) {
      touched[touchedRows[i]] = false;
    }
    touchedCount = 0;
  }
}
