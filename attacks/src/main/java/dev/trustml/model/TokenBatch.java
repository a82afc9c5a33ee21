package dev.trustml.model;

/**
 * Token ids of a batch, padded with 0 to the longest row, row-major.
 *
 * @param ids rows x length ids
 * @param rows number of examples
 * @param length tokens per row after padding (at least 1)
 */
public record TokenBatch(long[] ids, int rows, int length) {
  public TokenBatch {
    if (ids.length != (long) rows * length) {
      throw new IllegalArgumentException("ids do not fill rows x length");
    }
  }

  /** Pads ragged rows to a rectangle. */
  public static TokenBatch of(long[][] rows) {
    int length = 1;
    for (long[] r : rows) {
      length = Math.max(length, r.length);
    }
    long[] ids = new long[rows.length * length];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, ids, i * length, rows[i].length);
    }
    return new TokenBatch(ids, rows.length, length);
  }
}
