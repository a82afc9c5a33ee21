package dev.trustml.tokenizers.hf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.samples.bert.WordPieceTokenizerJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain-Java BERT pipeline gives exactly the Hugging Face library's ids (and segment ids) on
 * every text it accepts: every row of both sample datasets, and random texts over its whole
 * character range mixed with characters it must leave to the library; with and without special
 * tokens, truncated short and long.
 */
class BertWordPieceTest {
  /** Characters of the accepted range worth mixing: ASCII, Latin-1, Extended-A/B, punctuation. */
  private static final String ALPHABET;

  static {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 0x250; c++) {
      b.append(c);
    }
    for (char c = 0x2010; c <= 0x205E; c++) {
      b.append(c);
    }
    b.append("€£¥₹");
    ALPHABET = b.toString();
  }

  private static List<String> sampleTexts() throws Exception {
    List<String> texts = new ArrayList<>();
    for (String f :
        List.of(
            "sentiment/members.csv",
            "sentiment/nonmembers.csv",
            "spam/members.csv",
            "spam/nonmembers.csv")) {
      try (LabeledCsvReader r =
          LabeledCsvReader.open(
              HuggingFaceJsonTokenizerTest.sampleModels().resolve(f), CsvColumns.DEFAULT)) {
        for (LabeledText t : r.readAll()) {
          texts.add(t.text());
        }
      }
    }
    return texts;
  }

  private static List<String> randomTexts(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] words = {"the", "unbelievable", "Café", "naïve", "[MASK]", "[cls]", "e-mail", "x"};
    String outside = "ΣσΩ中文日本語한국어😀\u0301\u0600";
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(0, 40); k > 0; k--) {
        int kind = r.nextInt(10);
        if (kind < 5) {
          b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        } else if (kind < 7) {
          b.append(' ');
        } else if (kind < 9) {
          b.append(words[r.nextInt(words.length)]);
        } else if (r.nextInt(20) == 0) {
          b.append(outside.charAt(r.nextInt(outside.length())));
        } else {
          b.append("AEIOUaeiou".charAt(r.nextInt(10)));
        }
      }
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void javaPipelineGivesTheLibrarysIds(@TempDir Path dir) throws Exception {
    Path vocabTxt =
        HuggingFaceJsonTokenizerTest.sampleModels().resolve("data/bert-base-uncased/vocab.txt");
    Path file = dir.resolve("tokenizer.json");
    Files.write(
        file, WordPieceTokenizerJson.generate(WordPieceTokenizerJson.readVocabulary(vocabTxt), 64));
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    List<String> samples = sampleTexts();
    List<String> random = randomTexts(20_000, 5);
    for (boolean special : new boolean[] {true, false}) {
      for (int max : new int[] {16, 512}) {
        BertWordPiece java = BertWordPiece.of(root, special);
        assertNotNull(java, "the fixture's tokenizer.json is BERT's pipeline");
        try (HuggingFaceTokenizer library =
            HuggingFaceTokenizer.newInstance(
                file,
                Map.of(
                    "addSpecialTokens",
                    Boolean.toString(special),
                    "truncation",
                    Boolean.toString(special),
                    "maxLength",
                    Integer.toString(max),
                    "modelMaxLength",
                    Integer.toString(max),
                    "padding",
                    "false"))) {
          int samplesInJava = compare(java, library, samples, special, max);
          assertTrue(
              samplesInJava > 0.98 * samples.size(),
              samplesInJava + " of " + samples.size() + " sample rows in plain Java");
          int randomInJava = compare(java, library, random, special, max);
          assertTrue(
              randomInJava > 0.3 * random.size() && randomInJava < random.size(),
              randomInJava + " random texts in Java, the others left to the library");
        }
      }
    }
  }

  /** Compares every text the Java pipeline accepts; returns how many it accepted. */
  private static int compare(
      BertWordPiece java,
      HuggingFaceTokenizer library,
      List<String> texts,
      boolean special,
      int max) {
    int accepted = 0;
    for (String text : texts) {
      long[][] types = new long[1][];
      long[] got = java.encode(text, special ? max : Integer.MAX_VALUE, types);
      if (got == null) {
        continue;
      }
      accepted++;
      Encoding want = library.encode(text);
      String what = "'" + text + "' special=" + special + " max=" + max;
      assertArrayEquals(want.getIds(), got, what);
      assertArrayEquals(want.getTypeIds(), types[0], what);
    }
    return accepted;
  }

  @Test
  void textsThatMayHoldAnAddedTokenOrOtherScriptsGoToTheLibrary(@TempDir Path dir)
      throws Exception {
    Path vocabTxt =
        HuggingFaceJsonTokenizerTest.sampleModels().resolve("data/bert-base-uncased/vocab.txt");
    Path file = dir.resolve("tokenizer.json");
    Files.write(
        file, WordPieceTokenizerJson.generate(WordPieceTokenizerJson.readVocabulary(vocabTxt), 64));
    BertWordPiece java = BertWordPiece.of(new ObjectMapper().readTree(file.toFile()), true);
    assertNull(java.encode("a [MASK] here", 64, null));
    assertNull(java.encode("Ωmega", 64, null));
    assertNull(java.encode("日本", 64, null));
    assertNotNull(java.encode("Crème brûlée — “quoted” …", 64, null));
    assertNull(
        BertWordPiece.of(new ObjectMapper().readTree("{\"model\":{\"type\":\"BPE\"}}"), true));
  }
}
