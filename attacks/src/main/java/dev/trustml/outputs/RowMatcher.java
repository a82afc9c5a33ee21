package dev.trustml.outputs;

import java.util.Arrays;

/**
 * Finds the row of one list that a row of another stands for (e.g. the audited model's row for a
 * row of a reference model's file, or a file's row for an audit row): by key (identity and label),
 * and among rows with the same key (a row repeated) in order of appearance. Each position is handed
 * out once.
 */
public final class RowMatcher {
  private final long[] sortedKeys;
  private final int[] positions;
  private final int[] used;

  /**
   * @param keys the rows looked up, by position
   */
  public RowMatcher(long[] keys) {
    Integer[] order = new Integer[keys.length];
    Arrays.setAll(order, i -> i);
    // Stable: equal keys stay in position order.
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    sortedKeys = new long[keys.length];
    positions = new int[keys.length];
    for (int i = 0; i < keys.length; i++) {
      positions[i] = order[i];
      sortedKeys[i] = keys[order[i]];
    }
    used = new int[keys.length];
  }

  /** The next unmatched position with {@code key}, or -1 when there is none (left). */
  public int next(long key) {
    int first = firstIndex(key);
    if (first < 0) {
      return -1;
    }
    int i = first + used[first];
    if (i >= sortedKeys.length || sortedKeys[i] != key) {
      return -1;
    }
    used[first]++;
    return positions[i];
  }

  /** A position no row was matched to, or -1 when every position was. */
  public int firstUnmatched() {
    int lowest = -1;
    for (int i = 0; i < sortedKeys.length; ) {
      int end = i;
      while (end < sortedKeys.length && sortedKeys[end] == sortedKeys[i]) {
        end++;
      }
      if (i + used[i] < end) {
        int p = positions[i + used[i]];
        lowest = lowest < 0 ? p : Math.min(lowest, p);
      }
      i = end;
    }
    return lowest;
  }

  private int firstIndex(long key) {
    int i = Arrays.binarySearch(sortedKeys, key);
    if (i < 0) {
      return -1;
    }
    while (i > 0 && sortedKeys[i - 1] == key) {
      i--;
    }
    return i;
  }
}
