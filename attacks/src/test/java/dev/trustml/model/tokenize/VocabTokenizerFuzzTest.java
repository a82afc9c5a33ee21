package dev.trustml.model.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the vocabulary tokenizer: any text encodes without an exception to at most {@code
 * maxLength} ids of real vocabulary entries, and any vocabulary file loads or is rejected as bad
 * input.
 */
class VocabTokenizerFuzzTest {
  private static final List<String> VOCAB =
      List.of("[PAD]", "[UNK]", "my", "pin", "code", "is", "4", "don't", "Straße", "İstanbul", "ǅ");
  private static final int[] MAX_LENGTHS = {0, 1, 3, 32, Integer.MAX_VALUE};

  /**
   * The word pattern as first written (greedy group repetition); words() must split exactly like it
   * on every text short enough for this pattern's recursive matching.
   */
  private static final Pattern REFERENCE_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");

  @TempDir static Path dir;

  @FuzzTest
  void encodesAnyText(byte[] bytes) {
    for (String text : texts(bytes)) {
      for (boolean lowercase : new boolean[] {true, false}) {
        VocabTokenizer tokenizer = new VocabTokenizer(VOCAB, lowercase);
        assertEncodesWithinBounds(tokenizer, text);
        if (text.length() <= 256) {
          assertEquals(referenceWords(text, lowercase), VocabTokenizer.words(text, lowercase));
        }
      }
    }
  }

  @FuzzTest
  void loadsAnyVocabularyFileOrRejectsItAsBadInput(byte[] content) throws IOException {
    Path file = dir.resolve("vocab.txt");
    Files.write(file, content);
    for (boolean lowercase : new boolean[] {true, false}) {
      VocabTokenizer tokenizer;
      try {
        tokenizer = VocabTokenizer.load(file, lowercase);
      } catch (BadInputException e) {
        return;
      }
      List<String> tokens = tokenizer.tokens();
      assertEquals(VocabTokenizer.PAD, tokens.get(0));
      assertEquals(VocabTokenizer.UNK, tokens.get(1));
      assertEquals(tokens.size(), tokenizer.vocabularySize());
      for (int i = 0; i < Math.min(tokens.size(), 64); i++) {
        String token = tokens.get(i);
        if (!lowercase) {
          assertEquals(tokens.indexOf(token), tokenizer.tokenId(token), "first line wins");
        }
      }
      // The vocabulary's own text and a fixed sentence encode to ids of this vocabulary.
      assertEncodesWithinBounds(tokenizer, new String(content, StandardCharsets.UTF_8));
      assertEncodesWithinBounds(tokenizer, "My PIN code is 4, don't tell");
    }
  }

  private static void assertEncodesWithinBounds(VocabTokenizer tokenizer, String text) {
    long[] all = tokenizer.encode(text, Integer.MAX_VALUE);
    for (int maxLength : MAX_LENGTHS) {
      long[] ids = tokenizer.encode(text, maxLength);
      assertTrue(ids.length <= maxLength, ids.length + " ids for max length " + maxLength);
      // Truncation keeps the first ids.
      assertArrayEquals(Arrays.copyOf(all, ids.length), ids);
    }
    for (long id : all) {
      // Never the padding id 0: the model would silently drop a word encoded as padding.
      assertTrue(id >= VocabTokenizer.UNK_ID && id < tokenizer.vocabularySize(), "id " + id);
    }
  }

  /** The input as UTF-8 text, and as raw UTF-16 chars (which may hold unpaired surrogates). */
  private static List<String> texts(byte[] bytes) {
    char[] chars = new char[bytes.length / 2];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = (char) (((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff));
    }
    return List.of(new String(bytes, StandardCharsets.UTF_8), new String(chars));
  }

  private static List<String> referenceWords(String text, boolean lowercase) {
    Matcher m = REFERENCE_WORD.matcher(lowercase ? text.toLowerCase(Locale.ROOT) : text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /**
   * Found while writing the fuzz targets: the greedy word pattern recursed once per {@code 'b} and
   * overflowed the stack on this 200,001-character word (StackOverflowError).
   */
  @Test
  void longWordWithManyApostrophesEncodesWithoutStackOverflow() {
    String word = "a" + "'b".repeat(100_000);
    assertEquals(List.of(word), VocabTokenizer.words(word, true));
    VocabTokenizer tokenizer = new VocabTokenizer(VOCAB, true);
    assertArrayEquals(new long[] {VocabTokenizer.UNK_ID, 2}, tokenizer.encode(word + " my", 8));
  }
}
