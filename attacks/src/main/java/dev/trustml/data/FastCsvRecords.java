package dev.trustml.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fast reader of the well-formed common case of the CSV dialect {@link LabeledCsvReader} reads
 * with Commons CSV (RFC 4180: comma, double quotes with {@code ""} inside, CR/LF/CRLF line ends,
 * empty lines skipped, strict UTF-8), working on bytes: about five times faster, which matters
 * because reading the CSV was the largest part of scoring a file.
 *
 * <p>It never reports an error itself. Anything it does not reproduce exactly (a record whose field
 * count differs from the header's, an unterminated quote, characters after a closing quote, invalid
 * UTF-8, a read failure) makes {@link #next()} return {@link Status#IRREGULAR}; the caller then
 * lets Commons CSV read from that record on, so results and error messages are Commons CSV's. For
 * every record it does return, the fields, the record number and the line count agree with Commons
 * CSV's (a differential test checks this on random files).
 */
final class FastCsvRecords implements AutoCloseable {
  /** What {@link #next()} found. */
  enum Status {
    /** A record; its fields are in {@link #text()} and {@link #label()}. */
    RECORD,
    /** The end of the file. */
    END,
    /** Something only Commons CSV handles (or reports) exactly. */
    IRREGULAR
  }

  private static final byte QUOTE = '"';
  private static final byte COMMA = ',';
  private static final byte CR = '\r';
  private static final byte LF = '\n';

  /** Parse outcome of one attempt on the buffered bytes. */
  private static final int PARSED = 0;

  private static final int NEED_MORE = 1;
  private static final int AT_END = 2;
  private static final int NOT_REGULAR = 3;

  private final InputStream in;
  private final int width;
  private final int textIndex;
  private final int labelIndex;
  private final CharsetDecoder strictUtf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);

  /** Bytes read and not yet parsed are {@code buf[pos, limit)}; grows for longer records. */
  private byte[] buf;

  private int pos;
  private int limit;
  private boolean eof;

  /** Line ends consumed so far, counted as Commons CSV's reader counts them. */
  private long lines;

  // Fields of the record being parsed: [start, end) in buf, and flags.
  private int fields;
  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private boolean[] escapedQuotes = new boolean[8];
  private boolean[] nonAscii = new boolean[8];
  private byte[] scratch = new byte[256];

  private String text;
  private String label;

  /**
   * @param in the file's bytes from the start
   * @param width the header's field count
   * @param bufferSize initial read buffer (tests use tiny ones to hit every boundary case)
   */
  FastCsvRecords(InputStream in, int width, int textIndex, int labelIndex, int bufferSize) {
    this.buf = new byte[bufferSize];
    this.in = in;
    this.width = width;
    this.textIndex = textIndex;
    this.labelIndex = labelIndex;
  }

  /**
   * Skips a UTF-8 byte-order mark and the header record; false if the header is not regular (then
   * use Commons CSV only).
   */
  boolean skipHeader() {
    try {
      while (!eof && limit < 3) {
        refill();
      }
    } catch (IOException e) {
      return false;
    }
    if (limit >= 3
        && (buf[0] & 0xff) == 0xef
        && (buf[1] & 0xff) == 0xbb
        && (buf[2] & 0xff) == 0xbf) {
      pos = 3;
    }
    return read() == PARSED && fields == width && allValidUtf8();
  }

  /** Reads the next record. */
  Status next() {
    int r = read();
    if (r == AT_END) {
      return Status.END;
    }
    if (r != PARSED || fields != width || !allValidUtf8()) {
      return Status.IRREGULAR;
    }
    try {
      text = field(textIndex);
      label = field(labelIndex);
    } catch (CharacterCodingException e) {
      return Status.IRREGULAR;
    }
    return Status.RECORD;
  }

  String text() {
    return text;
  }

  String label() {
    return label;
  }

  /**
   * Commons CSV's {@code getCurrentLineNumber()} right after the last record returned: the line
   * ends read so far (Commons counts one more for a last line without a line end, but no row
   * follows that one, so no line number is ever derived from it).
   */
  long lineNumber() {
    return lines;
  }

  /** Parses one record, refilling the buffer as needed. */
  private int read() {
    while (true) {
      int r = parse();
      if (r != NEED_MORE) {
        return r;
      }
      try {
        if (!refill()) {
          return NOT_REGULAR;
        }
      } catch (IOException e) {
        return NOT_REGULAR;
      }
    }
  }

  /** Keeps the unparsed bytes, reads more after them; false only if nothing more can be read. */
  private boolean refill() throws IOException {
    if (eof) {
      return false;
    }
    int kept = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, kept);
    } else if (kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
    }
    pos = 0;
    limit = kept;
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
    return true;
  }

  /**
   * Parses the record at {@code pos} from the buffered bytes. Commits (moves {@code pos}, counts
   * lines) only when it returns {@link #PARSED} or {@link #AT_END}.
   */
  private int parse() {
    final byte[] b = buf;
    final int end = limit;
    int i = pos;
    long newLines = 0;
    // Empty lines before a record are skipped (every record starts at the start of a line).
    // (A CR at the buffer end is safe: nothing is committed before the record is complete.)
    while (i < end && (b[i] == LF || b[i] == CR)) {
      i += b[i] == CR && i + 1 < end && b[i + 1] == LF ? 2 : 1;
      newLines++;
    }
    if (i >= end) {
      if (!eof) {
        return NEED_MORE;
      }
      pos = i;
      lines += newLines;
      return AT_END;
    }
    fields = 0;
    while (true) {
      int start;
      int stop;
      boolean escaped = false;
      boolean high = false;
      if (i < end && b[i] == QUOTE) {
        start = ++i;
        while (true) {
          if (i >= end) {
            // An unterminated quote at the end of the file is Commons CSV's error to report.
            return eof ? NOT_REGULAR : NEED_MORE;
          }
          byte c = b[i];
          if (c == QUOTE) {
            // (a quote at the buffer end is settled by the check after the closing quote)
            if (i + 1 < end && b[i + 1] == QUOTE) {
              escaped = true;
              i += 2;
              continue;
            }
            stop = i++;
            break;
          }
          if (c < 0) {
            high = true;
          } else if (c == CR || (c == LF && b[i - 1] != CR)) {
            newLines++;
          }
          i++;
        }
        // After the closing quote: a comma, a line end or the end of the file; anything else
        // (Commons CSV skips whitespace here, and rejects other characters) is not ours.
        if (i < end && b[i] != COMMA && b[i] != CR && b[i] != LF) {
          return NOT_REGULAR;
        }
        if (i >= end && !eof) {
          return NEED_MORE;
        }
      } else {
        start = i;
        // Quotes inside an unquoted field are ordinary characters, as in Commons CSV.
        while (i < end) {
          byte c = b[i];
          if (c == COMMA || c == CR || c == LF) {
            break;
          }
          high |= c < 0;
          i++;
        }
        if (i >= end && !eof) {
          return NEED_MORE;
        }
        stop = i;
      }
      addField(start, stop, escaped, high);
      if (i >= end) { // the end of the file ends the record
        pos = i;
        lines += newLines;
        return PARSED;
      }
      if (b[i] == COMMA) {
        i++;
        continue;
      }
      // A line end: CR LF, CR or LF.
      if (b[i] == CR) {
        if (i + 1 >= end && !eof) {
          return NEED_MORE;
        }
        i += i + 1 < end && b[i + 1] == LF ? 2 : 1;
      } else {
        i++;
      }
      pos = i;
      lines += newLines + 1;
      return PARSED;
    }
  }

  private void addField(int start, int stop, boolean escaped, boolean high) {
    if (fields == starts.length) {
      int n = fields * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      escapedQuotes = Arrays.copyOf(escapedQuotes, n);
      nonAscii = Arrays.copyOf(nonAscii, n);
    }
    starts[fields] = start;
    ends[fields] = stop;
    escapedQuotes[fields] = escaped;
    nonAscii[fields] = high;
    fields++;
  }

  /** Commons CSV decodes the whole file strictly: every field must be valid UTF-8. */
  private boolean allValidUtf8() {
    for (int f = 0; f < fields; f++) {
      if (nonAscii[f] && f != textIndex && f != labelIndex) {
        try {
          strictUtf8.reset().decode(ByteBuffer.wrap(buf, starts[f], ends[f] - starts[f]));
        } catch (CharacterCodingException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** Field {@code f} as a string: {@code ""} unescaped, UTF-8 decoded strictly. */
  private String field(int f) throws CharacterCodingException {
    byte[] src = buf;
    int start = starts[f];
    int len = ends[f] - start;
    if (escapedQuotes[f]) {
      if (scratch.length < len) {
        scratch = new byte[Math.max(len, scratch.length * 2)];
      }
      int n = 0;
      for (int i = start; i < start + len; i++) {
        scratch[n++] = src[i];
        if (src[i] == QUOTE) {
          i++; // the second quote of a pair
        }
      }
      src = scratch;
      start = 0;
      len = n;
    }
    if (!nonAscii[f]) {
      return new String(src, start, len, StandardCharsets.ISO_8859_1); // ASCII: byte = char
    }
    return strictUtf8.reset().decode(ByteBuffer.wrap(src, start, len)).toString();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // read-only file: closing cannot lose data
    }
  }
}
