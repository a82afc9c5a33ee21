package dev.trustml.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.data.CsvColumns;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.ModelBundle;
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
    try (LoadedModel m = LoadedModel.load(ModelBundle.open(bundle), false)) {
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

  @Test
  void tinyLossesStayOrdered() {
    // Margins 30 and 31: losses e^-30 and e^-31, which logsumexp - z_y rounds to the same value.
    float[] a = {30f, 0f};
    float[] b = {31f, 0f};
    assertEquals(Math.exp(-30), Softmax.loss(a, 0, 2, 0), 1e-25);
    assertEquals(Math.exp(-31), Softmax.loss(b, 0, 2, 0), 1e-25);
  }

  @Test
  void stableSoftmaxWithHugeLogits() {
    float[] z = {10000f, -10000f, 0f};
    assertEquals(10000.0, Softmax.logSumExp(z, 0, 3), 1e-9);
    assertEquals(20000.0, Softmax.loss(z, 0, 3, 1), 1e-6);
    assertEquals(1.0, Softmax.probabilities(z, 0, 3)[0], 0.0);
  }
}
