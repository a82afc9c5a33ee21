package dev.trustml.data;

/**
 * Which CSV columns hold the text and the label.
 *
 * @param text the text column's header name
 * @param label the label column's header name
 */
public record CsvColumns(String text, String label) {
  /** {@code text} and {@code label}. */
  public static final CsvColumns DEFAULT = new CsvColumns("text", "label");
}
