package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentFixturesTest {

  /** The shape of sentiment@5.0.2's fixtures, trailing placeholder entry included. */
  private static final String FIXTURE =
      "[{\"text\":\"Great for the jawbone.\",\"class\":1},"
          + "{\"text\":\"A very, very  slow-moving film.  \",\"class\":0},"
          + "{\"text\":\"\",\"class\":null}]";

  @Test
  void parsesEntriesSkipsTheTrailingPlaceholderAndMapsClasses() throws Exception {
    List<CorpusRow> rows = SentimentFixtures.parse("imdb.json", FIXTURE);
    assertEquals(2, rows.size());
    assertEquals(
        CorpusRow.of("imdb", "imdb.json entry 0", "Great for the jawbone.", "positive"),
        rows.get(0));
    assertEquals("A very, very slow-moving film.", rows.get(1).text());
    assertEquals("negative", rows.get(1).label());
  }

  @Test
  void rejectsEntriesWithoutAUsableClass() {
    BadInputException nullClass =
        assertThrows(
            BadInputException.class,
            () -> SentimentFixtures.parse("x.json", "[{\"text\":\"has text\",\"class\":null}]"));
    assertTrue(nullClass.getMessage().startsWith("x.json entry 0:"), nullClass.getMessage());
    assertThrows(
        BadInputException.class,
        () -> SentimentFixtures.parse("x.json", "[{\"text\":\"t\",\"class\":2}]"));
    assertThrows(
        BadInputException.class,
        () -> SentimentFixtures.parse("x.json", "[{\"text\":\"t\",\"class\":\"1\"}]"));
    assertThrows(
        BadInputException.class, () -> SentimentFixtures.parse("x.json", "[{\"class\":1}]"));
  }

  @Test
  void rejectsFilesThatAreNotAJsonArray() {
    assertThrows(BadInputException.class, () -> SentimentFixtures.parse("x.json", "{\"a\":1}"));
    assertThrows(BadInputException.class, () -> SentimentFixtures.parse("x.json", "[{\"text\":"));
  }

  @Test
  void readsJsonFilesOfAFolderInNameOrder(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("yelp.json"), "[{\"text\":\"y\",\"class\":1},{\"text\":\"\",\"class\":null}]");
    Files.writeString(
        dir.resolve("amazon.json"),
        "[{\"text\":\"a\",\"class\":0},{\"text\":\"\",\"class\":null}]");
    Files.writeString(dir.resolve("corpus.js"), "module.exports = 'not a fixture';");
    List<CorpusRow> rows = SentimentFixtures.readFolder(dir);
    assertEquals(List.of("a", "y"), rows.stream().map(CorpusRow::text).toList());
    assertEquals(List.of("amazon", "yelp"), rows.stream().map(CorpusRow::group).toList());
  }

  @Test
  void folderWithoutFixturesIsBadInput(@TempDir Path dir) {
    assertThrows(BadInputException.class, () -> SentimentFixtures.readFolder(dir));
    assertThrows(
        BadInputException.class, () -> SentimentFixtures.readFolder(dir.resolve("missing")));
  }
}
