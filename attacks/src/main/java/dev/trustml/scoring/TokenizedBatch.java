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
  private final long padId;
  private final int fixedLength;

  /** Row i's ids at {@code [i * maxLength, i * maxLength + lengths[i])}. */
  private final long[] staging;

  /** Row i's segment ids, laid out as {@link #staging}; null when the tokenizer has none. */
  private final long[] stagingTypes;

  private final int[] lengths;
  final long[] rows;
  final String[] texts;
  final int[] labels;
  private int size;
  private TokenBatch tokens;

  /**
   * @param padId the id padding positions get (the card's padding id)
   * @param fixedLength pad every row to this length, or 0 to pad to the batch's longest row
   * @param typeIds whether to keep the tokenizer's segment ids
   */
  TokenizedBatch(int capacity, int maxLength, long padId, int fixedLength, boolean typeIds) {
    this.capacity = capacity;
    this.maxLength = maxLength;
    this.padId = padId;
    this.fixedLength = fixedLength;
    this.staging = new long[Math.multiplyExact(capacity, maxLength)];
    this.stagingTypes = typeIds ? new long[staging.length] : null;
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
    int offset = size * maxLength;
    lengths[size] =
        stagingTypes == null
            ? tokenizer.encodeInto(text, maxLength, staging, offset)
            : tokenizer.encodeInto(text, maxLength, staging, stagingTypes, offset);
    rows[size] = row;
    texts[size] = text;
    labels[size] = label;
    size++;
  }

  /**
   * Pads the rows with the padding id to the longest (at least 1 id, as {@link TokenBatch#pad}
   * does) or to the fixed length.
   */
  void seal() {
    int length = 1;
    for (int i = 0; i < size; i++) {
      length = Math.max(length, lengths[i]);
    }
    if (fixedLength > 0) {
      length = Math.max(length, fixedLength);
    }
    long[] ids = new long[size * length];
    long[] mask = new long[ids.length];
    long[] types = stagingTypes == null ? null : new long[ids.length];
    if (padId != 0) {
      Arrays.fill(ids, padId);
    }
    for (int i = 0; i < size; i++) {
      System.arraycopy(staging, i * maxLength, ids, i * length, lengths[i]);
      Arrays.fill(mask, i * length, i * length + lengths[i], 1L);
      if (types != null) {
        System.arraycopy(stagingTypes, i * maxLength, types, i * length, lengths[i]);
      }
    }
    tokens = new TokenBatch(ids, mask, types, size, length);
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
