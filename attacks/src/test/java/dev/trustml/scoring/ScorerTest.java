package dev.trustml.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.CsvColumns;
import dev.trustml.error.BadInputException;
import dev.trustml.model.Classifier;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTest {
  @Test
  void scoresMatchPlainJavaForAnyBatchSize(@TempDir Path dir) throws Exception {
    Path bundle = dir.resolve("b");
    TextClassifierWeights w = TestBundles.write(bundle, 9);
    // 1,037 rows: not a multiple of any batch size tried, so the last batch is partial.
    SplittableRandom r = new SplittableRandom(1);
    StringBuilder csv = new StringBuilder("label,text\n");
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 1037; i++) {
      StringBuilder t = new StringBuilder();
      for (int j = r.nextInt(0, 12); j > 0; j--) {
        t.append(TestBundles.WORDS.get(r.nextInt(TestBundles.WORDS.size()))).append(' ');
      }
      texts.add(t.toString().trim());
      labels.add(r.nextBoolean() ? "positive" : "negative");
      csv.append(labels.get(i)).append(",\"").append(texts.get(i)).append("\"\n");
    }
    Path data = dir.resolve("d.csv");
    Files.writeString(data, csv);

    VocabTokenizer tok = new VocabTokenizer(TestBundles.vocabulary(), true);
    try (Classifier m = ReferenceClassifier.open(bundle, w)) {
      for (int batch : new int[] {1, 100, 512}) {
        List<ScoredExample> got = new ArrayList<>();
        ScoringSummary s = new Scorer(m, batch).score(data, CsvColumns.DEFAULT, got::add);
        assertEquals(1037, s.rows());
        long correct = 0;
        for (int i = 0; i < got.size(); i++) {
          ScoredExample e = got.get(i);
          assertEquals(i + 1, e.row());
          int y = labels.get(i).equals("positive") ? 1 : 0;
          assertEquals(y, e.label());
          double[] z = ReferenceForward.logits(w, tok.encode(texts.get(i), 16));
          double lse = Math.log(Math.exp(z[0]) + Math.exp(z[1]));
          assertEquals(lse - z[y], e.loss(), 1e-5, "loss of row " + (i + 1));
          assertEquals(Math.exp(z[1] - lse), e.probabilities()[1], 1e-6);
          int argMax = z[1] > z[0] ? 1 : 0; // first index wins ties, as in Softmax.argMax
          correct += (argMax == y) == e.correct() ? 1 : 0;
        }
        assertEquals(1037, correct, "correctness flag agrees with plain Java");
      }
    }
  }

  /** A CSV of {@code rows} random rows; {@code bad} (1-based, 0 = none) replaces one row. */
  private static Path randomCsv(Path dir, String name, int rows, int bad, String badRow)
      throws Exception {
    SplittableRandom r = new SplittableRandom(rows * 31L + bad);
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 1; i <= rows; i++) {
      if (i == bad) {
        csv.append(badRow).append('\n');
        continue;
      }
      StringBuilder t = new StringBuilder();
      for (int j = r.nextInt(0, 20); j > 0; j--) {
        t.append(TestBundles.WORDS.get(r.nextInt(TestBundles.WORDS.size()))).append(' ');
      }
      csv.append('"')
          .append(t.toString().trim())
          .append("\",")
          .append(r.nextBoolean() ? "positive" : "negative")
          .append('\n');
    }
    Path f = dir.resolve(name);
    Files.writeString(f, csv);
    return f;
  }

  /** The scored rows, then the failure's type and message (or null). */
  private record Run(List<ScoredExample> rows, Throwable failure) {}

  private static Run run(Scorer scorer, Path csv) {
    List<ScoredExample> got = new ArrayList<>();
    try {
      scorer.score(csv, CsvColumns.DEFAULT, got::add);
      return new Run(got, null);
    } catch (Exception e) {
      return new Run(got, e);
    }
  }

  private static void assertSameExamples(List<ScoredExample> want, List<ScoredExample> got) {
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      ScoredExample a = want.get(i);
      ScoredExample b = got.get(i);
      assertEquals(a.row(), b.row());
      assertEquals(a.text(), b.text());
      assertEquals(a.label(), b.label());
      assertArrayEquals(a.logits(), b.logits(), "logits of row " + a.row());
      assertArrayEquals(a.probabilities(), b.probabilities());
      assertEquals(a.loss(), b.loss());
      assertEquals(a.correct(), b.correct());
    }
  }

  /** No read-ahead thread may outlive a scoring pass, however it ended. */
  private static void assertNoReadAheadThread() {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      assertFalse(t.getName().startsWith("trustml-read-ahead"), "still running: " + t.getName());
    }
  }

  @Test
  void readAheadGivesTheSequentialOutputsInFileOrder(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = TestBundles.write(dir.resolve("b"), 5);
    // 2,345 rows: many more batches than the read-ahead keeps in flight, the last one partial.
    Path csv = randomCsv(dir, "d.csv", 2345, 0, null);
    try (Classifier m = ReferenceClassifier.open(dir.resolve("b"), w)) {
      for (int batch : new int[] {1, 64, 512}) {
        Run sequential = run(Scorer.sequential(m, batch), csv);
        Run pipelined = run(new Scorer(m, batch), csv);
        assertNull(sequential.failure());
        assertNull(pipelined.failure());
        assertEquals(2345, pipelined.rows().size());
        for (int i = 0; i < 2345; i++) {
          assertEquals(i + 1, pipelined.rows().get(i).row(), "file order");
        }
        assertSameExamples(sequential.rows(), pipelined.rows());
      }
    }
    assertNoReadAheadThread();
  }

  @Test
  void aBadRowFailsWithTheSequentialExceptionOnTheCallersThread(@TempDir Path dir)
      throws Exception {
    TextClassifierWeights w = TestBundles.write(dir.resolve("b"), 5);
    String[] badRows = {
      "\"good movie\",neutral", // a label the model does not know
      "\"good movie\",positive,extra", // a field too many
      "\"good movie\"x,positive", // text after a closing quote
    };
    try (Classifier m = ReferenceClassifier.open(dir.resolve("b"), w)) {
      for (int k = 0; k < badRows.length; k++) {
        Path csv = randomCsv(dir, "bad" + k + ".csv", 1500, 1000, badRows[k]);
        Run sequential = run(Scorer.sequential(m, 64), csv);
        Run pipelined = run(new Scorer(m, 64), csv);
        assertInstanceOf(BadInputException.class, sequential.failure());
        assertInstanceOf(BadInputException.class, pipelined.failure());
        String message = sequential.failure().getMessage();
        assertTrue(message.contains("row 1000") || message.contains("line 1000"), message);
        assertEquals(message, pipelined.failure().getMessage());
        // Rows of the batches before the bad row's batch were scored, as sequentially.
        assertEquals(960, sequential.rows().size());
        assertSameExamples(sequential.rows(), pipelined.rows());
        assertNoReadAheadThread();
      }
    }
  }

  @Test
  void aFailingSinkStopsTheReadAhead(@TempDir Path dir) throws Exception {
    TextClassifierWeights w = TestBundles.write(dir.resolve("b"), 5);
    Path csv = randomCsv(dir, "d.csv", 5000, 0, null);
    try (Classifier m = ReferenceClassifier.open(dir.resolve("b"), w)) {
      BadInputException e =
          assertThrows(
              BadInputException.class,
              () ->
                  new Scorer(m, 16)
                      .score(
                          csv,
                          CsvColumns.DEFAULT,
                          x -> {
                            if (x.row() == 40) {
                              throw new BadInputException("sink refused row 40");
                            }
                          }));
      assertEquals("sink refused row 40", e.getMessage());
      assertNoReadAheadThread();
    }
  }
}
