package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trustml.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamAssassinCorpusTest {

  private static void message(Path dir, String group, String file, String body) throws Exception {
    Files.createDirectories(dir.resolve(group));
    Files.writeString(dir.resolve(group).resolve(file), "Subject: s\n\n" + body + "\n");
  }

  @Test
  void labelsByGroupReadsInNameOrderAndTruncates(@TempDir Path dir) throws Exception {
    message(dir, "spam-1", "00001.aaa.txt", "buy now buy now buy now");
    message(dir, "easy-ham-2", "00002.bbb.txt", "second ham");
    message(dir, "easy-ham-2", "00001.ccc.txt", "first ham");
    message(dir, "hard-ham-1", "00001.ddd.txt", "hard ham");
    Files.writeString(dir.resolve("easy-ham-2").resolve("00001.ccc.json"), "{\"ignored\":true}");
    Files.writeString(dir.resolve("file_list.json"), "[]");

    List<CorpusRow> rows = SpamAssassinCorpus.readFolder(dir, 3);

    assertEquals(
        List.of(
            "easy-ham-2/00001.ccc.txt",
            "easy-ham-2/00002.bbb.txt",
            "hard-ham-1/00001.ddd.txt",
            "spam-1/00001.aaa.txt"),
        rows.stream().map(CorpusRow::source).toList());
    assertEquals(
        List.of("ham", "ham", "ham", "spam"), rows.stream().map(CorpusRow::label).toList());
    assertEquals("buy now buy", rows.get(3).text());
    assertEquals("first ham", rows.get(0).text());
  }

  @Test
  void groupNamedNeitherHamNorSpamIsBadInput(@TempDir Path dir) throws Exception {
    message(dir, "misc", "00001.txt", "x");
    BadInputException e =
        assertThrows(BadInputException.class, () -> SpamAssassinCorpus.readFolder(dir, 10));
    assertEquals(true, e.getMessage().contains("misc"), e.getMessage());
  }

  @Test
  void folderWithoutGroupsIsBadInput(@TempDir Path dir) {
    assertThrows(BadInputException.class, () -> SpamAssassinCorpus.readFolder(dir, 10));
  }
}
