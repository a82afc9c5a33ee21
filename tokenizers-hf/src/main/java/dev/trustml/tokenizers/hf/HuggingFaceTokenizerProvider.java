package dev.trustml.tokenizers.hf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.error.BadInputException;
import dev.trustml.model.TokenizerProvider;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code huggingface} tokenizer kind: a local {@code tokenizer.json}. */
public final class HuggingFaceTokenizerProvider implements TokenizerProvider {
  @Override
  public TokenizerKind kind() {
    return TokenizerKind.HUGGINGFACE;
  }

  @Override
  public Tokenizer open(Path file, TokenizerSpec spec, int maxLength) throws BadInputException {
    return HuggingFaceJsonTokenizer.load(file, spec.addSpecialTokensOrDefault(), maxLength);
  }

  /**
   * Reads the file's own settings: {@code truncation.max_length}, {@code padding.pad_id} (else the
   * id of {@code [PAD]} or {@code <pad>} in the vocabulary or the added tokens), and whether the
   * post-processor adds special tokens.
   */
  @Override
  public TokenizerFacts facts(Path file) throws BadInputException {
    JsonNode root = read(file);
    JsonNode model = root.path("model");
    JsonNode truncation = root.path("truncation");
    Integer truncate =
        truncation.path("max_length").canConvertToInt()
            ? truncation.path("max_length").asInt()
            : null;
    Long pad = null;
    if (root.path("padding").path("pad_id").canConvertToLong()) {
      pad = root.path("padding").path("pad_id").asLong();
    } else {
      for (String token : new String[] {"[PAD]", "<pad>"}) {
        JsonNode id = model.path("vocab").path(token);
        if (id.canConvertToLong()) {
          pad = id.asLong();
          break;
        }
        for (JsonNode added : root.path("added_tokens")) {
          if (token.equals(added.path("content").asText()) && pad == null) {
            pad = added.path("id").asLong();
          }
        }
        if (pad != null) {
          break;
        }
      }
    }
    JsonNode post = root.path("post_processor");
    boolean special = !post.isMissingNode() && !post.isNull();
    return new TokenizerFacts(
        HuggingFaceJsonTokenizer.vocabularySizeOf(root), truncate, pad, special);
  }

  static JsonNode read(Path file) throws BadInputException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file + ": tokenizer.json not found; give the tokenizer's file");
    }
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new BadInputException(
          file + ": not a valid Hugging Face tokenizer.json (" + e.getMessage() + ")");
    }
  }
}
