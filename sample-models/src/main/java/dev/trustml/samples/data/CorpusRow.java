package dev.trustml.samples.data;

import dev.trustml.data.LabeledText;
import java.util.Objects;

/**
 * One row of a source corpus: the labelled text and where it came from.
 *
 * @param group the source subset (e.g. {@code yelp}, {@code easy-ham-2}); for reports only
 * @param source the file (and entry) the text was read from; for messages and reports only
 * @param row the cleaned text and its class label as written to the CSV (e.g. {@code positive},
 *     {@code spam})
 */
public record CorpusRow(String group, String source, LabeledText row) {

  /** Checks that no component is null. */
  public CorpusRow {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(row.text(), "text");
    Objects.requireNonNull(row.label(), "label");
  }

  /** A row read from {@code source} in {@code group}. */
  public static CorpusRow of(String group, String source, String text, String label) {
    return new CorpusRow(group, source, new LabeledText(text, label));
  }

  /** The cleaned text. */
  public String text() {
    return row.text();
  }

  /** The class label. */
  public String label() {
    return row.label();
  }
}
