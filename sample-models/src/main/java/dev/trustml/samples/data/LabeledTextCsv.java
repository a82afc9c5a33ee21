package dev.trustml.samples.data;

import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The sample datasets' CSV layout: UTF-8, header {@code text,label}, RFC 4180 quoting (fields with
 * commas, quotes or line breaks are quoted, quotes doubled), LF record ends so git diffs stay
 * clean.
 */
public final class LabeledTextCsv {

  /** The text column. */
  public static final String TEXT = "text";

  /** The label column. */
  public static final String LABEL = "label";

  private static final CSVFormat WRITE_FORMAT = CSVFormat.RFC4180;

  private static final CSVFormat READ_FORMAT =
      CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

  private LabeledTextCsv() {}

  /** Writes the header and the rows' text and label. */
  public static void write(List<LabeledText> rows, Writer out) throws IOException {
    // CSVFormat.format quotes like CSVPrinter does; it is used instead because referencing
    // CSVPrinter makes javac -Xlint warn about a SpotBugs annotation missing from the classpath.
    out.write(WRITE_FORMAT.format(TEXT, LABEL));
    out.write('\n');
    for (LabeledText row : rows) {
      out.write(WRITE_FORMAT.format(row.text(), row.label()));
      out.write('\n');
    }
    out.flush();
  }

  /** Writes the rows to a UTF-8 file, replacing it. */
  public static void write(List<LabeledText> rows, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(rows, out);
    }
  }

  /**
   * Reads rows written by {@link #write}, numbered from 1; {@code sourceName} names the input in
   * messages.
   *
   * @throws BadInputException if the header lacks a column or a record is short
   */
  public static List<LabeledText> read(Reader in, String sourceName)
      throws IOException, BadInputException {
    List<LabeledText> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(READ_FORMAT).get()) {
      List<String> header = parser.getHeaderNames();
      if (!header.contains(TEXT) || !header.contains(LABEL)) {
        throw new BadInputException(
            sourceName + ": header is " + header + ", expected columns 'text' and 'label'");
      }
      for (CSVRecord record : parser) {
        String where = sourceName + " record " + record.getRecordNumber();
        if (!record.isSet(TEXT) || !record.isSet(LABEL)) {
          throw new BadInputException(where + ": has fewer fields than the header");
        }
        rows.add(new LabeledText(record.getRecordNumber(), 0, record.get(TEXT), record.get(LABEL)));
      }
    }
    return rows;
  }
}
