package dev.trustml.tokenizers.hf;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trustml.error.BadInputException;
import dev.trustml.model.tokenize.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} (WordPiece, BPE, WordLevel, Unigram; its normaliser,
 * pre-tokeniser and, when the card asks, its post-processor's special tokens) run through DJL's
 * bundled native library. Only a local file is accepted: a hub name would try the network even in
 * offline mode.
 *
 * <p>With special tokens the library truncates (so that {@code [SEP]} survives truncation); without
 * them the first {@code maxLength} ids are kept, as trustml's trainer always did. Padding is never
 * the tokenizer's: batches pad to their longest row or to the model's fixed length with the card's
 * padding id, and the attention mask marks the real tokens.
 *
 * <p>Encoding asks the library for the ids (and segment ids) only: DJL's {@code Encoding} also
 * copies tokens, offsets, word ids and masks over JNI, which made tokenising cost as much as a BERT
 * forward pass. A BERT {@code tokenizer.json} is encoded in plain Java ({@link BertWordPiece}) for
 * the texts it covers, with the library's ids.
 */
public final class HuggingFaceJsonTokenizer implements Tokenizer {
  private final HuggingFaceTokenizer tokenizer;
  private final BertWordPiece fast;
  private final boolean specialTokens;
  private final int maxLength;
  private final int vocabularySize;
  private final long unknownTokenId;

  private HuggingFaceJsonTokenizer(
      HuggingFaceTokenizer tokenizer,
      BertWordPiece fast,
      boolean specialTokens,
      int maxLength,
      int vocabularySize,
      long unknownTokenId) {
    this.tokenizer = tokenizer;
    this.fast = fast;
    this.specialTokens = specialTokens;
    this.maxLength = maxLength;
    this.vocabularySize = vocabularySize;
    this.unknownTokenId = unknownTokenId;
  }

  /**
   * Loads a local {@code tokenizer.json}.
   *
   * @param specialTokens add the post-processor's special tokens (and truncate inside the library)
   * @param maxLength the longest encoding, special tokens included
   */
  public static HuggingFaceJsonTokenizer load(Path file, boolean specialTokens, int maxLength)
      throws BadInputException {
    JsonNode root = HuggingFaceTokenizerProvider.read(file);
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true"); // no telemetry, no hub
    }
    try {
      HuggingFaceTokenizer t =
          HuggingFaceTokenizer.newInstance(
              file,
              Map.of(
                  "addSpecialTokens",
                  Boolean.toString(specialTokens),
                  "truncation",
                  Boolean.toString(specialTokens),
                  "maxLength",
                  Integer.toString(maxLength),
                  "modelMaxLength",
                  Integer.toString(maxLength),
                  "padding",
                  "false"));
      JsonNode model = root.path("model");
      return new HuggingFaceJsonTokenizer(
          t,
          BertWordPiece.of(root, specialTokens),
          specialTokens,
          maxLength,
          vocabularySizeOf(root),
          unknownIdOf(model));
    } catch (IOException | RuntimeException e) {
      throw new BadInputException(file + ": not a valid Hugging Face tokenizer.json (" + e + ")");
    }
  }

  /**
   * Number of ids: one more than the largest id of {@code model.vocab} (a token-to-id object for
   * WordLevel, WordPiece and BPE; a list for Unigram) and of {@code added_tokens}.
   */
  static int vocabularySizeOf(JsonNode root) {
    JsonNode model = root.has("model") ? root.path("model") : root;
    JsonNode vocab = model.path("vocab");
    long max = -1;
    if (vocab.isArray()) {
      max = vocab.size() - 1;
    } else {
      for (Iterator<JsonNode> it = vocab.elements(); it.hasNext(); ) {
        max = Math.max(max, it.next().asLong(-1));
      }
    }
    for (JsonNode added : root.path("added_tokens")) {
      max = Math.max(max, added.path("id").asLong(-1));
    }
    return Math.toIntExact(max + 1);
  }

  /**
   * The id of {@code model.unk_token} in {@code model.vocab}, or -1 when the model names no unknown
   * token. Unigram names the id directly ({@code model.unk_id}).
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
    long[] ids = ids(text, specialTokens, null);
    return ids.length <= maxLength ? ids : Arrays.copyOf(ids, maxLength);
  }

  @Override
  public int encodeInto(String text, int maxLength, long[] dest, int offset) {
    long[] ids = encode(text, maxLength);
    System.arraycopy(ids, 0, dest, offset, ids.length);
    return ids.length;
  }

  @Override
  public int encodeInto(String text, int maxLength, long[] dest, long[] typeIds, int offset) {
    long[][] types = new long[1][];
    long[] ids = ids(text, specialTokens, types);
    int n = Math.min(ids.length, maxLength);
    System.arraycopy(ids, 0, dest, offset, n);
    System.arraycopy(types[0], 0, typeIds, offset, n);
    return n;
  }

  @Override
  public boolean hasTypeIds() {
    return true;
  }

  /**
   * The ids of one text; with {@code types} non-null, its segment ids in {@code types[0]}: from the
   * plain-Java pipeline when the file is BERT's and the text within its range, else the library.
   */
  private long[] ids(String text, boolean special, long[][] types) {
    if (fast != null && special == specialTokens) {
      long[] ids = fast.encode(text, special ? maxLength : Integer.MAX_VALUE, types);
      if (ids != null) {
        return ids;
      }
    }
    TokenizersLibrary lib = TokenizersLibrary.LIB;
    long encoding = lib.encode(tokenizer.getHandle(), text, special);
    try {
      if (types != null) {
        types[0] = lib.getTypeIds(encoding);
      }
      return lib.getTokenIds(encoding);
    } finally {
      lib.deleteEncoding(encoding);
    }
  }

  @Override
  public long tokenId(String token) {
    long[] ids = ids(token, false, null);
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
