package dev.trustml.scoring;

import dev.trustml.model.TokenBatch;
import dev.trustml.model.tokenize.Tokenizer;
import java.util.Arrays;

/**
 * A reusable buffer of up to {@code capacity} rows read and tokenised but not yet scored. The
 * reading side fills it and calls {@link #seal()}; the scoring side reads it and calls {@link
 * #clear()}; the pipeline recycles a few of these, so memory does not grow with the file.
 */
final class TokenizedBatch {
  private final int capacity;
  private final int maxLength;

  /** Row i's ids at {@code [i * maxLength, i * maxLength + lengths[i])}. */
  private final long[] staging;

  private final int[] lengths;
  final long[] rows;
  final String[] texts;
  final int[] labels;
  private int size;
  private TokenBatch tokens;

  TokenizedBatch(int capacity, int maxLength) {
    this.capacity = capacity;
    this.maxLength = maxLength;
    this.staging = new long[Math.multiplyExact(capacity, maxLength)];
    this.lengths = new int[capacity];
    this.rows = new long[capacity];
    this.texts = new String[capacity];
    this.labels = new int[capacity];
  }

  boolean isFull() {
    return size == capacity;
  }

  int size() {
    return size;
  }

  /** Appends one row, tokenising its text with {@code tokenizer}. */
  void add(long row, String text, int label, Tokenizer tokenizer) {
    lengths[size] = tokenizer.encodeInto(text, maxLength, staging, size * maxLength);
    rows[size] = row;
    texts[size] = text;
    labels[size] = label;
    size++;
  }

  /** Pads the rows to the longest (at least 1 id, as {@link TokenBatch#of} does). */
  void seal() {
    int length = 1;
    for (int i = 0; i < size; i++) {
      length = Math.max(length, lengths[i]);
    }
    long[] ids = new long[size * length];
    for (int i = 0; i < size; i++) {
      System.arraycopy(staging, i * maxLength, ids, i * length, lengths[i]);
    }
    tokens = new TokenBatch(ids, size, length);
  }

  /** The padded ids; {@link #seal()} first. */
  TokenBatch tokens() {
    return tokens;
  }

  /** Empties the buffer for reuse and drops its references to texts. */
  void clear() {
    Arrays.fill(texts, 0, size, null);
    size = 0;
    tokens = null;
  }
}
