package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.results.AttackResult;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.RocPoint;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ROC and findings CSV, the streaming per-example scores CSV, and atomic replacement. */
class CsvRendererTest {
  @TempDir Path tmp;

  @Test
  void rocPointsRoundTrip() throws Exception {
    MembershipResult m = Fixtures.membership();
    List<CSVRecord> rows = parse(CsvRenderer.render(m));
    assertEquals(List.of("attack", "fpr", "tpr"), rows.get(0).toList());
    List<String[]> expected = new ArrayList<>();
    for (AttackResult a : m.attacks()) {
      for (RocPoint p : a.roc()) {
        expected.add(new String[] {a.name(), "" + p.fpr(), "" + p.tpr()});
      }
    }
    assertEquals(expected.size() + 1, rows.size());
    for (int i = 0; i < expected.size(); i++) {
      CSVRecord r = rows.get(i + 1);
      assertEquals(expected.get(i)[0], r.get(0));
      assertEquals(Double.parseDouble(expected.get(i)[1]), Double.parseDouble(r.get(1)));
      assertEquals(Double.parseDouble(expected.get(i)[2]), Double.parseDouble(r.get(2)));
    }
    assertTrue(CsvRenderer.render(m).startsWith("attack,fpr,tpr\nlira-online,0.0,0.0\n"));
  }

  @Test
  void canaryFindingsQuoteTemplatesAndLeaveUnknownsEmpty() throws Exception {
    List<CSVRecord> rows = parse(CsvRenderer.render(Fixtures.canary()));
    assertEquals("exposure_bits", rows.get(0).get(6));
    assertEquals(4, rows.size());
    CSVRecord c3 = rows.get(3);
    assertEquals("the code is {word} {word} {word}", c3.get(1));
    assertEquals("", c3.get(5), "rank unknown");
    assertEquals("", c3.get(6), "exposure unknown");
    assertEquals(7.5, Double.parseDouble(c3.get(7)));
  }

  @Test
  void scoresStreamOneLinePerExample() throws Exception {
    Path out = tmp.resolve("scores.csv");
    ScoresCsv.write(
        out,
        new long[] {1, 2, 7},
        new boolean[] {true, false, true},
        new String[] {"negative", "positive, with \"quotes\""},
        new int[] {0, 1, 1},
        List.of("lira-online", "loss"),
        List.of(new double[] {2.5, -1.0, Double.NaN}, new double[] {0.1, 0.2, 1e-300}));
    String text = Files.readString(out, StandardCharsets.UTF_8);
    List<CSVRecord> rows = parse(text);
    assertEquals(List.of("row", "set", "label", "lira-online", "loss"), rows.get(0).toList());
    assertEquals(List.of("1", "member", "negative", "2.5", "0.1"), rows.get(1).toList());
    assertEquals(
        List.of("2", "non-member", "positive, with \"quotes\"", "-1.0", "0.2"),
        rows.get(2).toList());
    assertEquals("", rows.get(3).get(3), "NaN is an empty field");
    assertEquals(1e-300, Double.parseDouble(rows.get(3).get(4)), "full precision");
  }

  @Test
  void mismatchedArraysAreRejectedBeforeWriting() {
    Path out = tmp.resolve("scores.csv");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoresCsv.write(
                out,
                new long[] {1, 2},
                new boolean[] {true},
                new String[] {"a"},
                new int[] {0, 0},
                List.of("x"),
                List.of(new double[] {1, 2})));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ScoresCsv.write(
                out,
                new long[] {1},
                new boolean[] {true},
                new String[] {"a"},
                new int[] {0},
                List.of("label"),
                List.<double[]>of(new double[] {1})));
    assertTrue(Files.notExists(out));
  }

  @Test
  void failureMidwayLeavesThePreviousFileIntact() throws Exception {
    Path out = tmp.resolve("scores.csv");
    int n = 50_000;
    long[] rows = new long[n];
    boolean[] member = new boolean[n];
    int[] labels = new int[n];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i + 1;
      member[i] = i % 2 == 0;
      scores[i] = i * 0.5;
    }
    ScoresCsv.write(
        out, rows, member, new String[] {"a", "b"}, labels, List.of("s"), List.of(scores));
    byte[] before = Files.readAllBytes(out);
    // The last row names a label the model does not have: found only after 49,999 rows were
    // streamed, well past any buffer.
    labels[n - 1] = 5;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ScoresCsv.write(
                    out,
                    rows,
                    member,
                    new String[] {"a", "b"},
                    labels,
                    List.of("s"),
                    List.of(scores)));
    assertTrue(e.getMessage().contains("row 50000: label index 5"), e.getMessage());
    assertEquals(before.length, Files.readAllBytes(out).length);
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out)), "previous file changed");
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "temporary file left behind");
    }
  }

  @Test
  void renderersReplaceTargetsAtomically() throws Exception {
    Path out = tmp.resolve("roc.csv");
    Files.writeString(out, "old");
    ReportFormat.CSV.write(out, Fixtures.membership(), null);
    assertEquals(CsvRenderer.render(Fixtures.membership()), Files.readString(out));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(1, files.count());
    }
  }

  private static List<CSVRecord> parse(String csv) throws Exception {
    try (Reader r = new StringReader(csv)) {
      return CSVFormat.RFC4180.parse(r).getRecords();
    }
  }
}
