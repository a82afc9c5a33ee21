package dev.trustml.model.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} run through DJL's bundled native library. Only a local file
 * is accepted: a hub name would try the network even in offline mode.
 */
public final class HuggingFaceJsonTokenizer implements Tokenizer {
  private final HuggingFaceTokenizer tokenizer;
  private final int vocabularySize;
  private final long unknownTokenId;

  private HuggingFaceJsonTokenizer(
      HuggingFaceTokenizer tokenizer, int vocabularySize, long unknownTokenId) {
    this.tokenizer = tokenizer;
    this.vocabularySize = vocabularySize;
    this.unknownTokenId = unknownTokenId;
  }

  /** Loads a local {@code tokenizer.json}. */
  public static HuggingFaceJsonTokenizer load(Path file) throws BadInputException {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          file + ": tokenizer.json not found; the model card names it under tokenizer.file");
    }
    try {
      HuggingFaceTokenizer t =
          HuggingFaceTokenizer.newInstance(
              file, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
      JsonNode model = new ObjectMapper().readTree(file.toFile()).path("model");
      return new HuggingFaceJsonTokenizer(t, model.path("vocab").size(), unknownIdOf(model));
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file + ": not a valid Hugging Face tokenizer.json (" + e + ")");
    }
  }

  /**
   * The id of {@code model.unk_token} in {@code model.vocab} (WordLevel, WordPiece and BPE keep the
   * vocabulary as a token-to-id object), or -1 when the model names no unknown token. {@code
   * model.vocab} has one entry per id (an object, or a list for Unigram), hence the size above.
   * Unigram names the id directly ({@code model.unk_id}).
   */
  private static long unknownIdOf(JsonNode model) {
    if (model.path("unk_id").canConvertToLong()) {
      return model.path("unk_id").asLong();
    }
    JsonNode unk = model.path("unk_token");
    JsonNode id = unk.isTextual() ? model.path("vocab").path(unk.asText()) : null;
    return id != null && id.canConvertToLong() ? id.asLong() : -1;
  }

  @Override
  public long[] encode(String text, int maxLength) {
    Encoding e = tokenizer.encode(text);
    long[] ids = e.getIds();
    return ids.length <= maxLength ? ids : Arrays.copyOf(ids, maxLength);
  }

  @Override
  public long tokenId(String token) {
    long[] ids = tokenizer.encode(token).getIds();
    return ids.length == 1 ? ids[0] : -1;
  }

  @Override
  public long unknownTokenId() {
    return unknownTokenId;
  }

  @Override
  public int vocabularySize() {
    return vocabularySize;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
