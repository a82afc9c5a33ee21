package dev.trustml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabeledCsvWriterTest {
  @TempDir Path dir;

  private static final List<String> AWKWARD_TEXTS =
      List.of(
          "plain words",
          "a, comma",
          "say \"hi\", then leave",
          "two\nlines",
          "crlf\r\nline",
          " leading and trailing spaces ",
          "\"",
          "",
          "ends with a newline\n",
          "unicode caf\u00E9 \u20AC \uD83D\uDE00",
          "#not a comment");

  @Test
  void readerGetsBackEveryTextAndLabel() throws Exception {
    List<LabeledText> rows =
        AWKWARD_TEXTS.stream().map(t -> new LabeledText(t, "spam, or \"ham\"")).toList();
    Path file = dir.resolve("rows.csv");
    LabeledCsvWriter.write(file, rows);
    List<LabeledText> back;
    try (LabeledCsvReader r = LabeledCsvReader.open(file, CsvColumns.DEFAULT)) {
      back = r.readAll();
    }
    assertEquals(AWKWARD_TEXTS, back.stream().map(LabeledText::text).toList());
    assertEquals(
        List.of("spam, or \"ham\""), back.stream().map(LabeledText::label).distinct().toList());
  }

  @Test
  void writesRfc4180QuotingWithLfRecordEnds() throws Exception {
    Path file = dir.resolve("rows.csv");
    LabeledCsvWriter.write(
        file,
        List.of(
            new LabeledText(3, 4, "plain", "positive"),
            new LabeledText("say \"hi\", ok", "negative"),
            new LabeledText("two\nlines", "x")));
    // RFC 4180 section 2, rules 6-7: fields with commas, quotes or line breaks are quoted, quotes
    // doubled; records end with LF (not the RFC's CRLF), and no byte-order mark comes first.
    assertEquals(
        "text,label\nplain,positive\n\"say \"\"hi\"\", ok\",negative\n\"two\nlines\",x\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void headerNamesTheGivenColumns() throws Exception {
    Path file = dir.resolve("rows.csv");
    LabeledCsvWriter.write(
        file, new CsvColumns("review", "stars"), List.of(new LabeledText("good", "5")));
    assertEquals("review,stars\ngood,5\n", Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "old content that is longer than the new one\n");
    LabeledCsvWriter.write(file, List.of(new LabeledText("a", "b")));
    assertEquals("text,label\na,b\n", Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFailingRowSourceLeavesTheOldFileAlone() throws Exception {
    Path file = dir.resolve("rows.csv");
    Files.writeString(file, "text,label\nkept,yes\n");
    Iterable<LabeledText> failing =
        () ->
            Stream.of(new LabeledText("x", "y"), (LabeledText) null)
                .map(r -> r == null ? failRow() : r)
                .iterator();
    assertThrows(IllegalStateException.class, () -> LabeledCsvWriter.write(file, failing));
    assertEquals("text,label\nkept,yes\n", Files.readString(file, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(dir)) {
      assertFalse(files.anyMatch(p -> !p.equals(file)), "no temporary file left");
    }
  }

  private static LabeledText failRow() {
    throw new IllegalStateException("row source failed");
  }
}
