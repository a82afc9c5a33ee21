package dev.trustml.data;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams (text, label) rows from a UTF-8 CSV with a header line. Memory does not grow with the
 * file. Every problem is reported as one line naming the file, the row and the fix.
 *
 * <p>The dialect is Commons CSV's RFC 4180 format with empty lines skipped, decoded as strict
 * UTF-8. Well-formed rows are read by {@link FastCsvRecords} (several times faster); at the first
 * row it does not read exactly as Commons CSV would, Commons CSV takes over from that row, so rows,
 * line numbers and error messages are always Commons CSV's.
 */
public final class LabeledCsvReader implements AutoCloseable {
  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int textIndex;
  private final int labelIndex;
  private final int width;
  private long lastLine = 1;

  /** Data rows returned so far. */
  private long rowsRead;

  /** The fast reader, or null once Commons CSV reads the rows. */
  private FastCsvRecords fast;

  private LabeledCsvReader(Path file, CSVParser parser, CsvColumns columns)
      throws BadInputException {
    this.file = file;
    this.parser = parser;
    Map<String, Integer> header = parser.getHeaderMap();
    if (header == null || header.isEmpty()) {
      throw new BadInputException(
          file + ": empty file; expected a header line naming the columns (e.g. text,label)");
    }
    this.width = parser.getHeaderNames().size();
    this.textIndex =
        column(header, columns.text(), Message.ref(Setting.TEXT_COLUMN, "another text column"));
    this.labelIndex =
        column(header, columns.label(), Message.ref(Setting.LABEL_COLUMN, "another label column"));
    this.records = parser.iterator();
  }

  /**
   * Opens {@code file}; fails at once on a missing file, a directory, an empty file, a header
   * without the named columns, or a header with duplicate names.
   */
  public static LabeledCsvReader open(Path file, CsvColumns columns) throws BadInputException {
    return open(file, columns, 1 << 16);
  }

  /** {@link #open(Path, CsvColumns)} with the fast reader's initial buffer size (for tests). */
  static LabeledCsvReader open(Path file, CsvColumns columns, int bufferSize)
      throws BadInputException {
    LabeledCsvReader reader = openCommonsOnly(file, columns);
    reader.startFastReader(bufferSize);
    return reader;
  }

  /** A reader that parses every row with Commons CSV (the reference the fast reader must match). */
  static LabeledCsvReader openCommonsOnly(Path file, CsvColumns columns) throws BadInputException {
    CSVParser parser = CsvFiles.open(file);
    try {
      return new LabeledCsvReader(file, parser, columns);
    } catch (BadInputException e) {
      CsvFiles.closeQuietly(parser);
      throw e;
    }
  }

  /**
   * Opens the file a second time for {@link FastCsvRecords}, which skips the header Commons CSV has
   * already checked. Any trouble just leaves the rows to Commons CSV.
   */
  private void startFastReader(int bufferSize) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      return;
    }
    FastCsvRecords f = new FastCsvRecords(in, width, textIndex, labelIndex, bufferSize);
    if (f.skipHeader()) {
      fast = f;
    } else {
      f.close();
    }
  }

  private int column(Map<String, Integer> header, String name, Message.Ref setting)
      throws BadInputException {
    Integer index = header.get(name);
    if (index == null) {
      throw new BadInputException(
          Message.of(
              file,
              ": no column '",
              name,
              "' in the header (columns: ",
              String.join(", ", parser.getHeaderNames()),
              "); rename it or pass ",
              setting));
    }
    return index;
  }

  /** The next row, or null at the end of the file. */
  public LabeledText next() throws BadInputException {
    if (fast != null) {
      switch (fast.next()) {
        case RECORD -> {
          long line = lastLine + 1;
          lastLine = fast.lineNumber();
          rowsRead++;
          return new LabeledText(rowsRead, line, fast.text(), fast.label());
        }
        case END -> {
          return null;
        }
        case IRREGULAR -> handOverToCommons();
      }
    }
    return nextWithCommons();
  }

  /**
   * Commons CSV takes over: it re-reads the rows the fast reader returned (the same rows, so the
   * same line bookkeeping; a problem it finds on the way, such as invalid UTF-8 it decoded ahead,
   * is reported as it would have been) and then reads the rest.
   */
  private void handOverToCommons() throws BadInputException {
    fast.close();
    fast = null;
    long returned = rowsRead;
    lastLine = 1;
    rowsRead = 0;
    while (rowsRead < returned && nextWithCommons() != null) {
      // replaying
    }
  }

  private LabeledText nextWithCommons() throws BadInputException {
    CSVRecord r = CsvFiles.next(records, file, lastLine);
    if (r == null) {
      return null;
    }
    // The row starts on the line after the previous record ended (blank lines aside).
    long line = lastLine + 1;
    lastLine = parser.getCurrentLineNumber();
    CsvFiles.requireWidth(r, width, file, line);
    rowsRead = r.getRecordNumber();
    return new LabeledText(r.getRecordNumber(), line, r.get(textIndex), r.get(labelIndex));
  }

  /** Reads every row (for small files such as canary secrets; audits stream instead). */
  public List<LabeledText> readAll() throws BadInputException {
    List<LabeledText> rows = new ArrayList<>();
    for (LabeledText t; (t = next()) != null; ) {
      rows.add(t);
    }
    return rows;
  }

  /** Whether the fast path is (still) reading the rows; for tests. */
  boolean readsFast() {
    return fast != null;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    if (fast != null) {
      fast.close();
      fast = null;
    }
    try {
      parser.close();
    } catch (IOException ignored) {
      // read-only file: closing cannot lose data
    }
  }
}
