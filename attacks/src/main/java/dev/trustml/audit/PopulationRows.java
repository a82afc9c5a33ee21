package dev.trustml.audit;

import dev.trustml.data.CsvColumns;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import java.nio.file.Path;

/**
 * Population rows: a CSV of rows known to be outside the target's training data, scored by the
 * target (and later the reference models). They calibrate attacks and serve as RMIA's {@code z}
 * samples; they are never evaluated, so none may also be an audit row.
 */
final class PopulationRows {
  private PopulationRows() {}

  /** Scores {@code file} with the target, refusing rows that are also audit rows. */
  static ScoredRows score(
      TargetScorer target, Path file, CsvColumns columns, boolean keepTexts, AuditRows audit)
      throws TrustmlException {
    ScoredRows rows = new ScoredRows(target.labels().size(), keepTexts);
    target.score(file, columns, false, rows, null);
    if (rows.size() == 0) {
      throw new BadInputException(file + ": the population file has no rows; add rows or drop it");
    }
    requireDisjoint(file.toString(), audit, rows.rows(target.labels()));
    return rows;
  }

  /**
   * Refuses population rows that are also audit rows.
   *
   * @param where the population's file, for the message
   */
  static void requireDisjoint(String where, AuditRows audit, AuditRows population)
      throws BadInputException {
    long shared = audit.sharedWith(population);
    if (shared > 0) {
      throw new BadInputException(
          where
              + ": shares "
              + shared
              + " row(s) (same text and label) with the audited members or non-members;"
              + " population rows are never evaluated: remove them from the population file");
    }
  }
}
