package dev.trustml.audit;

import dev.trustml.data.RowKey;
import java.util.Arrays;
import java.util.List;

/**
 * The rows an audit is about, in audit order: where each came from (its 1-based data row), its
 * text-and-label fingerprint ({@link RowKey}), its label, whether the audited model trained on it,
 * and optionally its text (kept only when reference models must be trained or scored on it, or the
 * outputs are exported). Never the model's outputs: those are {@link
 * dev.trustml.membership.ModelOutputs}.
 *
 * <p>Immutable: the arrays are copied in and out.
 */
public final class AuditRows {
  private final List<String> labelNames;
  private final long[] rowNumbers;
  private final long[] keys;
  private final int[] labels;
  private final boolean[] isMember;
  private final String[] texts;

  /**
   * @param labelNames the label set, indexed by {@code labels}
   * @param rowNumbers each row's 1-based data row in the file it came from
   * @param keys each row's fingerprint; rows with equal keys are one row repeated
   * @param labels each row's label index
   * @param isMember whether the audited model trained on each row
   * @param texts each row's text, or null when the texts were not kept
   */
  public AuditRows(
      List<String> labelNames,
      long[] rowNumbers,
      long[] keys,
      int[] labels,
      boolean[] isMember,
      String[] texts) {
    int n = rowNumbers.length;
    if (keys.length != n
        || labels.length != n
        || isMember.length != n
        || (texts != null && texts.length != n)) {
      throw new IllegalArgumentException("audit rows need one entry per row in every array");
    }
    this.labelNames = List.copyOf(labelNames);
    this.rowNumbers = rowNumbers.clone();
    this.keys = keys.clone();
    this.labels = labels.clone();
    this.isMember = isMember.clone();
    this.texts = texts == null ? null : texts.clone();
  }

  public int size() {
    return rowNumbers.length;
  }

  public List<String> labelNames() {
    return labelNames;
  }

  public long[] rowNumbers() {
    return rowNumbers.clone();
  }

  public long[] keys() {
    return keys.clone();
  }

  public int[] labels() {
    return labels.clone();
  }

  public boolean[] isMember() {
    return isMember.clone();
  }

  /** Whether the texts were kept. */
  public boolean hasTexts() {
    return texts != null;
  }

  /** The texts, or null when they were not kept. */
  public String[] texts() {
    return texts == null ? null : texts.clone();
  }

  /** Rows the audited model trained on. */
  public long members() {
    long count = 0;
    for (boolean m : isMember) {
      count += m ? 1 : 0;
    }
    return count;
  }

  /** Rows it did not train on. */
  public long nonMembers() {
    return size() - members();
  }

  /** Rows whose key appears both among members and non-members (a row cannot be both). */
  public long overlapCount() {
    long[] members = select(true);
    long[] nonMembers = select(false);
    Arrays.sort(members);
    long overlap = 0;
    for (long k : nonMembers) {
      if (Arrays.binarySearch(members, k) >= 0) {
        overlap++;
      }
    }
    return overlap;
  }

  /** Rows of {@code other} whose key is also a key of these rows. */
  public long sharedWith(AuditRows other) {
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    long shared = 0;
    for (long k : other.keys) {
      if (Arrays.binarySearch(sorted, k) >= 0) {
        shared++;
      }
    }
    return shared;
  }

  private long[] select(boolean member) {
    long[] out = new long[keys.length];
    int count = 0;
    for (int i = 0; i < keys.length; i++) {
      if (isMember[i] == member) {
        out[count++] = keys[i];
      }
    }
    return Arrays.copyOf(out, count);
  }
}
