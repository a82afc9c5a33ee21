package dev.trustml.data;

/**
 * One example read from a CSV.
 *
 * @param row 1-based data row number (the header is row 0)
 * @param line the line of the file the row starts on (for messages)
 * @param text the text
 * @param label the label as written
 */
public record LabeledText(long row, long line, String text, String label) {}
