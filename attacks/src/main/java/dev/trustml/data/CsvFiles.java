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
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * How trustml opens every CSV it reads: Commons CSV's RFC 4180 format with a header line (distinct
 * names), empty lines skipped, a UTF-8 byte-order mark ignored, decoded as strict UTF-8; and the
 * one-line messages for files that cannot be read that way.
 */
final class CsvFiles {
  private CsvFiles() {}

  /** A parser positioned after the header, or a one-line error naming the file. */
  static CSVParser open(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory; pass a CSV file");
    }
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": file not found; check the path");
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
              .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
              .setIgnoreEmptyLines(true)
              .get();
      return CSVParser.builder().setReader(reader).setFormat(format).get();
    } catch (CharacterCodingException e) {
      closeQuietly(in);
      throw notUtf8(file, 1);
    } catch (IllegalArgumentException e) {
      closeQuietly(in);
      throw new BadInputException(
          file + ": " + headerProblem(e) + "; give each column a distinct name");
    } catch (UncheckedIOException | IOException e) {
      closeQuietly(in);
      if (rootCause(e) instanceof CharacterCodingException) {
        throw notUtf8(file, 1);
      }
      throw new BadInputException(file + ": cannot read the header (" + e.getMessage() + ")");
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

  /** Commons CSV's duplicate-header message names the column but advises a library call. */
  private static String headerProblem(IllegalArgumentException e) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("duplicate name: \"([^\"]*)\"")
            .matcher(String.valueOf(e.getMessage()));
    return m.find()
        ? "column '" + m.group(1) + "' appears more than once in the header"
        : "bad header line (" + e.getMessage() + ")";
  }

  static BadInputException notUtf8(Path file, long afterLine) {
    return new BadInputException(
        file + ": not valid UTF-8 near line " + afterLine + "; re-save the file as UTF-8");
  }

  static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }

  static void closeQuietly(AutoCloseable in) {
    try {
      in.close();
    } catch (Exception ignored) {
      // nothing more to report than the original problem
    }
  }

  /**
   * The next record, or null at the end of the file; a decoding or syntax error becomes one line
   * naming the file and the last line read well.
   */
  static CSVRecord next(Iterator<CSVRecord> records, Path file, long lastLine)
      throws BadInputException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      if (rootCause(e) instanceof CharacterCodingException) {
        throw notUtf8(file, lastLine);
      }
      throw new BadInputException(
          file + ": malformed CSV after line " + lastLine + " (" + rootCause(e).getMessage() + ")");
    }
  }

  /** A record whose number of fields is not the header's, as one line naming row and line. */
  static void requireWidth(CSVRecord r, int width, Path file, long line) throws BadInputException {
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
  }
}
