package dev.trustml.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.WhiteBox;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loss and its gradient with respect to the input embeddings, computed by libtorch autograd
 * through {@code forward_emb}, must equal the closed-form derivative of the same network (the
 * plain-Java {@link ReferenceClassifier}), padding positions included (their gradient is zero).
 */
class EmbeddingGradientTest {

  @Test
  void gradientThroughEmbeddingMethodMatchesClosedForm(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    int v = TestBundles.vocabulary().size();
    int d = 5;
    int h = 4;
    int k = 3;
    TextClassifierWeights w =
        new TextClassifierWeights(
            v,
            d,
            h,
            k,
            TorchScriptWriterTest.gauss(r, v * d),
            TorchScriptWriterTest.gauss(r, h * d),
            TorchScriptWriterTest.gauss(r, h),
            TorchScriptWriterTest.gauss(r, k * h),
            TorchScriptWriterTest.gauss(r, k));
    BundleWriter.write(
        dir, w, TestBundles.vocabulary(), TestBundles.card(List.of("a", "b", "c"), v, d, h));

    int rows = 2;
    int len = 4;
    float[] emb = TorchScriptWriterTest.gauss(r, rows * len * d);
    float[] mask = {1, 1, 1, 0, 1, 1, 0, 0}; // padding at the end: its gradient must be zero
    int[] labels = {2, 0};

    float[] torchGradient = new float[emb.length];
    float[] javaGradient = new float[emb.length];
    double[] torchLoss;
    double[] javaLoss;
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), true);
        ReferenceClassifier ref = ReferenceClassifier.open(dir, w)) {
      WhiteBox torch = m.whiteBox().orElseThrow();
      assertEquals(d, torch.embeddingWidth());
      assertEquals(v, torch.vocabularySize());
      long[] ids = {3, 0, 7};
      float[] want = new float[ids.length * d];
      for (int i = 0; i < ids.length; i++) {
        System.arraycopy(w.embedding(), (int) ids[i] * d, want, i * d, d);
      }
      assertArrayEquals(want, torch.embeddingRows(ids));
      torchLoss = torch.lossAndGradient(emb, mask, rows, len, labels, torchGradient);
      javaLoss =
          ref.whiteBox().orElseThrow().lossAndGradient(emb, mask, rows, len, labels, javaGradient);
    }
    for (int i = 0; i < rows; i++) {
      assertEquals(javaLoss[i], torchLoss[i], 1e-5, "loss of row " + i);
    }
    for (int i = 0; i < emb.length; i++) {
      assertEquals(javaGradient[i], torchGradient[i], 1e-5, "d loss / d emb[" + i + "]");
    }
    for (float g : Arrays.copyOfRange(torchGradient, 3 * d, 4 * d)) {
      assertEquals(0, g, 0, "a padding position gets no gradient");
    }
  }
}
