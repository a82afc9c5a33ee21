package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import java.nio.file.Path;

/**
 * Reads one kind of tokenizer file (service interface, found by {@link java.util.ServiceLoader}):
 * the {@code vocab} tokenizer is the core's own, others come from adapter modules such as {@code
 * trustml-tokenizers-hf}.
 */
public interface TokenizerProvider {
  /** The card's {@code tokenizer.kind} this provider reads. */
  TokenizerKind kind();

  /**
   * Opens {@code file} as the card's tokenizer spec says.
   *
   * @param maxLength the longest encoding, special tokens included (the card's max length)
   */
  Tokenizer open(Path file, TokenizerSpec spec, int maxLength) throws BadInputException;

  /** What {@code model init} needs to know about a tokenizer file before any model runs. */
  TokenizerFacts facts(Path file) throws BadInputException;

  /**
   * Settings found in a tokenizer file.
   *
   * @param vocabularySize number of token ids
   * @param truncationLength the length the file truncates to, or null when it does not truncate
   * @param paddingId the id it pads with (its padding settings, else its padding token), or null
   * @param specialTokens whether its post-processor adds special tokens to a single text
   */
  record TokenizerFacts(
      int vocabularySize, Integer truncationLength, Long paddingId, boolean specialTokens) {}
}
