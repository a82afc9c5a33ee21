package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a model is called: which token tensors it takes, in order, and where its logits are in what
 * it returns. On the card it overrides what the engine would detect by probing the model; {@code
 * trustml model init} writes the detected one.
 *
 * @param inputs the int64 {@code [batch, length]} inputs in call order: {@code ["tokens"]}
 *     (trustml's own models: token ids, padding id 0 masked inside the model), or {@code
 *     ["input_ids", "attention_mask"]} with optional {@code "token_type_ids"} (Hugging Face style;
 *     {@code ["input_ids"]} alone for a model without a mask input)
 * @param output {@code "tensor"} (the logits {@code [batch, labels]}), {@code "tuple"} (the first
 *     element is the logits) or {@code "dict:KEY"} (the entry KEY, e.g. {@code "dict:logits"})
 * @param sequenceLength the one sequence length the model accepts (every row is padded to it), or
 *     null when it takes any length up to the card's max length (rows are padded to the longest of
 *     their batch)
 */
public record ModelSignature(
    List<String> inputs,
    String output,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer sequenceLength) {
  public static final String TOKENS = "tokens";
  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String TOKEN_TYPE_IDS = "token_type_ids";
  public static final String TENSOR = "tensor";
  public static final String TUPLE = "tuple";
  public static final String DICT_PREFIX = "dict:";

  /** The signature of the models trustml trains: {@code forward(tokens) -> logits}. */
  public static final ModelSignature BUILT_IN = new ModelSignature(List.of(TOKENS), TENSOR, null);

  public ModelSignature {
    inputs = inputs == null ? List.of() : List.copyOf(inputs);
  }

  /** Why this signature cannot be used, or null when it can (the card reader's check). */
  public String problem() {
    if (inputs.isEmpty()) {
      return "'inputs' is empty; list e.g. [\"input_ids\", \"attention_mask\"] or [\"tokens\"]";
    }
    Set<String> seen = new HashSet<>();
    for (String in : inputs) {
      if (!List.of(TOKENS, INPUT_IDS, ATTENTION_MASK, TOKEN_TYPE_IDS).contains(in)) {
        return "input '" + in + "' is not one of tokens, input_ids, attention_mask, token_type_ids";
      }
      if (!seen.add(in)) {
        return "input '" + in + "' is listed twice";
      }
    }
    if (inputs.contains(TOKENS) && inputs.size() > 1) {
      return "'tokens' is the only input of trustml's own models; Hugging Face style models take"
          + " input_ids";
    }
    if (!inputs.contains(TOKENS) && !inputs.contains(INPUT_IDS)) {
      return "no input takes the token ids; list input_ids";
    }
    if (output == null
        || !(output.equals(TENSOR)
            || output.equals(TUPLE)
            || (output.startsWith(DICT_PREFIX) && output.length() > DICT_PREFIX.length()))) {
      return "'output' is '" + output + "'; use tensor, tuple or dict:logits";
    }
    if (sequenceLength != null && sequenceLength < 1) {
      return "'sequence_length' must be a positive number of tokens";
    }
    return null;
  }

  /** The key of the logits in a dict output, or null when the output is not a dict. */
  @JsonIgnore
  public String dictKey() {
    return output != null && output.startsWith(DICT_PREFIX)
        ? output.substring(DICT_PREFIX.length())
        : null;
  }

  /** Whether trustml's own convention applies: one input, id 0 is padding. */
  @JsonIgnore
  public boolean builtIn() {
    return inputs.equals(List.of(TOKENS));
  }

  /** A copy that pads every row to {@code length}. */
  public ModelSignature withSequenceLength(Integer length) {
    return new ModelSignature(inputs, output, length);
  }

  /** As a person would write the call, e.g. {@code forward(input_ids, attention_mask) -> tuple}. */
  public String describe() {
    return "("
        + String.join(", ", inputs)
        + ") -> "
        + output
        + (sequenceLength == null ? "" : ", fixed length " + sequenceLength);
  }
}
