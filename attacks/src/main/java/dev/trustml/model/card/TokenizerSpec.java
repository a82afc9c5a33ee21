package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.trustml.model.tokenize.TokenizerKind;

/**
 * Which tokenizer a bundle uses.
 *
 * @param kind vocabulary file or Hugging Face {@code tokenizer.json}
 * @param file the tokenizer file, relative to the bundle
 * @param lowercase whether text is lower-cased first (vocabulary tokenizer)
 * @param addSpecialTokens whether a Hugging Face tokenizer adds its special tokens ({@code [CLS]}
 *     ... {@code [SEP]}) as its post-processor says; null or false for the models trustml trains,
 *     which never saw them; {@code model init} writes true
 */
public record TokenizerSpec(
    TokenizerKind kind,
    String file,
    Boolean lowercase,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean addSpecialTokens) {

  /** A tokenizer that adds no special tokens (what trustml's trainer writes). */
  public TokenizerSpec(TokenizerKind kind, String file, Boolean lowercase) {
    this(kind, file, lowercase, null);
  }

  /** Lower-casing is on unless the card says otherwise. */
  public boolean lowercaseOrDefault() {
    return lowercase == null || lowercase;
  }

  /** Special tokens are added only when the card says so. */
  public boolean addSpecialTokensOrDefault() {
    return addSpecialTokens != null && addSpecialTokens;
  }
}
