package dev.trustml.audit;

import dev.trustml.data.RowKey;
import dev.trustml.scoring.ScoredExample;
import java.util.Arrays;
import java.util.List;

/**
 * Collects scored rows as the target's outputs stream in, columnar and lean (a million rows with
 * two classes take about 30 MB): row numbers, membership, labels, row keys, logits, and optionally
 * the texts (kept only when reference models must be trained on them or the outputs are exported).
 */
public final class ScoredRows {
  private final int numClasses;
  private final boolean keepTexts;
  private int size;
  private long[] rows = new long[1024];
  private boolean[] member = new boolean[1024];
  private int[] labels = new int[1024];
  private long[] keys = new long[1024];
  private float[] logits;
  private String[] texts;

  public ScoredRows(int numClasses, boolean keepTexts) {
    this.numClasses = numClasses;
    this.keepTexts = keepTexts;
    this.logits = new float[1024 * numClasses];
    this.texts = keepTexts ? new String[1024] : null;
  }

  /** Appends one scored example from the member or the non-member file. */
  public void add(ScoredExample e, boolean isMember, String labelName) {
    if (size == rows.length) {
      int cap = size * 2;
      rows = Arrays.copyOf(rows, cap);
      member = Arrays.copyOf(member, cap);
      labels = Arrays.copyOf(labels, cap);
      keys = Arrays.copyOf(keys, cap);
      logits = Arrays.copyOf(logits, cap * numClasses);
      if (keepTexts) {
        texts = Arrays.copyOf(texts, cap);
      }
    }
    rows[size] = e.row();
    member[size] = isMember;
    labels[size] = e.label();
    keys[size] = RowKey.of(e.text(), labelName);
    System.arraycopy(e.logits(), 0, logits, size * numClasses, numClasses);
    if (keepTexts) {
      texts[size] = e.text();
    }
    size++;
  }

  public int size() {
    return size;
  }

  public int numClasses() {
    return numClasses;
  }

  public long[] rowNumbers() {
    return Arrays.copyOf(rows, size);
  }

  public boolean[] isMember() {
    return Arrays.copyOf(member, size);
  }

  public int[] labels() {
    return Arrays.copyOf(labels, size);
  }

  public long[] keys() {
    return Arrays.copyOf(keys, size);
  }

  /** Row-major {@code size x numClasses}. */
  public float[] logits() {
    return Arrays.copyOf(logits, size * numClasses);
  }

  /** The texts, or null when they were not kept. */
  public String[] texts() {
    return keepTexts ? Arrays.copyOf(texts, size) : null;
  }

  /** The rows without their outputs, with {@code labelNames} as the label set. */
  public AuditRows rows(List<String> labelNames) {
    return new AuditRows(labelNames, rowNumbers(), keys(), labels(), isMember(), texts());
  }
}
