package dev.trustml.audit.shadow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.error.BadInputException;
import dev.trustml.io.Hashing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing a reference plan and reading it back. */
class ReferencePlansTest {
  @TempDir Path tmp;

  private static List<LabeledText> pool(int n) {
    List<LabeledText> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // A quoted comma and a line break: the CSVs must round-trip every text.
      String text = i % 7 == 0 ? "row " + i + ", with \"quotes\"\nand a second line" : "row " + i;
      rows.add(new LabeledText(i + 1, i + 2, text, i % 3 == 0 ? "neg" : "pos"));
    }
    rows.add(new LabeledText(n + 1, n + 2, "row 1", "pos")); // a duplicate of row 1
    return rows;
  }

  private static ReferencePlans.Request request(
      List<LabeledText> pool, int count, Assignment a, ReferencePlans.RecipeCommand recipe) {
    return new ReferencePlans.Request(
        pool,
        List.of(new ReferencePlanFile.Source("pool.csv", "00", pool.size())),
        count,
        5,
        a,
        new ReferencePlanFile.Target("dir", "target", "ff", List.of("neg", "pos")),
        recipe == null ? null : List.of("[PAD]", "[UNK]", "row"),
        recipe,
        "note");
  }

  @Test
  void eachModelsCsvHoldsExactlyItsInRowsAsTheAuditWouldAssignThem() throws Exception {
    List<LabeledText> pool = pool(60);
    Path out = tmp.resolve("plan");
    ReferencePlans.write(
        out,
        request(
            pool,
            4,
            Assignment.HALF,
            (csv, dir, vocab, seed) -> "train " + csv + " " + dir + " " + vocab + " " + seed));
    ReferencePlanFile plan = ReferencePlanFile.read(out);
    assertEquals(pool.size(), plan.pool().rows());
    assertEquals(Hashing.sha256(out.resolve("pool.csv")), plan.pool().sha256());
    for (int i = 0; i < pool.size(); i++) {
      LabeledText r = pool.get(i);
      assertEquals(
          String.format(Locale.ROOT, "%016x", RowKey.of(r.text(), r.label())),
          plan.pool().rowHashes().get(i));
    }
    assertEquals(read(out.resolve("pool.csv")), texts(pool));
    // The assignment --shadow-models makes for these rows and this seed.
    boolean[][] expected = Assignment.HALF.assign(4, pool.size(), 5);
    for (int m = 0; m < 4; m++) {
      ReferencePlanFile.Model model = plan.models().get(m);
      assertEquals(ReferencePlans.modelId(m), model.id());
      assertEquals(ShadowModels.modelSeed(5, m), model.seed());
      assertArrayEquals(expected[m], model.in(pool.size()));
      List<String> in = new ArrayList<>();
      for (int i = 0; i < pool.size(); i++) {
        if (expected[m][i]) {
          in.add(pool.get(i).label() + "|" + pool.get(i).text());
        }
      }
      assertEquals(in, read(out.resolve(model.trainCsv())));
      assertEquals(in.size(), model.inRows());
      assertEquals(Hashing.sha256(out.resolve(model.trainCsv())), model.trainCsvSha256());
      assertEquals(
          "train train/ref-00" + m + ".csv models/ref-00" + m + " vocab.txt " + model.seed(),
          model.command());
    }
    assertTrue(Files.isDirectory(out.resolve("models")));
    assertEquals("[PAD]\n[UNK]\nrow\n", Files.readString(out.resolve("vocab.txt")));
    String script = Files.readString(out.resolve("train-all.sh"));
    assertTrue(script.contains("cd \"$(dirname \"$0\")\""), script);
    assertEquals(
        "train {train_csv} {out_dir} " + out.toAbsolutePath().resolve("vocab.txt") + " {seed}",
        plan.trainCommand());
  }

  @Test
  void refusesWhatCannotBePlanned() throws Exception {
    List<LabeledText> pool = pool(20);
    BadInputException odd =
        assertThrows(
            BadInputException.class,
            () -> ReferencePlans.write(tmp.resolve("p1"), request(pool, 3, Assignment.HALF, null)));
    assertTrue(odd.getMessage().contains("even number"), odd.getMessage());
    assertFalse(Files.exists(tmp.resolve("p1")));

    List<LabeledText> other = new ArrayList<>(pool);
    other.add(new LabeledText(99, 100, "x", "maybe"));
    BadInputException label =
        assertThrows(
            BadInputException.class,
            () ->
                ReferencePlans.write(tmp.resolve("p2"), request(other, 2, Assignment.HALF, null)));
    assertTrue(label.getMessage().contains("'maybe', which the target does not have"));

    // One 'neg' row: with two complementary models, one of them never sees the label.
    List<LabeledText> lonely =
        List.of(
            new LabeledText(1, 2, "a", "neg"),
            new LabeledText(2, 3, "b", "pos"),
            new LabeledText(3, 4, "c", "pos"));
    BadInputException missing =
        assertThrows(
            BadInputException.class,
            () ->
                ReferencePlans.write(tmp.resolve("p3"), request(lonely, 2, Assignment.HALF, null)));
    assertTrue(missing.getMessage().contains("would train on no row labelled 'neg'"));

    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("x"), "mine");
    assertThrows(
        BadInputException.class,
        () -> ReferencePlans.write(full, request(pool, 2, Assignment.BERNOULLI, null)));
    assertEquals("mine", Files.readString(full.resolve("x")));
    try (var s = Files.list(tmp)) {
      assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".plan-")));
    }
  }

  @Test
  void auditRowsMatchPoolRowsOccurrenceByOccurrence() throws Exception {
    long[] pool = {10, 20, 10, 30, 10};
    // The audit lists the rows in another order; the k-th 10 is the k-th 10 of the pool.
    assertArrayEquals(
        new int[] {3, 0, 1, 2, 4},
        PlanReferences.matchAuditRows(tmp, pool, new long[] {30, 10, 20, 10, 10}));
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> PlanReferences.matchAuditRows(tmp, pool, new long[] {10, 10, 10, 10, 40}));
    assertTrue(e.getMessage().contains("2 of 5 audit rows are not in the plan's pool"));
    assertTrue(e.getMessage().contains("the first is audit row 4"), e.getMessage());
  }

  private static List<String> texts(List<LabeledText> rows) {
    return rows.stream().map(r -> r.label() + "|" + r.text()).toList();
  }

  private static List<String> read(Path csv) throws Exception {
    List<String> out = new ArrayList<>();
    try (LabeledCsvReader r = LabeledCsvReader.open(csv, CsvColumns.DEFAULT)) {
      for (LabeledText t; (t = r.next()) != null; ) {
        out.add(t.label() + "|" + t.text());
      }
    }
    return out;
  }
}
