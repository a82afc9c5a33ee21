package dev.trustml.membership;

import dev.trustml.model.tokenize.Tokenizer;
import java.util.Arrays;

/**
 * How a bundle's vocabulary covers each audit row's text: the row's tokens, how many of them are
 * the unknown token, and how rare its rarest known token is. Three numbers per row; no text is
 * kept.
 *
 * <p>A vocabulary built from the training rows in the clear contains every word of every member
 * (down to the builder's minimum count), so members have fewer unknown words than non-members; a
 * public vocabulary knows nothing about who was trained on.
 */
public final class VocabularyCoverage {
  private final int[] tokens;
  private final int[] unknown;
  private final float[] rarest;

  /**
   * @param tokens tokens of each row's text
   * @param unknown of them, unknown tokens
   * @param rarest the rarest known token's id over the vocabulary size, in [0, 1]
   */
  public VocabularyCoverage(int[] tokens, int[] unknown, float[] rarest) {
    if (tokens.length != unknown.length || tokens.length != rarest.length) {
      throw new IllegalArgumentException("tokens, unknown and rarest need one entry per row");
    }
    for (int i = 0; i < tokens.length; i++) {
      if (unknown[i] < 0 || unknown[i] > tokens[i] || !(rarest[i] >= 0 && rarest[i] <= 1)) {
        throw new IllegalArgumentException(
            "row "
                + i
                + ": need 0 <= unknown <= tokens and rarest in [0, 1], got "
                + unknown[i]
                + ", "
                + tokens[i]
                + ", "
                + rarest[i]);
      }
    }
    this.tokens = tokens.clone();
    this.unknown = unknown.clone();
    this.rarest = rarest.clone();
  }

  /**
   * A builder that tokenises rows with {@code tokenizer}, or null when the tokenizer has no unknown
   * token (every text is covered, so coverage says nothing).
   */
  public static Builder builder(Tokenizer tokenizer) {
    return tokenizer.unknownTokenId() < 0 ? null : new Builder(tokenizer);
  }

  /** Rows covered. */
  public int numRows() {
    return tokens.length;
  }

  /** Tokens of the row's text. */
  public int tokens(int row) {
    return tokens[row];
  }

  /** Of them, unknown tokens. */
  public int unknown(int row) {
    return unknown[row];
  }

  /**
   * The largest id among the row's known tokens over the vocabulary size; 0 when it has none.
   * Vocabularies list tokens most frequent first (trustml's builder, BERT's WordPiece), so a high
   * value means the row holds a rare token.
   */
  public double rarest(int row) {
    return rarest[row];
  }

  /** The share of the row's tokens that are unknown (0 for a row without tokens). */
  public double unknownShare(int row) {
    return tokens[row] == 0 ? 0.0 : (double) unknown[row] / tokens[row];
  }

  /** The largest token count of any row (0 without rows). */
  public int maxTokens() {
    int max = 0;
    for (int t : tokens) {
      max = Math.max(max, t);
    }
    return max;
  }

  /** Tokenises rows one at a time, as the audit streams its files. Not thread-safe. */
  public static final class Builder {
    private final Tokenizer tokenizer;
    private final long unknownId;
    private final double vocabularySize;
    private int size;
    private int[] tokens = new int[1024];
    private int[] unknown = new int[1024];
    private float[] rarest = new float[1024];

    private Builder(Tokenizer tokenizer) {
      this.tokenizer = tokenizer;
      this.unknownId = tokenizer.unknownTokenId();
      this.vocabularySize = Math.max(1, tokenizer.vocabularySize());
    }

    /**
     * Appends the next row. The whole text is tokenised, not truncated to the model's input length:
     * a vocabulary is built from whole texts.
     */
    public void add(String text) {
      long[] ids = tokenizer.encode(text, Integer.MAX_VALUE);
      int unknownCount = 0;
      long rarestId = -1;
      for (long id : ids) {
        if (id == unknownId) {
          unknownCount++;
        } else if (id > rarestId) {
          rarestId = id;
        }
      }
      if (size == tokens.length) {
        int cap = size * 2;
        tokens = Arrays.copyOf(tokens, cap);
        unknown = Arrays.copyOf(unknown, cap);
        rarest = Arrays.copyOf(rarest, cap);
      }
      tokens[size] = ids.length;
      unknown[size] = unknownCount;
      rarest[size] = rarestId < 0 ? 0f : (float) Math.min(1.0, rarestId / vocabularySize);
      size++;
    }

    /** The coverage of the rows added so far. */
    public VocabularyCoverage build() {
      return new VocabularyCoverage(
          Arrays.copyOf(tokens, size), Arrays.copyOf(unknown, size), Arrays.copyOf(rarest, size));
    }
  }
}
