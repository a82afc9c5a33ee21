package dev.trustml.audit;

import dev.trustml.scoring.ScoredExample;
import java.util.Arrays;

/**
 * Model outputs for the audit rows, columnar and lean (a million rows with two classes take about
 * 30 MB): row numbers, membership, labels, row keys, logits, and optionally the texts (kept only
 * when reference models must be trained on them).
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

  /** Rows whose key appears both among members and non-members. */
  public long overlapCount() {
    long[] m = new long[size];
    long[] n = new long[size];
    int mi = 0;
    int ni = 0;
    for (int i = 0; i < size; i++) {
      if (member[i]) {
        m[mi++] = keys[i];
      } else {
        n[ni++] = keys[i];
      }
    }
    long[] ms = Arrays.copyOf(m, mi);
    long[] ns = Arrays.copyOf(n, ni);
    Arrays.sort(ms);
    Arrays.sort(ns);
    long overlap = 0;
    for (long k : ns) {
      if (Arrays.binarySearch(ms, k) >= 0) {
        overlap++;
      }
    }
    return overlap;
  }
}
