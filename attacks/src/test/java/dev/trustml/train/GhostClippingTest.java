package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.model.PositionGates;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.scoring.Softmax;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ghost clipping (closed-form per-example norms, one weighted backward pass) must agree with the
 * naive computation that materialises every per-example gradient - on batches with repeated tokens,
 * padding, an empty example, and examples both above and below the clipping norm.
 */
class GhostClippingTest {
  static final int V = 12;
  static final int D = 5;
  static final int H = 7;
  static final int K = 3;

  /** Repeated tokens (7 x3, 4 x2), padding in the middle and at the end, an all-padding row. */
  static final List<TokenizedExample> BATCH =
      List.of(
          TrainTestData.example(0, 7, 7, 7, 3, 0, 0),
          TrainTestData.example(2, 4, 0, 4, 9, 11, 2),
          TrainTestData.example(1, 5),
          TrainTestData.example(1, 0, 0, 0),
          TrainTestData.example(0, 1, 2, 3, 4, 5, 6, 8, 10, 11),
          TrainTestData.example(2, 6, 6, 6, 6, 6, 6, 6, 1),
          TrainTestData.example(1, 9, 9, 3));

  private static MlpParameters params() {
    // Large enough weights that per-example norms spread over an order of magnitude.
    return MlpParameters.from(TrainTestData.randomWeights(V, D, H, K, 0.8, 42));
  }

  private static CompiledExample[] compiled() {
    return BATCH.stream().map(e -> CompiledExample.of(e, D)).toArray(CompiledExample[]::new);
  }

  private static int[] allIndices() {
    int[] idx = new int[BATCH.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    return idx;
  }

  private static double[] naiveSquaredNorms(MlpParameters p) {
    NaiveClipping naive = new NaiveClipping(p);
    return BATCH.stream().mapToDouble(naive::computeGradient).toArray();
  }

  @Test
  void ghostNormsEqualNormsOfMaterialisedGradients() {
    MlpParameters p = params();
    CompiledExample[] ex = compiled();
    BatchPass pass = new BatchPass(p, 2); // smaller than the batch: capacity must grow
    pass.run(ex, allIndices(), ex.length);
    double[] want = naiveSquaredNorms(p);
    for (int i = 0; i < ex.length; i++) {
      assertEquals(want[i], pass.ghostSquaredNorm(ex[i], i), 1e-12 * want[i], "example " + i);
      assertTrue(want[i] > 0, "every example has a non-zero gradient (bias terms)");
    }
  }

  @Test
  void embeddingNormUsesTokenCountsNotOccurrences() {
    // Example 5 is token 6 at positions 0..6 and token 1 at position 7: row 6's weight is the sum
    // of seven gates over 8, row 1's one gate over 8, so s_j = (sum_{t<7} g_tj)^2/64 + g_7j^2/64,
    // not sum_t g_tj^2 / 64 (which treating occurrences separately would give).
    CompiledExample e = CompiledExample.of(BATCH.get(5), D);
    assertEquals(List.of(1, 6), Arrays.stream(e.rows).boxed().toList());
    for (int j = 0; j < D; j++) {
      double seven = 0;
      for (int t = 0; t < 7; t++) {
        seven += (float) PositionGates.gate(t, j);
      }
      double one = (float) PositionGates.gate(7, j);
      assertEquals((seven * seven + one * one) / 64, e.squaredWeightSums[j], 1e-12);
    }
    assertEquals(0, CompiledExample.of(BATCH.get(3), D).rows.length);
  }

  @Test
  void naiveGradientMatchesFiniteDifferencesOfReferenceForward() {
    TextClassifierWeights w = TrainTestData.randomWeights(V, D, H, K, 0.8, 42);
    NaiveClipping naive = new NaiveClipping(MlpParameters.from(w));
    TokenizedExample e = BATCH.get(0); // token 7 three times
    naive.computeGradient(e);
    double[] grad = naive.lastGradientFlat();
    // Coordinates: embedding row 7 (repeated) and row 3, W1, b1, W2, b2.
    int[] coords = {7 * D, 7 * D + 4, 3 * D + 2, V * D + 3, V * D + H * D + 1, grad.length - 2};
    for (int c : coords) {
      double h = 1e-3;
      double numeric = (loss(perturbed(w, c, h), e) - loss(perturbed(w, c, -h), e)) / (2 * h);
      assertEquals(numeric, grad[c], 1e-4, "coordinate " + c);
    }
    assertEquals(0.0, grad[5 * D], "row 5 is not in the example");
  }

  private static double loss(TextClassifierWeights w, TokenizedExample e) {
    double[] z = ReferenceForward.logits(w, e.tokens());
    return Softmax.loss(z, 0, z.length, e.label());
  }

  /** A copy of w with flat coordinate c (parameter order) moved by h, in double then float. */
  private static TextClassifierWeights perturbed(TextClassifierWeights w, int c, double h) {
    float[][] t = {
      w.embedding().clone(), w.w1().clone(), w.b1().clone(), w.w2().clone(), w.b2().clone()
    };
    int i = c;
    for (float[] a : t) {
      if (i < a.length) {
        a[i] = (float) (a[i] + h);
        break;
      }
      i -= a.length;
    }
    return new TextClassifierWeights(V, D, H, K, t[0], t[1], t[2], t[3], t[4]);
  }

  @Test
  void clippedSumEqualsNaivePerExampleSum() {
    MlpParameters p = params();
    double[] norms = Arrays.stream(naiveSquaredNorms(p)).map(Math::sqrt).toArray();
    double[] sorted = norms.clone();
    Arrays.sort(sorted);
    double c = sorted[sorted.length / 2];
    long clipped = Arrays.stream(norms).filter(n -> n > c).count();
    assertTrue(clipped >= 2 && clipped <= norms.length - 2, "some clipped, some not: " + clipped);

    GradientSum ghost = new GradientSum(p);
    new DpSgdLoop.GhostClippedSum(p, compiled(), 1)
        .addClippedGradients(allIndices(), BATCH.size(), c, ghost);
    GradientSum naive = new GradientSum(p);
    new DpSgdLoop.NaiveClippedSum(p, BATCH)
        .addClippedGradients(allIndices(), BATCH.size(), c, naive);

    assertClose(naive.embedding, ghost.embedding, "embedding");
    assertClose(naive.w1, ghost.w1, "w1");
    assertClose(naive.b1, ghost.b1, "b1");
    assertClose(naive.w2, ghost.w2, "w2");
    assertClose(naive.b2, ghost.b2, "b2");
    assertEquals(touchedRows(naive), touchedRows(ghost));
    // Rows never used by the batch (0 = padding) have no gradient.
    assertTrue(!touchedRows(ghost).contains(0));

    // And clipping did something: the unclipped sum differs.
    GradientSum unclipped = new GradientSum(p);
    new DpSgdLoop.GhostClippedSum(p, compiled(), 1)
        .addClippedGradients(allIndices(), BATCH.size(), 1e9, unclipped);
    assertTrue(Math.abs(unclipped.b2[0] - ghost.b2[0]) > 1e-6);
  }

  @Test
  void eachClippedContributionHasNormAtMostC() {
    MlpParameters p = params();
    NaiveClipping naive = new NaiveClipping(p);
    double c = 0.3;
    for (int i = 0; i < BATCH.size(); i++) {
      // The ghost path's contribution of one example alone, measured by its materialised norm.
      GradientSum one = new GradientSum(p);
      new DpSgdLoop.GhostClippedSum(p, compiled(), 1).addClippedGradients(new int[] {i}, 1, c, one);
      double sq = 0;
      for (double[] a : new double[][] {one.embedding, one.w1, one.b1, one.w2, one.b2}) {
        for (double x : a) {
          sq += x * x;
        }
      }
      double raw = Math.sqrt(naive.computeGradient(BATCH.get(i)));
      assertEquals(Math.min(raw, c), Math.sqrt(sq), 1e-12, "example " + i);
    }
  }

  private static java.util.Set<Integer> touchedRows(GradientSum g) {
    java.util.Set<Integer> rows = new java.util.TreeSet<>();
    for (int i = 0; i < g.touchedCount(); i++) {
      rows.add(g.touchedRow(i));
    }
    return rows;
  }

  private static void assertClose(double[] want, double[] got, String name) {
    double scale = 0;
    for (double x : want) {
      scale = Math.max(scale, Math.abs(x));
    }
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-12 * Math.max(scale, 1), name + "[" + i + "]");
    }
  }
}
