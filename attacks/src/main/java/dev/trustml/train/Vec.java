package dev.trustml.train;

/**
 * The few dense loops training spends its time in. Plain indexed loops the JIT vectorises; the dot
 * product keeps four partial sums in a fixed order, so results are deterministic.
 */
final class Vec {
  private Vec() {}

  /** y[yOff + i] += a * x[xOff + i] for i in [0, n). */
  /** y[yOff + i] += w[wOff + i] * x[xOff + i]. */
  static void mulAdd(double[] w, int wOff, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += w[wOff + i] * x[xOff + i];
    }
  }

  static void axpy(double a, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += a * x[xOff + i];
    }
  }

  /** sum_i x[xOff + i] * y[yOff + i]. */
  static double dot(double[] x, int xOff, double[] y, int yOff, int n) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += x[xOff + i] * y[yOff + i];
      s1 += x[xOff + i + 1] * y[yOff + i + 1];
      s2 += x[xOff + i + 2] * y[yOff + i + 2];
      s3 += x[xOff + i + 3] * y[yOff + i + 3];
    }
    for (; i < n; i++) {
      s0 += x[xOff + i] * y[yOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Squared L2 norm of x[off .. off+n). */
  static double squaredNorm(double[] x, int off, int n) {
    return dot(x, off, x, off, n);
  }
}
