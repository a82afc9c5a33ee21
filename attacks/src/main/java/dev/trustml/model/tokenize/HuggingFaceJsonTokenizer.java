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

  private HuggingFaceJsonTokenizer(HuggingFaceTokenizer tokenizer, int vocabularySize) {
    this.tokenizer = tokenizer;
    this.vocabularySize = vocabularySize;
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
      return new HuggingFaceJsonTokenizer(t, vocabularySizeOf(file));
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file + ": not a valid Hugging Face tokenizer.json (" + e + ")");
    }
  }

  /** Entries of {@code model.vocab} (an object for WordLevel/WordPiece/BPE, a list for Unigram). */
  private static int vocabularySizeOf(Path file) throws IOException {
    JsonNode vocab = new ObjectMapper().readTree(file.toFile()).path("model").path("vocab");
    return vocab.size();
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
  public int vocabularySize() {
    return vocabularySize;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
