package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicWordListTest {
  @Test
  void skipsPiecesSpecialsAndPunctuationAndKeepsFileOrder(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("vocab.txt");
    Files.writeString(
        f,
        "[PAD]\n[unused0]\nthe\n##s\n!\nThe\nof\ncaf\u00e9\n4\ndon't\n##ing\nand\n\nzebra\r\n",
        StandardCharsets.UTF_8);
    assertEquals(
        List.of("the", "of", "caf\u00e9", "4", "don't", "and", "zebra"),
        PublicWordList.usableWords(f, true));
    // Reserved tokens right after the specials; the list fills the rest in file order.
    assertEquals(
        List.of("[PAD]", "[UNK]", "0", "4", "the", "of", "caf\u00e9"),
        PublicWordList.vocabulary(f, true, 7, List.of("0", "4")));
    // Cased: "The" is a word of its own.
    assertTrue(PublicWordList.usableWords(f, false).contains("The"));
  }

  /** The public BERT vocabulary: word-initial tokens in file order, digits and letters first. */
  @Test
  void theBertVocabularyIsAWordList() throws Exception {
    Path bert = null;
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("sample-models/data/bert-base-uncased/vocab.txt");
      if (Files.isRegularFile(candidate)) {
        bert = candidate;
        break;
      }
    }
    assertTrue(bert != null, "sample-models/data/bert-base-uncased/vocab.txt not found");
    List<String> words = PublicWordList.usableWords(bert, true);
    assertEquals(List.of("0", "1", "2"), words.subList(0, 3));
    assertTrue(words.indexOf("the") < words.indexOf("good"), "roughly frequency order");
    assertTrue(words.size() > 20_000, words.size() + " words");
    assertFalse(words.stream().anyMatch(w -> w.startsWith("##") || w.startsWith("[")));
    List<String> vocab = PublicWordList.vocabulary(bert, true, 6000, List.of());
    assertEquals(6000, vocab.size());
    assertEquals(words.subList(0, 5998), vocab.subList(2, 6000));
  }

  @Test
  void badFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
    assertBad(dir.resolve("none.txt"), "vocabulary file not found");
    assertBad(dir, "is a directory");
    Path specials = dir.resolve("specials.txt");
    Files.writeString(specials, "[PAD]\n##x\n!\n\n");
    assertBad(specials, "holds no usable word");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertBad(latin1, "not valid UTF-8");
  }

  private static void assertBad(Path file, String fragment) {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> PublicWordList.vocabulary(file, true, 10, List.of()));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }
}
