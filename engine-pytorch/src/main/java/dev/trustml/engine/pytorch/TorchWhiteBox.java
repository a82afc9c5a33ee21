package dev.trustml.engine.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.training.GradientCollector;
import dev.trustml.model.WhiteBox;

/**
 * White-box access through libtorch autograd: the model's {@code forward_emb(emb, mask)} on input
 * embeddings that record gradients, cross-entropy of the labels, backward. The module stays in
 * evaluation mode (no dropout); only the input embeddings require gradients (the parameters were
 * frozen when the model was opened).
 */
final class TorchWhiteBox implements WhiteBox, AutoCloseable {
  /** DJL allows one open gradient collector per JVM. */
  private static final Object AUTOGRAD = new Object();

  private final PtSymbolBlock block;
  private final NDArray embedding;
  private final NDManager manager;
  private final int width;
  private final long rows;

  /**
   * @param embedding the token embedding matrix [V, D]; every parameter must already be frozen
   */
  TorchWhiteBox(PtSymbolBlock block, NDArray embedding) {
    this.block = block;
    this.embedding = embedding;
    this.manager = embedding.getManager().newSubManager();
    this.width = Math.toIntExact(embedding.getShape().get(1));
    this.rows = embedding.getShape().get(0);
  }

  @Override
  public int embeddingWidth() {
    return width;
  }

  @Override
  public long vocabularySize() {
    return rows;
  }

  @Override
  public float[] embeddingRows(long[] ids) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray index = scope.create(ids);
      NDArray picked = embedding.get(new NDIndex("{}", index));
      picked.attach(scope); // results of ops on a parameter would otherwise live with the model
      return picked.toFloatArray();
    }
  }

  @Override
  public double[] lossAndGradient(
      float[] embeddings, float[] mask, int batch, int length, int[] labels, float[] gradient) {
    synchronized (AUTOGRAD) {
      try (NDManager scope = manager.newSubManager()) {
        NDArray x = scope.create(embeddings, new Shape(batch, length, width));
        x.setRequiresGradient(true);
        NDArray m = scope.create(mask, new Shape(batch, length));
        NDArray method = scope.create(0f);
        method.setName("module_method:" + TorchScriptClassifier.EMBEDDING_METHOD);
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
          // IValueUtils directly: the block's own forward(.., true) would switch the module to
          // training mode; here only autograd is on.
          NDArray logits = IValueUtils.forward(block, new NDList(x, m, method), true).get(0);
          int k = Math.toIntExact(logits.getShape().get(1));
          float[] picks = new float[batch * k];
          for (int r = 0; r < batch; r++) {
            picks[r * k + labels[r]] = 1f;
          }
          NDArray losses =
              logits
                  .logSoftmax(1)
                  .mul(scope.create(picks, new Shape(batch, k)))
                  .sum(new int[] {1})
                  .neg();
          collector.backward(losses.sum());
          float[] g = x.getGradient().toFloatArray();
          System.arraycopy(g, 0, gradient, 0, g.length);
          float[] l = losses.toFloatArray();
          double[] out = new double[batch];
          for (int r = 0; r < batch; r++) {
            out[r] = l[r];
          }
          return out;
        }
      }
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
