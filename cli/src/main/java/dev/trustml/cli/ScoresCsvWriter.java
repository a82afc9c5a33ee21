package dev.trustml.cli;

import dev.trustml.audit.AuditScores;
import dev.trustml.io.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;

/** Per-row scores as CSV: set, row, label, one column per attack. */
final class ScoresCsvWriter {
  private ScoresCsvWriter() {}

  static void write(Path file, AuditScores s) throws IOException {
    AtomicFiles.write(
        file,
        os -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
          CSVFormat f = CSVFormat.RFC4180;
          StringBuilder header = new StringBuilder("set,row,label");
          for (String a : s.attacks()) {
            header.append(',').append(f.format(a));
          }
          w.write(header.append("\r\n").toString());
          StringBuilder line = new StringBuilder();
          for (int i = 0; i < s.rowNumbers().length; i++) {
            line.setLength(0);
            line.append(s.isMember()[i] ? "member" : "non-member")
                .append(',')
                .append(s.rowNumbers()[i])
                .append(',')
                .append(f.format(s.labelNames().get(s.labels()[i])));
            for (double[] sc : s.scores()) {
              line.append(',').append(sc[i]);
            }
            w.write(line.append("\r\n").toString());
          }
          w.flush();
        });
  }
}
