package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TokenBatch;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights trained in plain Java give the same predictions once written and run by libtorch. */
class TrainedModelThroughLibtorchTest {
  @Test
  void trainedWeightsGiveTheSamePredictionsThroughLibtorch(@TempDir Path dir) throws Exception {
    TrainingOutcome out = Trainer.train(TrainerTest.TRAIN, TrainerTest.small().epochs(5).build());
    List<String> vocab = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    for (int i = 2; i < TrainerTest.TRAIN.vocabSize(); i++) {
      vocab.add("w" + i);
    }
    BundleWriter.write(
        dir,
        out.weights(),
        vocab,
        TestBundles.card(List.of("neg", "pos"), TrainerTest.TRAIN.vocabSize(), 16, 16));
    long[][] rows = new long[TrainerTest.TEST.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TrainerTest.TEST.get(i).tokens();
    }
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
      float[] logits = m.logits(TokenBatch.of(rows));
      for (int i = 0; i < rows.length; i++) {
        double[] want = ReferenceForward.logits(out.weights(), rows[i]);
        assertEquals(want[0], logits[2 * i], 1e-4, "row " + i);
        assertEquals(want[1], logits[2 * i + 1], 1e-4, "row " + i);
        int torchClass = logits[2 * i + 1] > logits[2 * i] ? 1 : 0;
        assertEquals(Evaluation.predict(out.weights(), rows[i]), torchClass, "row " + i);
      }
    }
  }
}
