package dev.trustml.samples.data;

import java.util.Objects;

/**
 * One row of a prepared dataset: a text, its class label, and where it came from.
 *
 * @param group the source subset (e.g. {@code yelp}, {@code easy-ham-2}); for reports only
 * @param source the file (and entry) the text was read from; for messages and reports only
 * @param text the cleaned text
 * @param label the class label as written to the CSV (e.g. {@code positive}, {@code spam})
 */
public record LabeledText(String group, String source, String text, String label) {

  /** Checks that no component is null. */
  public LabeledText {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
  }
}
