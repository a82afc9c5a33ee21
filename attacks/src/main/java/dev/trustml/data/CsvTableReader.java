package dev.trustml.data;

import dev.trustml.error.BadInputException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams the rows of a UTF-8 CSV with a header line, any columns, in trustml's one dialect (see
 * {@link LabeledCsvReader}, which reads text-and-label files fast): each row with its number and
 * line, every row as wide as the header. Problems are one line naming the file and the row.
 */
public final class CsvTableReader implements AutoCloseable {
  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final Map<String, Integer> columns;
  private long lastLine = 1;

  private CsvTableReader(Path file, CSVParser parser) throws BadInputException {
    this.file = file;
    this.parser = parser;
    this.columns = parser.getHeaderMap();
    if (columns == null || columns.isEmpty()) {
      throw new BadInputException(file + ": empty file; expected a header line naming the columns");
    }
    this.header = List.copyOf(parser.getHeaderNames());
    this.records = parser.iterator();
  }

  /** Opens {@code file} and reads its header. */
  public static CsvTableReader open(Path file) throws BadInputException {
    CSVParser parser = CsvFiles.open(file);
    try {
      return new CsvTableReader(file, parser);
    } catch (BadInputException e) {
      CsvFiles.closeQuietly(parser);
      throw e;
    }
  }

  /**
   * One data row.
   *
   * @param number 1-based data row (the header is not a row)
   * @param line the line the row starts on
   * @param fields one per header column
   */
  public record Row(long number, long line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }

    /** The field of the column at {@code index}. */
    public String get(int index) {
      return fields.get(index);
    }
  }

  public Path file() {
    return file;
  }

  /** The column names, in file order. */
  public List<String> header() {
    return header;
  }

  /** The index of the column named {@code name}, or -1 when there is none. */
  public int column(String name) {
    Integer index = columns.get(name);
    return index == null ? -1 : index;
  }

  /** The next row, or null at the end of the file. */
  public Row next() throws BadInputException {
    CSVRecord r = CsvFiles.next(records, file, lastLine);
    if (r == null) {
      return null;
    }
    long line = lastLine + 1;
    lastLine = parser.getCurrentLineNumber();
    CsvFiles.requireWidth(r, header.size(), file, line);
    return new Row(r.getRecordNumber(), line, r.toList());
  }

  @Override
  public void close() {
    CsvFiles.closeQuietly(parser);
  }
}
