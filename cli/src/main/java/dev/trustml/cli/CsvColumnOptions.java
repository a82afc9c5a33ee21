package dev.trustml.cli;

import dev.trustml.data.CsvColumns;
import picocli.CommandLine.Option;

/** Which CSV columns hold text and label (a {@code @Mixin}). */
public final class CsvColumnOptions {
  @Option(
      names = "--text-column",
      paramLabel = "NAME",
      defaultValue = "text",
      description = "CSV column holding the text (default: ${DEFAULT-VALUE}).")
  String text;

  @Option(
      names = "--label-column",
      paramLabel = "NAME",
      defaultValue = "label",
      description = "CSV column holding the label (default: ${DEFAULT-VALUE}).")
  String label;

  CsvColumns columns() {
    return new CsvColumns(text, label);
  }
}
