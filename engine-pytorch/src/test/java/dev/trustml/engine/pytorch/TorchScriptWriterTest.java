package dev.trustml.engine.pytorch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ModelInfo;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierScript;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.TokenBatch;
import dev.trustml.model.WeightInit;
import dev.trustml.model.card.ModelSignature;
import dev.trustml.model.torchscript.TorchScriptWriter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model written by trustml's TorchScript writer, run by libtorch through this engine, must match
 * plain Java; the engine detects trustml's own signature.
 */
class TorchScriptWriterTest {

  @Test
  void libtorchLogitsMatchPlainJava(@TempDir Path dir) throws Exception {
    // Random non-trivial weights (biases too) so every term of the forward pass matters.
    SplittableRandom r = new SplittableRandom(7);
    int v = 22;
    int d = 8;
    int h = 6;
    int k = 3;
    TextClassifierWeights w =
        new TextClassifierWeights(
            v,
            d,
            h,
            k,
            gauss(r, v * d),
            gauss(r, h * d),
            gauss(r, h),
            gauss(r, k * h),
            gauss(r, k));
    BundleWriter.write(
        dir, w, TestBundles.vocabulary(), TestBundles.card(List.of("a", "b", "c"), v, d, h));

    long[][] rows = {{2, 3, 4}, {5}, {6, 6, 6, 7, 21}, {}, {1, 0, 0, 9}};
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
      float[] got = m.logits(TokenBatch.of(rows));
      assertEquals(rows.length * k, got.length);
      for (int i = 0; i < rows.length; i++) {
        double[] want = ReferenceForward.logits(w, rows[i]);
        for (int c = 0; c < k; c++) {
          assertEquals(want[c], got[i * k + c], 1e-5, "row " + i + " class " + c);
        }
      }
      ModelInfo info = m.info();
      assertEquals("torchscript", info.format());
      assertEquals(ModelSignature.BUILT_IN, info.signature(), "forward(tokens) detected");
      assertTrue(info.detected());
      assertEquals(3, info.outputs());
      assertEquals(List.of("forward", "forward_emb"), info.methods());
      List<String> names = new ArrayList<>(TextClassifierWeights.PARAMETER_NAMES);
      names.add("position_gates");
      assertEquals(names, info.parameters().stream().map(ModelInfo.Parameter::name).toList());
      assertArrayEquals(new long[] {v, d}, info.parameters().get(0).shape());
      assertFalse(m.whiteBox().isPresent(), "opened for inference: no gradients");
      assertTrue(info.whiteBox().contains("loaded for inference only"), info.whiteBox());
    }
  }

  @Test
  void paddingDoesNotChangeLogits(@TempDir Path dir) throws Exception {
    TestBundles.write(dir, 3);
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
      float[] alone = m.logits(TokenBatch.of(new long[][] {{2, 3}}));
      float[] padded = m.logits(TokenBatch.of(new long[][] {{2, 3}, {4, 5, 6, 7, 8, 9}}));
      assertEquals(alone[0], padded[0], 1e-6);
      assertEquals(alone[1], padded[1], 1e-6);
    }
  }

  @Test
  void wordOrderChangesLogits(@TempDir Path dir) throws Exception {
    TestBundles.write(dir, 4);
    try (Classifier m = Classifiers.open(ModelBundle.open(dir), false)) {
      float[] a = m.logits(TokenBatch.of(new long[][] {{12, 13, 14, 15}}));
      float[] b = m.logits(TokenBatch.of(new long[][] {{15, 14, 13, 12}}));
      assertTrue(Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) > 1e-4, "order must matter");
    }
  }

  @Test
  void sameWeightsGiveIdenticalBytes() throws Exception {
    TextClassifierWeights w = WeightInit.initial(12, 4, 3, 2, 5);
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    TorchScriptWriter.write(a, TextClassifierScript.module(w, 16));
    TorchScriptWriter.write(b, TextClassifierScript.module(w, 16));
    assertArrayEquals(a.toByteArray(), b.toByteArray());
    assertTrue(a.size() > 12 * 4 * 4, "archive holds the embedding");
  }

  static float[] gauss(SplittableRandom r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) (r.nextDouble(-1, 1) + r.nextDouble(-1, 1));
    }
    return f;
  }
}
