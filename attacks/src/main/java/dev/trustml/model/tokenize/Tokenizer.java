package dev.trustml.model.tokenize;

/**
 * Turns text into token ids for the model: the model's special tokens included (when the card asks
 * for them), truncated, never padded (padding is the batch's). Implementations are thread-safe.
 * Hugging Face {@code tokenizer.json} files are read by the {@code trustml-tokenizers-hf} module,
 * found through {@link dev.trustml.model.TokenizerProvider}.
 */
public interface Tokenizer extends AutoCloseable {
  /** Token id of padding in trustml's own models; the built-in architecture masks it. */
  long PAD_ID = 0;

  /**
   * Token ids of {@code text}, truncated to {@code maxLength}, without padding.
   *
   * @return at most {@code maxLength} ids
   */
  long[] encode(String text, int maxLength);

  /**
   * Writes the ids {@link #encode} would return into {@code dest} from {@code offset} (which must
   * have room for {@code maxLength} ids) and returns how many it wrote; lets a caller fill a batch
   * without an array per row.
   */
  default int encodeInto(String text, int maxLength, long[] dest, int offset) {
    long[] ids = encode(text, maxLength);
    System.arraycopy(ids, 0, dest, offset, ids.length);
    return ids.length;
  }

  /**
   * As {@link #encodeInto(String, int, long[], int)}, also writing each token's segment (type) id
   * into {@code typeIds} at the same offset; tokenizers without segments write 0.
   */
  default int encodeInto(String text, int maxLength, long[] dest, long[] typeIds, int offset) {
    int n = encodeInto(text, maxLength, dest, offset);
    java.util.Arrays.fill(typeIds, offset, offset + n, 0L);
    return n;
  }

  /** Whether this tokenizer gives segment (type) ids worth passing to a model. */
  default boolean hasTypeIds() {
    return false;
  }

  /**
   * The id of a single token (e.g. a canary slot value), or -1 when it is not in the vocabulary.
   */
  long tokenId(String token);

  /** Number of distinct ids. */
  int vocabularySize();

  /**
   * The id text outside the vocabulary maps to ({@code [UNK]}), or -1 when the tokenizer has none
   * (e.g. byte-level BPE, which can spell any text).
   */
  default long unknownTokenId() {
    return -1;
  }

  @Override
  default void close() {}
}
