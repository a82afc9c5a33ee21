package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanedRowsTest {

  private static CorpusRow row(String source, String text, String label) {
    return CorpusRow.of("g", source, text, label);
  }

  @Test
  void dropsEmptyTextsAndLaterDuplicatesKeepingTheFirst() {
    List<CorpusRow> rows =
        List.of(
            row("1", "hello", "ham"),
            row("2", "", "spam"),
            row("3", "hello", "ham"),
            row("4", "Hello", "ham"),
            row("5", "hello", "spam"),
            row("6", "bye", "spam"));
    CleanedRows cleaned = CleanedRows.of(rows);
    assertEquals(List.of("1", "4", "6"), cleaned.kept().stream().map(CorpusRow::source).toList());
    assertEquals(List.of("2"), cleaned.droppedEmpty().stream().map(CorpusRow::source).toList());
    assertEquals(
        List.of("3", "5"), cleaned.droppedDuplicates().stream().map(CorpusRow::source).toList());
    assertEquals(1, cleaned.duplicatesWithOtherLabel());
  }

  @Test
  void reportCountsPerClassAndGroupAddUp() {
    List<CorpusRow> rows =
        List.of(
            CorpusRow.of("a", "1", "x", "pos"),
            CorpusRow.of("a", "2", "x", "pos"),
            CorpusRow.of("b", "3", "", "neg"),
            CorpusRow.of("b", "4", "y", "neg"));
    DatasetReport report = DatasetReport.of("d.csv", rows, CleanedRows.of(rows));
    assertEquals(
        List.of(new DatasetReport.Count("neg", 2), new DatasetReport.Count("pos", 2)),
        report.read());
    assertEquals(List.of(new DatasetReport.Count("neg", 1)), report.droppedEmpty());
    assertEquals(List.of(new DatasetReport.Count("pos", 1)), report.droppedDuplicates());
    assertEquals(2, DatasetReport.total(report.written()));
    assertEquals(
        List.of(new DatasetReport.Count("a", 1), new DatasetReport.Count("b", 1)),
        report.writtenPerGroup());
  }
}
