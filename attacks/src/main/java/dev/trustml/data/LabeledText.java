package dev.trustml.data;

/**
 * One labelled example: a text and its label, and where it was read from. trustml's one type for a
 * training, audit or planted row (read from a CSV, planted as a canary, or prepared from a corpus).
 *
 * @param row 1-based data row number in its CSV (the header is row 0); 0 for a row that was not
 *     read from a file (a planted canary copy, a generated row)
 * @param line the line of the file the row starts on (for messages); 0 when not read from a file
 * @param text the text
 * @param label the label as written
 */
public record LabeledText(long row, long line, String text, String label) {

  /** A row that was not read from a file: row and line 0. */
  public LabeledText(String text, String label) {
    this(0, 0, text, label);
  }
}
