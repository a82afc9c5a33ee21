package dev.trustml.canary.modiva;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.model.BundleWriter;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TestBundles;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.scoring.Softmax;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batched soft-embedding objective (Gumbel-softmax, soft slot embeddings, the model's loss and
 * input gradient from its {@link dev.trustml.model.WhiteBox}, the chain rule back to the slot
 * logits) must equal the same objective written out in plain Java for one restart at a time, and
 * its gradient must match central finite differences of that: this checks the gather of alphabet
 * rows, the placement of slots, alphabet padding, the softmax Jacobian and that restarts do not
 * mix. (The engines' input gradients are checked against the same closed form in their modules.)
 */
class SoftEmbeddingObjectiveTest {
  @Test
  void lossAndGradientMatchPlainJava(@TempDir Path dir) throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    List<String> vocab = TestBundles.vocabulary();
    int v = vocab.size();
    int d = 6;
    int h = 5;
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
    BundleWriter.write(dir, w, vocab, TestBundles.card(List.of("a", "b", "c"), v, d, h));

    // Slots at positions 1 and 4 (99 is a placeholder); alphabets of sizes 4 and 2.
    long[] tokens = {2, 99, 5, 6, 99, 7};
    int[] positions = {4, 1};
    long[][] alphabets = {{12, 13, 14, 15}, {3, 20}};
    int label = 2;
    ModivaProblem problem = new ModivaProblem(tokens, positions, alphabets, label);
    int restarts = 3;
    int width = 4;
    int size = restarts * 2 * width;
    double tau = 0.7;
    double[] theta = new double[size];
    double[] offsets = new double[size];
    for (int i = 0; i < size; i++) {
      boolean pad = (i / width) % 2 == 1 && i % width >= 2;
      theta[i] = pad ? 0 : r.nextDouble(-2, 2);
      offsets[i] = pad ? SoftEmbeddingObjective.EXCLUDED : Gumbel.draw(r);
    }

    double[] losses;
    double[] gradient = new double[size];
    try (ReferenceClassifier m = ReferenceClassifier.open(dir, w)) {
      SoftEmbeddingObjective objective =
          new SoftEmbeddingObjective(m.whiteBox().orElseThrow(), problem, restarts);
      losses = objective.lossAndGradient(theta, offsets, tau, gradient);
    }

    for (int rs = 0; rs < restarts; rs++) {
      double want = javaLoss(w, problem, theta, offsets, tau, rs, width);
      assertEquals(want, losses[rs], 1e-5, "loss of restart " + rs);
    }
    double eps = 1e-5;
    for (int i = 0; i < size; i++) {
      int rs = i / (2 * width);
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[i] += eps;
      minus[i] -= eps;
      double numeric =
          (javaLoss(w, problem, plus, offsets, tau, rs, width)
                  - javaLoss(w, problem, minus, offsets, tau, rs, width))
              / (2 * eps);
      assertEquals(numeric, gradient[i], 1e-4, "d loss / d theta[" + i + "]");
    }
  }

  static double gate(int position, int j) {
    return (float) dev.trustml.model.PositionGates.gate(position, j);
  }

  /**
   * Restart rs's loss: Gumbel-softmax weights, soft slot embeddings, position-gated mean pool,
   * cross-entropy.
   */
  private static double javaLoss(
      TextClassifierWeights w,
      ModivaProblem p,
      double[] theta,
      double[] offsets,
      double tau,
      int rs,
      int width) {
    int d = w.embeddingDim();
    double[] pooled = new double[d];
    long[] tokens = p.tokens();
    int[] positions = p.slotPositions();
    int count = 0;
    for (int i = 0; i < tokens.length; i++) {
      boolean slot = i == positions[0] || i == positions[1];
      if (slot) {
        continue;
      }
      count++;
      for (int j = 0; j < d; j++) {
        pooled[j] += w.embedding()[(int) tokens[i] * d + j] * gate(i, j);
      }
    }
    for (int s = 0; s < p.slots(); s++) {
      count++;
      int n = p.alphabetSize(s);
      int base = (rs * p.slots() + s) * width;
      double[] y = new double[n];
      for (int a = 0; a < n; a++) {
        y[a] = (theta[base + a] + offsets[base + a]) / tau;
      }
      Softmax.probabilitiesInPlace(y, 0, n);
      for (int a = 0; a < n; a++) {
        int row = (int) p.tokenId(s, a);
        for (int j = 0; j < d; j++) {
          pooled[j] += y[a] * w.embedding()[row * d + j] * gate(positions[s], j);
        }
      }
    }
    for (int j = 0; j < d; j++) {
      pooled[j] /= count;
    }
    double[] z = ReferenceForward.fromPooled(w, pooled);
    return Softmax.loss(z, 0, z.length, p.label());
  }

  private static float[] gauss(SplittableRandom r, int n) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) (r.nextDouble(-1, 1) + r.nextDouble(-1, 1));
    }
    return f;
  }
}
