package dev.trustml.samples.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows after dropping empty texts and exact duplicate texts (the first occurrence is kept).
 *
 * @param kept the rows to write, in input order
 * @param droppedEmpty rows whose text was empty
 * @param droppedDuplicates rows whose text equals that of an earlier kept row
 * @param duplicatesWithOtherLabel how many of {@code droppedDuplicates} carry a different label
 *     than the kept row they duplicate (label noise in the source)
 */
public record CleanedRows(
    List<CorpusRow> kept,
    List<CorpusRow> droppedEmpty,
    List<CorpusRow> droppedDuplicates,
    int duplicatesWithOtherLabel) {

  /** Copies the lists so the record stays immutable. */
  public CleanedRows {
    kept = List.copyOf(kept);
    droppedEmpty = List.copyOf(droppedEmpty);
    droppedDuplicates = List.copyOf(droppedDuplicates);
  }

  /** Drops empty texts, then every text already seen (the comparison is exact, case-sensitive). */
  public static CleanedRows of(List<CorpusRow> rows) {
    List<CorpusRow> kept = new ArrayList<>();
    List<CorpusRow> empty = new ArrayList<>();
    List<CorpusRow> duplicates = new ArrayList<>();
    Map<String, CorpusRow> firstByText = new HashMap<>();
    int otherLabel = 0;
    for (CorpusRow row : rows) {
      if (row.text().isEmpty()) {
        empty.add(row);
        continue;
      }
      CorpusRow first = firstByText.putIfAbsent(row.text(), row);
      if (first == null) {
        kept.add(row);
      } else {
        duplicates.add(row);
        if (!first.label().equals(row.label())) {
          otherLabel++;
        }
      }
    }
    return new CleanedRows(kept, empty, duplicates, otherLabel);
  }
}
