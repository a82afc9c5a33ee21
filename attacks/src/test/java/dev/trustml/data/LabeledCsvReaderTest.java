package dev.trustml.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast CSV path must read exactly what Commons CSV reads: the same rows, row numbers, line
 * numbers and the same error message, on random files with every feature of the dialect (quotes,
 * doubled quotes, line ends inside fields, CR/LF/CRLF, empty lines, BOM, Unicode, records longer
 * than the read buffer) and with the faults Commons CSV reports or tolerates (wrong field counts,
 * unterminated quotes, text or spaces after a closing quote, invalid UTF-8).
 */
class LabeledCsvReaderTest {
  @TempDir Path dir;

  /** What a reader returned: the rows, then the error message (or null). */
  private record Outcome(List<LabeledText> rows, String error, boolean fastAtEnd) {}

  private static Outcome readAll(LabeledCsvReader reader) {
    List<LabeledText> rows = new ArrayList<>();
    try (reader) {
      for (LabeledText t; (t = reader.next()) != null; ) {
        rows.add(t);
      }
      return new Outcome(rows, null, reader.readsFast());
    } catch (BadInputException e) {
      return new Outcome(rows, e.getMessage(), reader.readsFast());
    }
  }

  /** Reads with the fast path ({@code bufferSize > 0}) or with Commons CSV only. */
  private static Outcome read(Path file, int bufferSize) {
    try {
      return readAll(
          bufferSize > 0
              ? LabeledCsvReader.open(file, CsvColumns.DEFAULT, bufferSize)
              : LabeledCsvReader.openCommonsOnly(file, CsvColumns.DEFAULT));
    } catch (BadInputException e) {
      return new Outcome(List.of(), e.getMessage(), false);
    }
  }

  private static final String[] WORDS = {
    "spam",
    "ham",
    "Hello",
    "don't",
    "a,b",
    "say \"hi\"",
    "x\ny",
    "x\r\ny",
    "x\ry",
    " padded ",
    "",
    "café",
    "漢字",
    "\ud83d\ude00",
    "tab\there",
    "'quoted'",
    ",",
    "\"",
    "\"\"",
  };

  /** A field as a CSV writer would write it (quoted when needed, sometimes when not). */
  private static String field(String value, SplittableRandom r) {
    boolean needs =
        value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r")
            || value.isEmpty() && r.nextInt(4) == 0;
    if (needs || r.nextInt(3) == 0) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String value(SplittableRandom r, int maxWords) {
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(0, maxWords); i > 0; i--) {
      b.append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(4) == 0 ? "" : " ");
    }
    return b.toString();
  }

  /** A random file; {@code fault} (0 = none) plants one fault in a random row. */
  private static byte[] randomFile(SplittableRandom r, int fault) {
    List<String> columns = new ArrayList<>(List.of("text", "label"));
    for (int extra = r.nextInt(3); extra > 0; extra--) {
      columns.add(r.nextInt(columns.size() + 1), "extra" + extra);
    }
    String[] eols = {"\n", "\r\n", "\r"};
    String eol = eols[r.nextInt(eols.length)];
    boolean mixedEols = r.nextInt(4) == 0;
    // Some files run past the 8 KB Commons CSV decodes when it opens the file, so that faults
    // (invalid UTF-8 above all) reach the fast path.
    int rows = r.nextInt(4) == 0 ? r.nextInt(300, 600) : r.nextInt(1, 60);
    boolean huge = r.nextInt(10) == 0; // some fields longer than the 64 KB read buffer
    int faultRow = r.nextInt(rows);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (r.nextInt(5) == 0) {
      out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    }
    StringBuilder header = new StringBuilder();
    for (int c = 0; c < columns.size(); c++) {
      header.append(c == 0 ? "" : ",").append(field(columns.get(c), r));
    }
    out.writeBytes((header + eol).getBytes(StandardCharsets.UTF_8));
    for (int row = 0; row < rows; row++) {
      if (r.nextInt(8) == 0) {
        out.writeBytes(eol.repeat(r.nextInt(1, 3)).getBytes(StandardCharsets.UTF_8));
      }
      StringBuilder line = new StringBuilder();
      int width = columns.size();
      if (fault == 1 && row == faultRow) {
        width += r.nextBoolean() ? 1 : -1;
      }
      for (int c = 0; c < width; c++) {
        String v =
            huge && c == 0 && r.nextInt(4) == 0
                ? "long ".repeat(r.nextInt(13_500, 16_000))
                : value(r, 8);
        String f = field(v, r);
        if (row == faultRow && c == 0) {
          String quoted = "\"" + v.replace("\"", "\"\"") + "\"";
          switch (fault) {
            case 2 -> f = quoted + "junk"; // text after a closing quote: an error
            case 3 -> f = quoted + "  "; // spaces after a closing quote: skipped by Commons CSV
            case 4 -> f = "x\"y"; // a quote inside an unquoted field: an ordinary character
            default -> {}
          }
        }
        line.append(c == 0 ? "" : ",").append(f);
      }
      byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
      if (fault == 5 && row == faultRow && bytes.length > 0) {
        bytes[r.nextInt(bytes.length)] = (byte) (r.nextBoolean() ? 0xff : 0xc3);
      }
      out.writeBytes(bytes);
      boolean last = row == rows - 1;
      if (fault == 6 && last) {
        out.writeBytes(",\"unterminated".getBytes(StandardCharsets.UTF_8));
      }
      if (!last || r.nextBoolean()) {
        String e = mixedEols ? eols[r.nextInt(eols.length)] : eol;
        out.writeBytes(e.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (r.nextInt(6) == 0) {
      out.writeBytes(eol.repeat(2).getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  private static void assertSameOutcome(Outcome fast, Outcome commons, String what) {
    String error = commons.error();
    assertEquals(error, fast.error(), what);
    if (error != null && error.contains("not valid UTF-8")) {
      // Commons CSV decodes ahead and so fails up to a buffer's worth of rows early; the fast
      // path may have returned those rows (the same rows) before handing over.
      assertTrue(fast.rows().size() >= commons.rows().size(), what);
      assertEquals(commons.rows(), fast.rows().subList(0, commons.rows().size()), what);
    } else {
      assertEquals(commons.rows(), fast.rows(), what);
    }
  }

  @Test
  void fastPathReadsExactlyWhatCommonsCsvReads() throws Exception {
    SplittableRandom r = new SplittableRandom(42);
    int fastToTheEnd = 0;
    for (int i = 0; i < 300; i++) {
      int fault = i % 3 == 0 ? r.nextInt(1, 7) : 0;
      Path f = dir.resolve("f" + i + ".csv");
      Files.write(f, randomFile(r, fault));
      // Tiny read buffers put every buffer boundary case (a CR LF or a doubled quote split across
      // reads, a record longer than the buffer) somewhere in the files.
      Outcome fast = read(f, r.nextBoolean() ? 1 << 16 : r.nextInt(1, 40));
      Outcome commons = read(f, 0);
      assertSameOutcome(fast, commons, "file " + i + " (fault " + fault + ")");
      if (fault == 0) {
        assertTrue(fast.fastAtEnd(), "a well-formed file is read by the fast path: file " + i);
        fastToTheEnd++;
      }
    }
    assertEquals(200, fastToTheEnd);
  }

  @Test
  void handPickedFilesMatchCommonsCsv() throws Exception {
    String[] files = {
      "text,label\n",
      "text,label\na,b",
      "text,label\r\na,b\r\n\r\n\r\nc,d\r\n",
      "text,label\ra,b\r\rc,d",
      "text,label\n\"a\nb\",x\n\"c\"\"d\",y\n",
      "text,label\na,\n",
      "text,label\na,",
      "text,label\n\"a\",\"\"",
      "text,label\n\"a\" ,b\n",
      "text,label\n\"a\"x,b\n",
      "text,label\n\"a,b\n",
      "text,label\na\"b,c\n",
      "text,label\na,b,c\n",
      "text,label\na\n",
      "\n\ntext,label\n\na,b\n",
      "\"te\nxt\",label\na,b\nc,d\n",
      "text,label\n\"\r\n\",b\n\"\r\",c\n",
      "label,text,id\nham,\"hello, world\",1\nspam,buy now,2\n",
    };
    for (String content : files) {
      Path f = dir.resolve("hand.csv");
      Files.writeString(f, content, StandardCharsets.UTF_8);
      for (int buffer : new int[] {1, 2, 3, 5, 1 << 16}) {
        assertSameOutcome(read(f, buffer), read(f, 0), buffer + " bytes: " + content);
      }
    }
  }

  @Test
  void invalidUtf8InAnyColumnOfALaterRowIsReportedAsCommonsCsvReportsIt() throws Exception {
    for (int column = 0; column < 3; column++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes("text,label,note\n".getBytes(StandardCharsets.UTF_8));
      for (int row = 0; row < 1000; row++) { // far past what Commons CSV decodes at open
        out.writeBytes(("\"row, " + row + "\",ham,café\n").getBytes(StandardCharsets.UTF_8));
      }
      for (int c = 0; c < 3; c++) {
        out.writeBytes(c == column ? new byte[] {'x', (byte) 0xc3, '('} : new byte[] {'y'});
        out.write(c == 2 ? '\n' : ',');
      }
      Path f = dir.resolve("utf8-" + column + ".csv");
      Files.write(f, out.toByteArray());
      Outcome commons = read(f, 0);
      assertTrue(commons.error().contains("not valid UTF-8"), commons.error());
      assertSameOutcome(read(f, 1 << 16), commons, "invalid byte in column " + column);
    }
  }

  @Test
  void lineNumbersInRowsCountLinesInsideQuotedFields() throws Exception {
    Path f = dir.resolve("lines.csv");
    Files.writeString(f, "text,label\n\"a\nb\nc\",x\n\nd,y\n", StandardCharsets.UTF_8);
    Outcome o = read(f, 1 << 16);
    assertEquals(null, o.error());
    // Row 1 starts on line 2; Commons CSV's bookkeeping puts row 2 after the 3 lines of row 1
    // (line 5, the empty line it then skips).
    assertEquals(List.of(2L, 5L), o.rows().stream().map(LabeledText::line).toList());
    assertEquals("a\nb\nc", o.rows().get(0).text());
  }
}
