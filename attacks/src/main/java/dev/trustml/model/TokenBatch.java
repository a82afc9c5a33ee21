package dev.trustml.model;

import dev.trustml.model.card.ModelSignature;
import java.util.Arrays;

/**
 * A batch of tokenised rows as every engine takes it: token ids, attention mask and (optionally)
 * token-type ids, each {@code rows x length}, row-major. The one boundary where text has become
 * ids; tokenizers and the scoring pipeline build it, {@link Classifier#logits} reads it.
 *
 * @param ids token ids, padding included
 * @param mask 1 for a token, 0 for padding
 * @param typeIds segment ids, or null when the tokenizer gives none (engines that need them use 0)
 * @param rows number of examples
 * @param length tokens per row after padding (at least 1)
 */
public record TokenBatch(long[] ids, long[] mask, long[] typeIds, int rows, int length) {
  public TokenBatch {
    long cells = (long) rows * length;
    if (length < 1 || ids.length != cells || mask.length != cells) {
      throw new IllegalArgumentException("ids and mask do not fill rows x length");
    }
    if (typeIds != null && typeIds.length != cells) {
      throw new IllegalArgumentException("type ids do not fill rows x length");
    }
  }

  /** Pads ragged rows with id 0 to the longest (at least 1 id). */
  public static TokenBatch of(long[][] rows) {
    return pad(rows, 0, 0);
  }

  /**
   * Pads ragged rows with {@code padId}, to the longest row or to {@code fixedLength} when it is
   * positive (rows longer than that are an error: truncation is the tokenizer's job).
   */
  public static TokenBatch pad(long[][] rows, long padId, int fixedLength) {
    int length = 1;
    for (long[] r : rows) {
      length = Math.max(length, r.length);
    }
    if (fixedLength > 0) {
      if (length > fixedLength) {
        throw new IllegalArgumentException(
            "a row of " + length + " tokens is longer than the fixed length " + fixedLength);
      }
      length = fixedLength;
    }
    long[] ids = new long[rows.length * length];
    long[] mask = new long[ids.length];
    if (padId != 0) {
      Arrays.fill(ids, padId);
    }
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, ids, i * length, rows[i].length);
      Arrays.fill(mask, i * length, i * length + rows[i].length, 1L);
    }
    return new TokenBatch(ids, mask, null, rows.length, length);
  }

  /**
   * What a model input of this role takes: the ids ({@code tokens}, {@code input_ids}), the mask
   * ({@code attention_mask}) or the segment ids ({@code token_type_ids}, zeros when the tokenizer
   * gave none), {@code rows x length}.
   */
  public long[] input(String role) {
    return switch (role) {
      case ModelSignature.TOKENS, ModelSignature.INPUT_IDS -> ids;
      case ModelSignature.ATTENTION_MASK -> mask;
      case ModelSignature.TOKEN_TYPE_IDS -> typeIds == null ? new long[ids.length] : typeIds;
      default -> throw new IllegalArgumentException("unknown model input '" + role + "'");
    };
  }

  /** The same batch with segment ids ({@code rows x length}). */
  public TokenBatch withTypeIds(long[] newTypeIds) {
    return new TokenBatch(ids, mask, newTypeIds, rows, length);
  }
}
