package dev.trustml.model.card;

import dev.trustml.model.tokenize.TokenizerKind;

/**
 * Which tokenizer a bundle uses.
 *
 * @param kind vocabulary file or Hugging Face {@code tokenizer.json}
 * @param file the tokenizer file, relative to the bundle
 * @param lowercase whether text is lower-cased first (vocabulary tokenizer)
 */
public record TokenizerSpec(TokenizerKind kind, String file, Boolean lowercase) {
  /** Lower-casing is on unless the card says otherwise. */
  public boolean lowercaseOrDefault() {
    return lowercase == null || lowercase;
  }
}
