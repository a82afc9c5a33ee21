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
    List<LabeledText> kept,
    List<LabeledText> droppedEmpty,
    List<LabeledText> droppedDuplicates,
    int duplicatesWithOtherLabel) {

  /** Copies the lists so the record stays immutable. */
  public CleanedRows {
    kept = List.copyOf(kept);
    droppedEmpty = List.copyOf(droppedEmpty);
    droppedDuplicates = List.copyOf(droppedDuplicates);
  }

  /** Drops empty texts, then every text already seen (the comparison is exact, case-sensitive). */
  public static CleanedRows of(List<LabeledText> rows) {
    List<LabeledText> kept = new ArrayList<>();
    List<LabeledText> empty = new ArrayList<>();
    List<LabeledText> duplicates = new ArrayList<>();
    Map<String, LabeledText> firstByText = new HashMap<>();
    int otherLabel = 0;
    for (LabeledText row : rows) {
      if (row.text().isEmpty()) {
        empty.add(row);
        continue;
      }
      LabeledText first = firstByText.putIfAbsent(row.text(), row);
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
