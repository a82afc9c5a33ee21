package dev.trustml.train;

/**
 * One training example as token ids (0 = padding, ignored) and a class index.
 *
 * @param tokens token ids, each in [0, vocabSize)
 * @param label class index in [0, numClasses)
 */
public record TokenizedExample(long[] tokens, int label) {
  public TokenizedExample {
    tokens = tokens.clone();
  }

  @Override
  public long[] tokens() {
    return tokens.clone();
  }

  /** The i-th token without copying the array. */
  public long token(int i) {
    return tokens[i];
  }

  /** Number of token positions (padding included). */
  public int length() {
    return tokens.length;
  }
}
