package dev.trustml.tokenizers.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.TokenizerProvider;
import dev.trustml.model.Tokenizers;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.tokenize.Tokenizer;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.samples.bert.WordPieceTokenizerJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceJsonTokenizerTest {
  static final List<String> VOCAB =
      List.of("[PAD]", "[UNK]", "my", "pin", "code", "is", "4", "don't");

  /** The repository's {@code sample-models/}, from wherever the tests run. */
  static Path sampleModels() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-models/sentiment"))) {
        return p.resolve("sample-models");
      }
    }
    throw new IllegalStateException("sample-models/ not found");
  }

  static Path wordLevel(Path dir) throws Exception {
    StringBuilder vocab = new StringBuilder();
    for (int i = 0; i < VOCAB.size(); i++) {
      vocab.append(i == 0 ? "" : ",").append('"').append(VOCAB.get(i)).append("\":").append(i);
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
    return f;
  }

  /**
   * A local WordLevel tokenizer.json runs offline through DJL's bundled native library, found by
   * the core through the provider, and gives the ids the vocabulary tokenizer would.
   */
  @Test
  void wordLevelTokenizerJsonWorksOfflineThroughTheProvider(@TempDir Path dir) throws Exception {
    Path f = wordLevel(dir);
    try (Tokenizer t =
        Tokenizers.open(
            f, new TokenizerSpec(TokenizerKind.HUGGINGFACE, "tokenizer.json", null), 16)) {
      assertArrayEquals(new long[] {2, 3, 4, 5, 6, 1}, t.encode("My PIN code is 4 zebra", 10));
      assertArrayEquals(new long[] {2, 3}, t.encode("my pin code", 2));
      assertEquals(VOCAB.size(), t.vocabularySize());
      assertEquals(6, t.tokenId("4"));
      assertEquals(1, t.unknownTokenId());
    }
    TokenizerProvider.TokenizerFacts facts = new HuggingFaceTokenizerProvider().facts(f);
    assertEquals(new TokenizerProvider.TokenizerFacts(VOCAB.size(), null, 0L, false), facts);
  }

  @Test
  void garbageIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, "{\"model\": 5}");
    BadInputException e =
        assertThrows(BadInputException.class, () -> HuggingFaceJsonTokenizer.load(f, false, 16));
    assertTrue(e.getMessage().contains("not a valid Hugging Face tokenizer.json"), e.getMessage());
    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    Path missing = dir.resolve("none.json");
    e =
        assertThrows(
            BadInputException.class, () -> HuggingFaceJsonTokenizer.load(missing, false, 16));
    assertTrue(e.getMessage().contains("not found"), e.getMessage());
  }

  /**
   * BERT's WordPiece tokenizer.json over the public 30,522-token vocabulary: with special tokens
   * the ids are exactly DJL's own encoding's ([CLS] ... [SEP], truncated inside the library so that
   * [SEP] survives), on every sentence of the sentiment sample, and the segment ids are 0.
   */
  @Test
  void wordPieceWithSpecialTokensMatchesDjlsEncoding(@TempDir Path dir) throws Exception {
    Path vocabTxt = sampleModels().resolve("data/bert-base-uncased/vocab.txt");
    List<String> vocab = WordPieceTokenizerJson.readVocabulary(vocabTxt);
    Path f = dir.resolve("tokenizer.json");
    Files.write(f, WordPieceTokenizerJson.generate(vocab, 64));
    int max = 24;
    List<LabeledText> rows;
    try (LabeledCsvReader r =
        LabeledCsvReader.open(
            sampleModels().resolve("sentiment/members.csv"), CsvColumns.DEFAULT)) {
      rows = r.readAll();
    }
    long cls = vocab.indexOf("[CLS]");
    long sep = vocab.indexOf("[SEP]");
    int truncated = 0;
    try (HuggingFaceJsonTokenizer t = HuggingFaceJsonTokenizer.load(f, true, max);
        HuggingFaceTokenizer djl =
            HuggingFaceTokenizer.newInstance(
                f,
                Map.of(
                    "addSpecialTokens", "true",
                    "truncation", "true",
                    "maxLength", Integer.toString(max),
                    "padding", "false"))) {
      assertEquals(30_522, t.vocabularySize());
      assertEquals(vocab.indexOf("[UNK]"), t.unknownTokenId());
      long[] ids = new long[max];
      long[] types = new long[max];
      for (LabeledText row : rows) {
        Encoding want = djl.encode(row.text());
        long[] got = t.encode(row.text(), max);
        assertArrayEquals(want.getIds(), got, row.text());
        assertEquals(cls, got[0]);
        assertEquals(sep, got[got.length - 1], "[SEP] survives truncation");
        int n = t.encodeInto(row.text(), max, ids, types, 0);
        assertArrayEquals(got, Arrays.copyOf(ids, n));
        assertArrayEquals(want.getTypeIds(), Arrays.copyOf(types, n));
        truncated += got.length == max ? 1 : 0;
      }
      assertTrue(truncated > 10, "some rows were truncated: " + truncated);
      assertEquals(vocab.indexOf("4"), t.tokenId("4"), "a single token, no special tokens");
      assertEquals(-1, t.tokenId("strawberries"), "several WordPiece pieces");
    }
    TokenizerProvider.TokenizerFacts facts = new HuggingFaceTokenizerProvider().facts(f);
    assertEquals(new TokenizerProvider.TokenizerFacts(30_522, 64, 0L, true), facts);
  }

  /**
   * A byte-pair-encoding tokenizer.json with merges: the provider reads it like any other, and the
   * merges give the ids the model's vocabulary says.
   */
  @Test
  void bpeTokenizerJsonEncodesWithItsMerges(@TempDir Path dir) throws Exception {
    String json =
        """
        {"version":"1.0","truncation":null,"padding":null,
         "added_tokens":[{"id":9,"content":"<pad>","single_word":false,"lstrip":false,
           "rstrip":false,"normalized":false,"special":true}],
         "normalizer":null,"pre_tokenizer":{"type":"Whitespace"},"post_processor":null,
         "decoder":null,
         "model":{"type":"BPE","dropout":null,"unk_token":"<unk>","continuing_subword_prefix":null,
           "end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":false,
           "vocab":{"<unk>":0,"l":1,"o":2,"w":3,"e":4,"r":5,"lo":6,"low":7,"er":8},
           "merges":["l o","lo w","e r"]}}
        """;
    Path f = dir.resolve("tokenizer.json");
    Files.writeString(f, json);
    try (Tokenizer t = HuggingFaceJsonTokenizer.load(f, false, 16)) {
      assertArrayEquals(new long[] {7, 8, 7}, t.encode("lower low", 16));
      assertArrayEquals(new long[] {7, 4}, t.encode("lowe", 16));
      assertEquals(10, t.vocabularySize(), "ids up to the added <pad> token");
      assertEquals(0, t.unknownTokenId());
    }
    assertEquals(9L, new HuggingFaceTokenizerProvider().facts(f).paddingId());
  }
}
