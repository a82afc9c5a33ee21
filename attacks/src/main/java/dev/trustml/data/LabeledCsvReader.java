package dev.trustml.data;

import dev.trustml.error.BadInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams (text, label) rows from a UTF-8 CSV with a header line. Memory does not grow with the
 * file. Every problem is reported as one line naming the file, the row and the fix.
 */
public final class LabeledCsvReader implements AutoCloseable {
  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final int textIndex;
  private final int labelIndex;
  private final int width;
  private long lastLine = 1;

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
    this.textIndex = column(header, columns.text(), "--text-column");
    this.labelIndex = column(header, columns.label(), "--label-column");
    this.records = parser.iterator();
  }

  /**
   * Opens {@code file}; fails at once on a missing file, a directory, an empty file, a header
   * without the named columns, or a header with duplicate names.
   */
  public static LabeledCsvReader open(Path file, CsvColumns columns) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory; pass a CSV file");
    }
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new BadInputException(file + ": permission denied; make the file readable");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot open (" + e.getMessage() + ")");
    }
    try {
      skipUtf8Bom(in);
      CharsetDecoder strictUtf8 =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      Reader reader = new InputStreamReader(in, strictUtf8);
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
              .setIgnoreEmptyLines(true)
              .get();
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      return new LabeledCsvReader(file, parser, columns);
    } catch (CharacterCodingException e) {
      closeQuietly(in);
      throw notUtf8(file, 1);
    } catch (IllegalArgumentException e) {
      closeQuietly(in);
      throw new BadInputException(
          file + ": bad header line (" + e.getMessage() + "); give each column a distinct name");
    } catch (UncheckedIOException | IOException e) {
      closeQuietly(in);
      if (rootCause(e) instanceof CharacterCodingException) {
        throw notUtf8(file, 1);
      }
      throw new BadInputException(file + ": cannot read the header (" + e.getMessage() + ")");
    } catch (BadInputException e) {
      closeQuietly(in);
      throw e;
    }
  }

  private static void skipUtf8Bom(InputStream in) throws IOException {
    in.mark(3);
    byte[] b = in.readNBytes(3);
    if (!(b.length == 3
        && (b[0] & 0xff) == 0xef
        && (b[1] & 0xff) == 0xbb
        && (b[2] & 0xff) == 0xbf)) {
      in.reset();
    }
  }

  private int column(Map<String, Integer> header, String name, String option)
      throws BadInputException {
    Integer index = header.get(name);
    if (index == null) {
      throw new BadInputException(
          file
              + ": no column '"
              + name
              + "' in the header (columns: "
              + String.join(", ", parser.getHeaderNames())
              + "); rename it or pass "
              + option);
    }
    return index;
  }

  /** The next row, or null at the end of the file. */
  public LabeledText next() throws BadInputException {
    CSVRecord r;
    try {
      if (!records.hasNext()) {
        return null;
      }
      r = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      if (rootCause(e) instanceof CharacterCodingException) {
        throw notUtf8(file, lastLine);
      }
      throw new BadInputException(
          file + ": malformed CSV after line " + lastLine + " (" + rootCause(e).getMessage() + ")");
    }
    // The row starts on the line after the previous record ended (blank lines aside).
    long line = lastLine + 1;
    lastLine = parser.getCurrentLineNumber();
    if (r.size() != width) {
      throw new BadInputException(
          file
              + " row "
              + r.getRecordNumber()
              + " (line "
              + line
              + "): "
              + r.size()
              + " field(s) but the header has "
              + width
              + "; quote fields that contain commas");
    }
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

  public Path file() {
    return file;
  }

  private static BadInputException notUtf8(Path file, long afterLine) {
    return new BadInputException(
        file + ": not valid UTF-8 near line " + afterLine + "; re-save the file as UTF-8");
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to report than the original problem
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // read-only file: closing cannot lose data
    }
  }
}
