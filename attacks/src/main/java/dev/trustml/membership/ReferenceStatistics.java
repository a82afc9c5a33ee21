package dev.trustml.membership;

/**
 * Per-row mean and spread of a signal over the reference models that trained on the row (IN) and
 * those that did not (OUT), plus the same pooled over all rows.
 *
 * <p>Computed in one streaming pass per model with Welford updates, so memory is three numbers per
 * row and side regardless of the number of reference models (no {@code m x n} signal matrix).
 */
final class ReferenceStatistics {
  /** A per-row signal of one model's outputs. */
  @FunctionalInterface
  interface RowSignal {
    double value(ModelOutputs outputs, int row);
  }

  private final Side in;
  private final Side out;

  private ReferenceStatistics(Side in, Side out) {
    this.in = in;
    this.out = out;
  }

  /** Statistics of {@code signal} on the audit rows, split by each model's IN/OUT flag. */
  static ReferenceStatistics of(ReferenceOutputs references, RowSignal signal) {
    int n = references.numRows();
    Side in = new Side(n);
    Side out = new Side(n);
    for (int j = 0; j < references.numModels(); j++) {
      ModelOutputs model = references.model(j);
      for (int row = 0; row < n; row++) {
        double v = signal.value(model, row);
        (references.isIn(j, row) ? in : out).add(row, v);
      }
    }
    return new ReferenceStatistics(in, out);
  }

  Side in() {
    return in;
  }

  Side out() {
    return out;
  }

  /** Running moments of one side (IN or OUT) for every row, and pooled over rows. */
  static final class Side {
    private final int[] count;
    private final double[] mean;
    private final double[] m2;
    private final Welford pooled = new Welford();

    Side(int numRows) {
      count = new int[numRows];
      mean = new double[numRows];
      m2 = new double[numRows];
    }

    void add(int row, double x) {
      int c = ++count[row];
      double delta = x - mean[row];
      mean[row] += delta / c;
      m2[row] += delta * (x - mean[row]);
      pooled.add(x);
    }

    int count(int row) {
      return count[row];
    }

    double mean(int row) {
      return mean[row];
    }

    /** Population standard deviation of the row's values ({@code numpy.std}); 0 if < 2 values. */
    double sd(int row) {
      return count[row] < 2 ? 0.0 : Math.sqrt(m2[row] / count[row]);
    }

    /** Number of values over all rows. */
    long pooledCount() {
      return pooled.count();
    }

    /** Standard deviation of all values of this side over all rows and models. */
    double pooledSd() {
      return pooled.sd();
    }

    /** Lowest row index with no value, or -1. */
    int firstEmptyRow() {
      for (int row = 0; row < count.length; row++) {
        if (count[row] == 0) {
          return row;
        }
      }
      return -1;
    }
  }
}
