package dev.trustml.model.tokenize;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The tokenizers a bundle may use, by the name written on the model card. */
public enum TokenizerKind {
  /** A plain lower-casing word tokenizer over {@code vocab.txt} (one token per line). */
  VOCAB("vocab"),
  /**
   * A Hugging Face {@code tokenizer.json}, read by the {@code trustml-tokenizers-hf} module (DJL's
   * bundled native library, offline).
   */
  HUGGINGFACE("huggingface");

  private final String cardName;

  TokenizerKind(String cardName) {
    this.cardName = cardName;
  }

  @JsonValue
  public String cardName() {
    return cardName;
  }

  /** Parses the card name; unknown names fail with the list of valid ones. */
  @JsonCreator
  public static TokenizerKind fromCardName(String name) {
    for (TokenizerKind k : values()) {
      if (k.cardName.equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "unknown tokenizer kind '"
            + name
            + "'; use one of "
            + Arrays.stream(values())
                .map(TokenizerKind::cardName)
                .collect(Collectors.joining(", ")));
  }
}
