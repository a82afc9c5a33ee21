package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonWordsTest {
  @Test
  void builtInListIsTheFirstThousandWholeWordsOfTheCommittedBertVocabulary() throws Exception {
    Path vocab = Path.of("..", "sample-models", "data", "bert-base-uncased", "vocab.txt");
    List<String> expected =
        Files.readAllLines(vocab).stream()
            .filter(w -> !w.startsWith("##") && w.matches("[a-z]{3,}"))
            .limit(1000)
            .toList();
    Alphabet words = CanaryTemplate.parse("a {common-word}").alphabet(0);
    assertEquals(expected, words.values());
    assertEquals("the", words.value(0));
    assertTrue(words.description().contains("1000"), words.description());
  }

  @Test
  void commonWordTakesNoFile() {
    assertTrue(
        org.junit.jupiter.api.Assertions.assertThrows(
                dev.trustml.error.BadInputException.class,
                () -> CanaryTemplate.parse("a {common-word:x.txt}"))
            .getMessage()
            .contains("takes no argument"));
  }
}
