package dev.trustml.canary;

import dev.trustml.data.LabeledText;
import java.util.Arrays;
import java.util.List;

/**
 * Where canary copies go in a data set of a given size, for writers that stream rows: before
 * original row i emit {@link #insertionsBefore(long) insertionsBefore(i)}, then row i; after the
 * last row emit {@code insertionsBefore(originalRows)}. Every interleaving of the canary copies
 * with the original rows is equally likely; the original rows keep their order.
 */
public final class PlantingSchedule {
  private final long originalRows;
  private final List<PlantedCanary> canaries;
  private final long[] before;
  private final LabeledText[] rows;

  PlantingSchedule(
      long originalRows, List<PlantedCanary> canaries, long[] before, LabeledText[] rows) {
    this.originalRows = originalRows;
    this.canaries = List.copyOf(canaries);
    this.before = before;
    this.rows = rows;
  }

  /** Number of rows in the original data set. */
  public long originalRows() {
    return originalRows;
  }

  /** Total canary copies inserted. */
  public int insertedRows() {
    return rows.length;
  }

  /** The canaries with their drawn secrets, in the order of the specs. */
  public List<PlantedCanary> canaries() {
    return canaries;
  }

  /** Canary rows to emit just before original row {@code row} (0 to originalRows inclusive). */
  public List<LabeledText> insertionsBefore(long row) {
    if (row < 0 || row > originalRows) {
      throw new IndexOutOfBoundsException("row " + row + " outside [0, " + originalRows + "]");
    }
    int from = firstIndexAtLeast(row);
    int to = firstIndexAtLeast(row + 1);
    return List.of(Arrays.copyOfRange(rows, from, to));
  }

  private int firstIndexAtLeast(long row) {
    int lo = 0;
    int hi = before.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (before[mid] < row) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
