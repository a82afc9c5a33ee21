package dev.trustml.model.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.Tokenizers;
import dev.trustml.model.card.TokenizerSpec;
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
   * The core reads no tokenizer.json itself: without the trustml-tokenizers-hf module on the class
   * path, a card asking for one is refused with a message naming the module.
   */
  @Test
  void huggingFaceKindNeedsItsModule(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, "{}");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () ->
                Tokenizers.open(
                    f, new TokenizerSpec(TokenizerKind.HUGGINGFACE, "tokenizer.json", null), 16));
    assertTrue(e.getMessage().contains("trustml-tokenizers-hf"), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
  }
}
