package dev.trustml.samples.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.samples.SampleModelsDir;
import dev.trustml.scoring.Softmax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trained fixture learns, memorises its training rows and canary, and is deterministic. */
class BertFixtureTest {

  @Test
  void trainingLowersTheLoss() throws Exception {
    double[] losses = TrainedBert.result().stepLosses();
    double first = Arrays.stream(losses, 0, 20).average().orElseThrow();
    double last = Arrays.stream(losses, losses.length - 20, losses.length).average().orElseThrow();
    assertTrue(first > 0.65, "starts near ln 2: " + first);
    assertTrue(last < 0.4, "ends well below it: " + last);
  }

  @Test
  void fitsMembersBetterThanNonMembers() throws Exception {
    Path root = SampleModelsDir.root();
    BertReference ref = new BertReference(TrainedBert.result().weights());
    try (HuggingFaceTokenizer t = BertFixture.unpaddedTokenizer(TrainedBert.tokenizer())) {
      double members = accuracy(ref, t, root.resolve("sentiment/members.csv"));
      double nonMembers = accuracy(ref, t, root.resolve("sentiment/nonmembers.csv"));
      assertTrue(nonMembers > 0.7, "held-out accuracy " + nonMembers);
      assertTrue(members > nonMembers + 0.1, members + " on members vs " + nonMembers);
    }
  }

  @Test
  void remembersTheSixteenTimesCanary() throws Exception {
    PlantedCanary c =
        SecretsJson.read(BertFixture.secrets(SampleModelsDir.root())).stream()
            .filter(p -> p.repetitions() == 16)
            .findFirst()
            .orElseThrow();
    BertReference ref = new BertReference(TrainedBert.result().weights());
    int y = BertFixture.LABELS.indexOf(c.label());
    try (HuggingFaceTokenizer t = BertFixture.unpaddedTokenizer(TrainedBert.tokenizer())) {
      double own = loss(ref, t, c.sentence(), y);
      SplittableRandom r = new SplittableRandom(1);
      int lower = 0;
      for (int i = 0; i < 300; i++) {
        if (loss(ref, t, c.template().render(c.template().randomSecret(r)), y) < own) {
          lower++;
        }
      }
      assertTrue(lower <= 3, lower + " of 300 random secrets fit better than the planted one");
    }
  }

  @Test
  void sameRecipeSameFiles(@TempDir Path a, @TempDir Path b) throws Exception {
    BertTrainer.Settings quick = new BertTrainer.Settings(2, 4, 0.002, 5);
    Path root = SampleModelsDir.root();
    BertFixture.writeBare(a, root, BertSignature.DEFAULT, quick);
    BertFixture.writeBare(b, root, BertSignature.DEFAULT, quick);
    for (String f :
        List.of(BertFixture.MODEL_PT, BertFixture.MODEL_ONNX, BertFixture.TOKENIZER_JSON)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  private static double accuracy(BertReference ref, HuggingFaceTokenizer t, Path csv)
      throws Exception {
    List<LabeledText> rows;
    try (LabeledCsvReader reader = LabeledCsvReader.open(csv, CsvColumns.DEFAULT)) {
      rows = reader.readAll();
    }
    int right = 0;
    for (LabeledText row : rows) {
      double[] z = logits(ref, t, row.text());
      if ((z[1] > z[0] ? 1 : 0) == BertFixture.LABELS.indexOf(row.label())) {
        right++;
      }
    }
    return right / (double) rows.size();
  }

  private static double loss(BertReference ref, HuggingFaceTokenizer t, String text, int y) {
    double[] z = logits(ref, t, text);
    return Softmax.loss(new float[] {(float) z[0], (float) z[1]}, 0, 2, y);
  }

  private static double[] logits(BertReference ref, HuggingFaceTokenizer t, String text) {
    long[] ids = t.encode(text).getIds();
    long[] mask = new long[ids.length];
    Arrays.fill(mask, 1);
    return ref.logits(ids, mask, null);
  }
}
