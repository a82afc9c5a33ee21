package dev.trustml.samples.bert;

/**
 * How a BERT-shaped TorchScript model is called, in the forms Hugging Face exports take.
 *
 * @param tokenTypes whether {@code forward} takes a third input, {@code token_type_ids}
 * @param output what {@code forward} returns
 * @param embeddingMethod whether the module also has {@code forward_emb(emb, mask)} for white-box
 *     attacks
 */
public record BertSignature(boolean tokenTypes, Output output, boolean embeddingMethod) {
  /** What {@code forward} returns. */
  public enum Output {
    /** The logits {@code [batch, labels]}. */
    TENSOR,
    /** {@code (logits, pooled_output)}: a tuple whose first element is the logits. */
    TUPLE,
    /** {@code {"logits": logits}}. */
    DICT
  }

  /** {@code forward(input_ids, attention_mask) -> logits} with {@code forward_emb}. */
  public static final BertSignature DEFAULT = new BertSignature(false, Output.TENSOR, true);
}
