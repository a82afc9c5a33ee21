package dev.trustml.data;

import dev.trustml.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes labelled rows as a CSV that {@link LabeledCsvReader} reads back exactly: trustml's one
 * {@code text,label} writer (training kits, planted data, the sample models' files, tests).
 *
 * <p>UTF-8 without a byte-order mark, a header naming the two columns, RFC 4180 quoting (a field
 * with a comma, a quote, a line break, or leading or trailing white space is quoted; quotes are
 * doubled) and LF record ends, so files diff cleanly in git. Only the text and the label are
 * written, never where a row came from. The file is replaced atomically ({@link AtomicFiles}): a
 * reader sees the old file or the whole new one.
 */
public final class LabeledCsvWriter {
  /**
   * RFC 4180 quoting with LF record ends: the dialect of every CSV trustml writes (these files, the
   * precomputed-outputs export, the reports' CSV). Records are printed with {@link
   * CSVFormat#printRecord(Appendable, Object...)}: {@code CSVPrinter} carries a SpotBugs annotation
   * that javac warns about.
   */
  public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  private LabeledCsvWriter() {}

  /** Writes {@code rows} under the header {@code text,label}. */
  public static void write(Path file, Iterable<LabeledText> rows) throws IOException {
    write(file, CsvColumns.DEFAULT, rows);
  }

  /** Writes {@code rows} under a header naming {@code columns} (text first, then label). */
  public static void write(Path file, CsvColumns columns, Iterable<LabeledText> rows)
      throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          FORMAT.printRecord(w, columns.text(), columns.label());
          for (LabeledText r : rows) {
            FORMAT.printRecord(w, r.text(), r.label());
          }
          w.flush();
        });
  }
}
