package dev.trustml.model.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenizerTest {
  static final List<String> VOCAB =
      List.of("[PAD]", "[UNK]", "my", "pin", "code", "is", "4", "don't");

  @Test
  void vocabTokenizerLowercasesSplitsAndMapsUnknown() {
    VocabTokenizer t = new VocabTokenizer(VOCAB, true);
    assertArrayEquals(new long[] {2, 3, 4, 5, 6, 1}, t.encode("My PIN code, is 4 9!", 10));
    assertArrayEquals(new long[] {7}, t.encode("Don't", 10));
    assertArrayEquals(new long[] {2, 3}, t.encode("my pin code", 2), "truncated");
    assertEquals(6, t.tokenId("4"));
    assertEquals(-1, t.tokenId("zebra"));
  }

  @Test
  void vocabFileMustStartWithSpecialTokens(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("vocab.txt");
    Files.writeString(f, "hello\nworld\n");
    BadInputException e = assertThrows(BadInputException.class, () -> VocabTokenizer.load(f, true));
    assertTrue(e.getMessage().contains("line 1 must be [PAD]"), e.getMessage());
  }

  /**
   * A local WordLevel tokenizer.json runs offline through DJL's bundled native library and gives
   * the same ids as the vocabulary tokenizer for the same vocabulary.
   */
  @Test
  void huggingFaceTokenizerJsonWorksOffline(@TempDir Path dir) throws Exception {
    StringBuilder vocab = new StringBuilder();
    for (int i = 0; i < VOCAB.size(); i++) {
      vocab
          .append(i == 0 ? "" : ",")
          .append('"')
          .append(VOCAB.get(i).replace("'", "'"))
          .append("\":")
          .append(i);
    }
    String json =
        "{\"version\":\"1.0\",\"truncation\":null,\"padding\":null,\"added_tokens\":[],"
            + "\"normalizer\":{\"type\":\"Lowercase\"},"
            + "\"pre_tokenizer\":{\"type\":\"Whitespace\"},"
            + "\"post_processor\":null,\"decoder\":null,"
            + "\"model\":{\"type\":\"WordLevel\",\"vocab\":{"
            + vocab
            + "},\"unk_token\":\"[UNK]\"}}";
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, json);
    try (HuggingFaceJsonTokenizer t = HuggingFaceJsonTokenizer.load(f)) {
      assertArrayEquals(new long[] {2, 3, 4, 5, 6, 1}, t.encode("My PIN code is 4 zebra", 10));
      assertArrayEquals(new long[] {2, 3}, t.encode("my pin code", 2));
      assertEquals(VOCAB.size(), t.vocabularySize());
      assertEquals(6, t.tokenId("4"));
    }
  }

  @Test
  void huggingFaceRejectsGarbage(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, "{\"model\": 5}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> HuggingFaceJsonTokenizer.load(f));
    assertTrue(e.getMessage().contains("not a valid Hugging Face tokenizer.json"), e.getMessage());
  }
}
