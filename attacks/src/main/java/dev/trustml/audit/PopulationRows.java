package dev.trustml.audit;

import dev.trustml.data.CsvColumns;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.scoring.Scorer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Population rows: a CSV of rows known to be outside the target's training data, scored by the
 * target (and later the reference models). They calibrate attacks and serve as RMIA's {@code z}
 * samples; they are never evaluated, so none may also be an audit row.
 */
final class PopulationRows {
  private PopulationRows() {}

  /**
   * Scores {@code file} with the target.
   *
   * @param auditKeys the audit rows' fingerprints ({@link RowKey}), to refuse shared rows
   */
  static ScoredRows score(
      Scorer scorer,
      Path file,
      CsvColumns columns,
      List<String> labels,
      boolean keepTexts,
      long[] auditKeys)
      throws TrustmlException {
    ScoredRows rows = new ScoredRows(labels.size(), keepTexts);
    scorer.score(file, columns, e -> rows.add(e, false, labels.get(e.label())));
    if (rows.size() == 0) {
      throw new BadInputException(file + ": the population file has no rows; add rows or drop it");
    }
    long[] sorted = auditKeys.clone();
    Arrays.sort(sorted);
    long shared =
        Arrays.stream(rows.keys()).filter(k -> Arrays.binarySearch(sorted, k) >= 0).count();
    if (shared > 0) {
      throw new BadInputException(
          file
              + ": shares "
              + shared
              + " row(s) (same text and label) with the audited members or non-members;"
              + " population rows are never evaluated: remove them from the population file");
    }
    return rows;
  }
}
