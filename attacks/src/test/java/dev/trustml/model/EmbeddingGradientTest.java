package dev.trustml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.trustml.model.torchscript.TextClassifierScript;
import dev.trustml.scoring.Softmax;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gradient of the cross-entropy with respect to the input embeddings, computed by libtorch
 * through {@code forward_emb}, must equal the analytic gradient of the same network.
 */
class EmbeddingGradientTest {

  @Test
  void gradientThroughEmbeddingMethodMatchesAnalytic(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(11);
    int v = 22;
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

    int len = 4;
    float[] emb = TorchScriptWriterTest.gauss(r, len * d);
    float[] mask = {1, 1, 1, 0}; // last position is padding: its gradient must be zero
    int y = 2;

    float[] grad;
    try (LoadedModel m = LoadedModel.load(ModelBundle.open(dir), true);
        NDManager nd = m.djlModel().getNDManager().newSubManager()) {
      NDArray e = nd.create(emb, new Shape(1, len, d));
      e.setRequiresGradient(true);
      NDArray mk = nd.create(mask, new Shape(1, len));
      NDArray method = nd.create(0f);
      method.setName("module_method:" + TextClassifierScript.EMBEDDING_METHOD);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits =
            m.block()
                .forward(new ParameterStore(nd, false), new NDList(e, mk, method), true)
                .singletonOrThrow();
        NDArray loss = logits.logSoftmax(1).get(0, y).neg();
        gc.backward(loss);
      }
      grad = e.getGradient().toFloatArray();
    }

    double[] want = analyticGradient(w, emb, mask, len, y);
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], grad[i], 1e-5, "d loss / d emb[" + i + "]");
    }
  }

  static double gate(int t, int j) {
    return (float) PositionGates.gate(t, j);
  }

  /**
   * Backpropagation by hand: d/demb_t = m_t / sum(m) * gate_t * W1^T (relu' * W2^T (p - onehot)).
   */
  static double[] analyticGradient(
      TextClassifierWeights w, float[] emb, float[] mask, int len, int y) {
    int d = w.embeddingDim();
    int h = w.hiddenDim();
    int k = w.numClasses();
    double count = 0;
    double[] pooled = new double[d];
    for (int t = 0; t < len; t++) {
      count += mask[t];
      for (int j = 0; j < d; j++) {
        pooled[j] += mask[t] * emb[t * d + j] * gate(t, j);
      }
    }
    for (int j = 0; j < d; j++) {
      pooled[j] /= count;
    }
    double[] pre = new double[h];
    for (int i = 0; i < h; i++) {
      pre[i] = w.b1()[i];
      for (int j = 0; j < d; j++) {
        pre[i] += w.w1()[i * d + j] * pooled[j];
      }
    }
    // d loss / d z = softmax(z) - onehot(y).
    double[] dz = ReferenceForward.fromPooled(w, pooled);
    Softmax.probabilitiesInPlace(dz, 0, k);
    dz[y] -= 1;
    double[] dh = new double[h];
    for (int i = 0; i < h; i++) {
      for (int c = 0; c < k; c++) {
        dh[i] += w.w2()[c * h + i] * dz[c];
      }
      dh[i] = pre[i] > 0 ? dh[i] : 0;
    }
    double[] dPooled = new double[d];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < h; i++) {
        dPooled[j] += w.w1()[i * d + j] * dh[i];
      }
    }
    double[] g = new double[len * d];
    for (int t = 0; t < len; t++) {
      for (int j = 0; j < d; j++) {
        g[t * d + j] = mask[t] / count * dPooled[j] * gate(t, j);
      }
    }
    return g;
  }
}
