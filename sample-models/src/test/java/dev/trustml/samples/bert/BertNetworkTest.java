package dev.trustml.samples.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The plain-Java network: its backward pass against central finite differences of its forward pass,
 * and the masking invariants the engines are compared under.
 */
class BertNetworkTest {
  /** Two blocks, two heads, three labels: every code path of the network at a testable size. */
  static final BertConfig TINY = new BertConfig(12, 8, 2, 2, 16, 10, 2, 3);

  /** Weights far from the initial ones (scale 0.5), so that no term of the pass is negligible. */
  static BertWeights randomWeights(BertConfig c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<float[]> values =
        BertWeights.layout(c).stream()
            .map(
                s -> {
                  float[] v = new float[s.size()];
                  for (int i = 0; i < v.length; i++) {
                    v[i] =
                        (float)
                            (0.5 * r.nextGaussian() + (s.name().endsWith("norm_weight") ? 1 : 0));
                  }
                  return v;
                })
            .toList();
    return BertWeights.of(c, values);
  }

  @Test
  void backwardMatchesFiniteDifferences() {
    BertWeights w = randomWeights(TINY, 3);
    double[][] p = w.toDoubles();
    long[] ids = {2, 5, 7, 5, 11, 0};
    double[] mask = {1, 1, 1, 1, 0.7, 0};
    long[] types = {0, 0, 1, 1, 1, 0};
    double[] dLogits = {0.3, -1.1, 0.8};

    BertNetwork net = new BertNetwork(TINY, p);
    double[][] grads = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      grads[i] = new double[p[i].length];
    }
    net.backward(net.forward(ids, mask, types), dLogits, grads, null);

    SplittableRandom pick = new SplittableRandom(11);
    double step = 1e-6;
    for (int t = 0; t < p.length; t++) {
      // Every coordinate of small tensors; a sample of the embeddings.
      int checks = Math.min(p[t].length, 24);
      for (int c = 0; c < checks; c++) {
        int j = p[t].length <= 24 ? c : pick.nextInt(p[t].length);
        if (t == BertWeights.WORD && c < 6) {
          j = (int) ids[c] * TINY.hidden() + c; // rows the input uses
        }
        double saved = p[t][j];
        p[t][j] = saved + step;
        double up = dot(dLogits, new BertNetwork(TINY, p).forward(ids, mask, types).logits);
        p[t][j] = saved - step;
        double down = dot(dLogits, new BertNetwork(TINY, p).forward(ids, mask, types).logits);
        p[t][j] = saved;
        double numeric = (up - down) / (2 * step);
        String where = BertWeights.layout(TINY).get(t).name() + "[" + j + "]";
        assertEquals(numeric, grads[t][j], 1e-6 + 1e-5 * Math.abs(numeric), where);
      }
    }
  }

  @Test
  void inputEmbeddingGradientMatchesFiniteDifferences() {
    BertWeights w = randomWeights(TINY, 5);
    BertNetwork net = new BertNetwork(TINY, w.toDoubles());
    SplittableRandom r = new SplittableRandom(2);
    int n = 4;
    double[] emb = new double[n * TINY.hidden()];
    for (int i = 0; i < emb.length; i++) {
      emb[i] = r.nextGaussian();
    }
    double[] mask = {1, 1, 1, 0};
    double[] dLogits = {1, -0.5, 0.25};
    double[][] grads = zeros(w.toDoubles());
    double[] dEmb = new double[emb.length];
    net.backward(net.forward(emb, mask, null, null), dLogits, grads, dEmb);
    for (int j = 0; j < emb.length; j++) {
      double saved = emb[j];
      emb[j] = saved + 1e-6;
      double up = dot(dLogits, net.forward(emb, mask, null, null).logits);
      emb[j] = saved - 1e-6;
      double down = dot(dLogits, net.forward(emb, mask, null, null).logits);
      emb[j] = saved;
      assertEquals((up - down) / 2e-6, dEmb[j], 1e-6, "d emb[" + j + "]");
    }
    for (int j = 3 * TINY.hidden(); j < emb.length; j++) {
      assertEquals(0, dEmb[j], 1e-12, "a masked token's embedding cannot move the logits");
    }
  }

  @Test
  void paddingAndWhatFollowsItDoNotChangeTheLogits() {
    BertReference ref = new BertReference(randomWeights(TINY, 7));
    double[] alone = ref.logits(new long[] {1, 4, 9, 2}, new long[] {1, 1, 1, 1}, null);
    double[] padded =
        ref.logits(new long[] {1, 4, 9, 2, 0, 0, 0}, new long[] {1, 1, 1, 1, 0, 0, 0}, null);
    double[] junk =
        ref.logits(new long[] {1, 4, 9, 2, 7, 3, 3}, new long[] {1, 1, 1, 1, 0, 0, 0}, null);
    assertArrayEquals(alone, padded, 1e-12);
    assertArrayEquals(alone, junk, 1e-12);
  }

  @Test
  void wordOrderTokenTypesAndLaterTokensAllMatter() {
    BertReference ref = new BertReference(randomWeights(TINY, 9));
    long[] ones = {1, 1, 1, 1};
    double[] base = ref.logits(new long[] {1, 4, 9, 2}, ones, null);
    assertTrue(differs(base, ref.logits(new long[] {1, 9, 4, 2}, ones, null)), "order");
    assertTrue(differs(base, ref.logits(new long[] {1, 4, 9, 2}, ones, new long[] {0, 0, 1, 1})));
    assertTrue(differs(base, ref.logits(new long[] {1, 4, 9, 3}, ones, null)), "last token");
    assertArrayEquals(base, ref.logits(new long[] {1, 4, 9, 2}, ones, new long[4]), 0);
  }

  @Test
  void embeddingInputOfTheWordRowsIsTheTokenInput() {
    BertWeights w = randomWeights(TINY, 13);
    BertReference ref = new BertReference(w);
    long[] ids = {3, 1, 8};
    int h = TINY.hidden();
    float[] emb = new float[ids.length * h];
    float[] word = w.values(BertWeights.WORD);
    for (int i = 0; i < ids.length; i++) {
      System.arraycopy(word, (int) ids[i] * h, emb, i * h, h);
    }
    assertArrayEquals(
        ref.logits(ids, new long[] {1, 1, 1}, null),
        ref.logitsFromEmbeddings(emb, new float[] {1, 1, 1}),
        1e-12);
  }

  private static boolean differs(double[] a, double[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Math.abs(a[i] - b[i]);
    }
    return d > 1e-6;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double[][] zeros(double[][] like) {
    double[][] z = new double[like.length][];
    for (int i = 0; i < like.length; i++) {
      z[i] = new double[like[i].length];
    }
    return z;
  }
}
