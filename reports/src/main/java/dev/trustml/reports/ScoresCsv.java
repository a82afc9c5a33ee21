package dev.trustml.reports;

import dev.trustml.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;

/**
 * Per-example attack scores as CSV: {@code row,set,label,<attack>...}, one line per audited
 * example, so a reader can re-plot or re-threshold without rerunning the audit. Streams row by row
 * (memory does not grow with the row count) into a temporary file that replaces the target only
 * when complete. A higher score means "more likely a member".
 */
public final class ScoresCsv {
  /** The value of the {@code set} column. */
  public static final String MEMBER = "member";

  /** The value of the {@code set} column. */
  public static final String NON_MEMBER = "non-member";

  private static final List<String> FIXED_COLUMNS = List.of("row", "set", "label");

  private ScoresCsv() {}

  /**
   * Writes the scores of {@code rows.length} examples to {@code target} atomically.
   *
   * @param rows each example's row number in its input file
   * @param isMember whether each example is a member (training row)
   * @param labelNames the model's labels, indexed by {@code labels}
   * @param labels each example's true label, an index into {@code labelNames}
   * @param attackNames one column per attack
   * @param scores per attack, one score per example (NaN for none: an empty field)
   * @throws IllegalArgumentException when the arrays disagree in length, an attack name repeats or
   *     a label index is out of range (a bug in the caller; the target is left untouched)
   */
  public static void write(
      Path target,
      long[] rows,
      boolean[] isMember,
      String[] labelNames,
      int[] labels,
      List<String> attackNames,
      List<double[]> scores)
      throws IOException {
    int n = rows.length;
    require(isMember.length == n, "isMember has " + isMember.length + " entries, rows " + n);
    require(labels.length == n, "labels has " + labels.length + " entries, rows " + n);
    require(
        attackNames.size() == scores.size(),
        attackNames.size() + " attack names but " + scores.size() + " score arrays");
    Set<String> columns = new HashSet<>(FIXED_COLUMNS);
    for (int a = 0; a < attackNames.size(); a++) {
      require(columns.add(attackNames.get(a)), "duplicate column '" + attackNames.get(a) + "'");
      require(
          scores.get(a).length == n,
          "scores of "
              + attackNames.get(a)
              + " has "
              + scores.get(a).length
              + " entries, rows "
              + n);
    }
    AtomicFiles.write(
        target,
        out -> {
          Writer w = CsvRenderer.writer(out);
          CSVFormat csv = CsvRenderer.FORMAT;
          boolean first = true;
          for (String c : FIXED_COLUMNS) {
            csv.print(c, w, first);
            first = false;
          }
          for (String name : attackNames) {
            csv.print(name, w, false);
          }
          csv.println(w);
          for (int i = 0; i < n; i++) {
            // Checked as we go, not up front, so a huge audit is read once.
            require(
                labels[i] >= 0 && labels[i] < labelNames.length,
                "row "
                    + rows[i]
                    + ": label index "
                    + labels[i]
                    + " is not one of the model's labels");
            csv.print(rows[i], w, true);
            csv.print(isMember[i] ? MEMBER : NON_MEMBER, w, false);
            csv.print(labelNames[labels[i]], w, false);
            for (double[] s : scores) {
              csv.print(CsvRenderer.number(s[i]), w, false);
            }
            csv.println(w);
          }
          w.flush();
        });
  }

  private static void require(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalArgumentException("scores CSV: " + problem);
    }
  }
}
