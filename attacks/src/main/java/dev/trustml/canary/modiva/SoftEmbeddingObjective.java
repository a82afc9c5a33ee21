package dev.trustml.canary.modiva;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.torchscript.TextClassifierScript;
import java.util.ArrayList;
import java.util.List;

/**
 * The ModIvA objective, evaluated by libtorch through the model's embedding-input method, for all
 * restarts as one batch. For restart r and slot s with logits θ[r,s,·] and Gumbel noise g:
 *
 * <pre>
 *   y[r,s,·]  = softmax((θ[r,s,·] + g[r,s,·]) / τ)          Gumbel-softmax (Jang et al. 2017, eq. 1)
 *   e[r,s]    = Σ_a y[r,s,a] · E[alphabet_s[a]]              soft embedding of the slot
 *   x[r]      = template embeddings with e[r,s] at slot positions
 *   loss[r]   = −log softmax(forward_emb(x[r], mask))[label]
 * </pre>
 *
 * (Parikh et al. 2022, section 3: the soft one-hot times the embedding matrix replaces the discrete
 * token so the cross-entropy of the canary's label can be minimised by gradient descent.) The
 * gradient with respect to θ is libtorch's; the model's own parameters are frozen while this object
 * is open so backward passes neither compute nor accumulate gradients in them.
 */
final class SoftEmbeddingObjective implements AutoCloseable {
  /** Added to the logits of alphabet padding so that its softmax weight is exactly 0. */
  static final float EXCLUDED = -1e9f;

  private final LoadedModel model;
  private final NDManager manager;
  private final int restarts;
  private final int slots;
  private final int width;
  private final int label;
  private final NDArray alphabetRows; // [S, A, D]
  private final NDArray templateRows; // [L, D], zero at slot positions
  private final NDArray placementT; // [S, L], one 1 per row at the slot's position
  private final NDArray mask; // [R, L]
  private final NDArray methodMarker;
  private final List<NDArray> frozen = new ArrayList<>();

  /**
   * @param embedding the model's embedding matrix [V, D]; token ids are checked against it by the
   *     caller
   */
  SoftEmbeddingObjective(
      LoadedModel model, NDArray embedding, ModivaProblem problem, int restarts) {
    this.model = model;
    this.restarts = restarts;
    this.slots = problem.slots();
    this.width = problem.maxAlphabetSize();
    this.label = problem.label();
    freezeModelParameters();
    this.manager = model.djlModel().getNDManager().newSubManager();
    try {
      long[] tokens = problem.tokens();
      int length = tokens.length;
      int[] positions = problem.slotPositions();
      long dim = embedding.getShape().get(1);

      // Alphabet padding repeats the slot's first token: its weight is exactly 0 (EXCLUDED).
      long[] alphabetIds = new long[slots * width];
      for (int s = 0; s < slots; s++) {
        for (int a = 0; a < width; a++) {
          alphabetIds[s * width + a] = problem.tokenId(s, Math.min(a, problem.alphabetSize(s) - 1));
        }
      }
      this.alphabetRows = rows(embedding, alphabetIds).reshape(slots, width, dim);

      long[] fixedIds = tokens.clone();
      float[] keep = new float[length];
      float[] maskRow = new float[length];
      for (int i = 0; i < length; i++) {
        keep[i] = 1;
        maskRow[i] = tokens[i] == 0 ? 0 : 1; // padding, as forward() computes it
      }
      float[] placement = new float[slots * length];
      for (int s = 0; s < slots; s++) {
        fixedIds[positions[s]] = 0;
        keep[positions[s]] = 0;
        maskRow[positions[s]] = 1;
        placement[s * length + positions[s]] = 1;
      }
      this.templateRows = rows(embedding, fixedIds).mul(manager.create(keep, new Shape(length, 1)));
      this.placementT = manager.create(placement, new Shape(slots, length));
      float[] masks = new float[restarts * length];
      for (int r = 0; r < restarts; r++) {
        System.arraycopy(maskRow, 0, masks, r * length, length);
      }
      this.mask = manager.create(masks, new Shape(restarts, length));
      this.methodMarker = manager.create(0f);
      methodMarker.setName("module_method:" + TextClassifierScript.EMBEDDING_METHOD);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Rows of the embedding matrix, as constants owned by this object's manager. */
  private NDArray rows(NDArray embedding, long[] ids) {
    NDArray index = manager.create(ids);
    NDArray picked = embedding.get(new NDIndex("{}", index));
    picked.attach(manager); // results of ops on a parameter would otherwise live with the model
    NDArray constant = picked.stopGradient();
    constant.attach(manager);
    return constant;
  }

  private void freezeModelParameters() {
    for (Pair<String, Parameter> p : model.block().getDirectParameters()) {
      NDArray array = p.getValue().getArray();
      if (array.hasGradient()) {
        array.setRequiresGradient(false);
        frozen.add(array);
      }
    }
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
  float[] lossAndGradient(float[] logits, float[] offsets, double temperature, float[] gradient) {
    Shape shape = new Shape(restarts, slots, width);
    try (NDManager scope = manager.newSubManager()) {
      // Results of DJL ops live in the first operand's manager: every chain starts from a tensor
      // of this step's scope so that closing it frees the step.
      NDArray theta = scope.create(logits, shape);
      theta.setRequiresGradient(true);
      NDArray noise = scope.create(offsets, shape);
      try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
        NDArray soft = theta.add(noise).div((float) temperature).softmax(2);
        NDArray slotEmb = soft.transpose(1, 0, 2).matMul(alphabetRows); // [S, R, D]
        NDArray sequence =
            slotEmb
                .transpose(1, 2, 0) // [R, D, S]
                .matMul(placementT) // [R, D, L]
                .transpose(0, 2, 1) // [R, L, D]
                .add(templateRows);
        NDArray out =
            model
                .block()
                .forward(
                    new ParameterStore(scope, false),
                    new NDList(sequence, mask, methodMarker),
                    true)
                .singletonOrThrow();
        NDArray losses = out.logSoftmax(1).get(new NDIndex(":, {}", label)).neg();
        collector.backward(losses.sum());
        float[] g = theta.getGradient().toFloatArray();
        System.arraycopy(g, 0, gradient, 0, g.length);
        return losses.toFloatArray();
      }
    }
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
    for (NDArray array : frozen) {
      array.setRequiresGradient(true);
    }
    frozen.clear();
  }
}
