package dev.trustml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the CSV reader with arbitrary file contents: every file either reads as rows or is
 * rejected with a {@link BadInputException}; any other exception is a bug. {@code make test} runs
 * only the seeds in {@code LabeledCsvReaderFuzzTestInputs/}; {@code make fuzz} mutates them.
 */
class LabeledCsvReaderFuzzTest {
  @TempDir static Path dir;

  @FuzzTest
  void readsAnyFileOrRejectsItAsBadInput(byte[] content) throws IOException {
    Path file = dir.resolve("rows.csv");
    Files.write(file, content);
    List<LabeledText> rows;
    try (LabeledCsvReader reader = LabeledCsvReader.open(file, CsvColumns.DEFAULT)) {
      rows = reader.readAll();
    } catch (BadInputException e) {
      return;
    }
    long previousLine = 1; // the header
    for (int i = 0; i < rows.size(); i++) {
      LabeledText row = rows.get(i);
      assertEquals(i + 1, row.row(), "data rows are numbered from 1");
      assertTrue(row.line() > previousLine, "each row starts after the previous one");
      assertNotNull(row.text());
      assertNotNull(row.label());
      previousLine = row.line();
    }
  }
}
