package dev.trustml.model.tokenize;

/** Turns text into token ids for the model. Implementations are thread-safe. */
public interface Tokenizer extends AutoCloseable {
  /** Token id of padding; the built-in architecture ignores it when pooling. */
  long PAD_ID = 0;

  /**
   * Token ids of {@code text}, truncated to {@code maxLength}, without padding.
   *
   * @return at most {@code maxLength} ids
   */
  long[] encode(String text, int maxLength);

  /**
   * The id of a single token (e.g. a canary slot value), or -1 when it is not in the vocabulary.
   */
  long tokenId(String token);

  /** Number of distinct ids. */
  int vocabularySize();

  @Override
  default void close() {}
}
