package dev.trustml.canary.modiva;

import dev.trustml.model.WhiteBox;
import dev.trustml.scoring.Softmax;
import java.util.Arrays;

/**
 * The ModIvA objective for all restarts as one batch, in plain Java around the model's {@link
 * WhiteBox}. For restart r and slot s with logits θ[r,s,·] and Gumbel noise g:
 *
 * <pre>
 *   y[r,s,·]  = softmax((θ[r,s,·] + g[r,s,·]) / τ)          Gumbel-softmax (Jang et al. 2017, eq. 1)
 *   e[r,s]    = Σ_a y[r,s,a] · E[alphabet_s[a]]              soft embedding of the slot
 *   x[r]      = template embeddings with e[r,s] at slot positions
 *   loss[r]   = −log softmax(model(x[r], mask))[label]
 * </pre>
 *
 * (Parikh et al. 2022, section 3: the soft one-hot times the embedding matrix replaces the discrete
 * token so the cross-entropy of the canary's label can be minimised by gradient descent.) The model
 * gives loss[r] and g_x = dloss/dx; the chain rule back to θ is here:
 *
 * <pre>
 *   dloss/dy[r,s,a] = g_x[r, position_s] · E[alphabet_s[a]]
 *   dloss/dθ[r,s,a] = y[r,s,a] (dloss/dy[r,s,a] − Σ_b y[r,s,b] dloss/dy[r,s,b]) / τ
 * </pre>
 *
 * (the softmax Jacobian). The noise g does not depend on θ.
 */
final class SoftEmbeddingObjective {
  /** Added to the logits of alphabet padding so that its softmax weight is exactly 0. */
  static final float EXCLUDED = -1e9f;

  private final WhiteBox model;
  private final int restarts;
  private final int slots;
  private final int width;
  private final int length;
  private final int dim;
  private final int[] positions;
  private final int[] labels;
  private final float[] alphabetRows; // [S, A, D]
  private final float[] templateRows; // [L, D], zero at slot positions
  private final float[] mask; // [R, L]
  private final float[] inputs; // [R, L, D], reused
  private final float[] inputGradient; // [R, L, D], reused

  SoftEmbeddingObjective(WhiteBox model, ModivaProblem problem, int restarts) {
    this.model = model;
    this.restarts = restarts;
    this.slots = problem.slots();
    this.width = problem.maxAlphabetSize();
    long[] tokens = problem.tokens();
    this.length = tokens.length;
    this.dim = model.embeddingWidth();
    this.positions = problem.slotPositions();
    this.labels = new int[restarts];
    Arrays.fill(labels, problem.label());

    // Alphabet padding repeats the slot's first token: its weight is exactly 0 (EXCLUDED).
    long[] alphabetIds = new long[slots * width];
    for (int s = 0; s < slots; s++) {
      for (int a = 0; a < width; a++) {
        alphabetIds[s * width + a] = problem.tokenId(s, Math.min(a, problem.alphabetSize(s) - 1));
      }
    }
    this.alphabetRows = model.embeddingRows(alphabetIds);
    long[] fixed = tokens.clone();
    for (int s = 0; s < slots; s++) {
      fixed[positions[s]] = problem.tokenId(s, 0); // a valid id; its row is zeroed below
    }
    this.templateRows = model.embeddingRows(fixed);
    for (int p : positions) {
      Arrays.fill(templateRows, p * dim, (p + 1) * dim, 0f);
    }
    // The problem has no padding: every position, slots included, is a token.
    this.mask = new float[restarts * length];
    Arrays.fill(mask, 1f);
    this.inputs = new float[restarts * length * dim];
    this.inputGradient = new float[inputs.length];
  }

  /**
   * One batched forward and backward pass.
   *
   * @param logits θ, restarts x slots x width, row-major
   * @param offsets Gumbel noise, or {@link #EXCLUDED} at alphabet padding; same layout
   * @param temperature τ
   * @param gradient receives d(Σ_r loss[r]) / dθ, same layout
   * @return the loss of each restart
   */
  double[] lossAndGradient(
      double[] logits, double[] offsets, double temperature, double[] gradient) {
    double[] y = new double[logits.length];
    for (int rs = 0; rs < restarts * slots; rs++) {
      softmax(logits, offsets, temperature, rs * width, y);
    }
    for (int r = 0; r < restarts; r++) {
      System.arraycopy(templateRows, 0, inputs, r * length * dim, length * dim);
      for (int s = 0; s < slots; s++) {
        int out = (r * length + positions[s]) * dim;
        int weights = (r * slots + s) * width;
        for (int a = 0; a < width; a++) {
          double w = y[weights + a];
          if (w == 0) {
            continue;
          }
          int row = (s * width + a) * dim;
          for (int d = 0; d < dim; d++) {
            inputs[out + d] += (float) (w * alphabetRows[row + d]);
          }
        }
      }
    }
    double[] losses = model.lossAndGradient(inputs, mask, restarts, length, labels, inputGradient);
    double[] dy = new double[width];
    for (int r = 0; r < restarts; r++) {
      for (int s = 0; s < slots; s++) {
        int in = (r * length + positions[s]) * dim;
        int base = (r * slots + s) * width;
        double expected = 0;
        for (int a = 0; a < width; a++) {
          int row = (s * width + a) * dim;
          double dot = 0;
          for (int d = 0; d < dim; d++) {
            dot += (double) inputGradient[in + d] * alphabetRows[row + d];
          }
          dy[a] = dot;
          expected += y[base + a] * dot;
        }
        for (int a = 0; a < width; a++) {
          gradient[base + a] = y[base + a] * (dy[a] - expected) / temperature;
        }
      }
    }
    return losses;
  }

  /** softmax((θ + g) / τ) over {@code width} entries from {@code from}, into {@code y}. */
  private void softmax(double[] theta, double[] noise, double tau, int from, double[] y) {
    float[] z = new float[width];
    for (int a = 0; a < width; a++) {
      z[a] = (float) ((theta[from + a] + noise[from + a]) / tau);
    }
    System.arraycopy(Softmax.probabilities(z, 0, width), 0, y, from, width);
  }
}
