package dev.trustml.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Where tensors meet domain types: token ids in, logits out, through the loaded TorchScript module.
 * Each call allocates its tensors in a sub-manager and frees them before returning, so memory does
 * not grow with the number of batches. Not thread-safe: one runner per thread.
 */
public final class ClassifierRunner implements AutoCloseable {
  private final LoadedModel model;
  private final NDManager manager;

  public ClassifierRunner(LoadedModel model) {
    this.model = model;
    this.manager = model.djlModel().getNDManager().newSubManager();
  }

  /** Logits, row-major {@code rows x numClasses}. */
  public float[] logits(TokenBatch batch) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray ids = scope.create(batch.ids(), new Shape(batch.rows(), batch.length()));
      NDList out = model.block().forward(new ParameterStore(scope, false), new NDList(ids), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
