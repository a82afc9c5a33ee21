package dev.trustml.train;

import dev.trustml.optim.Adam;

/**
 * The optimiser step for one training run, applied tensor by tensor (or to a range of a tensor:
 * embedding rows). Holds Adam's moment estimates; plain SGD has no state.
 */
abstract class ParameterUpdate {
  /** Index of a tensor in {@link MlpParameters#tensors()} order. */
  static final int EMBEDDING = 0;

  static ParameterUpdate create(OptimizerKind kind, double learningRate, MlpParameters p) {
    return switch (kind) {
      case SGD -> new Sgd(learningRate);
      case ADAM -> new AdamUpdate(learningRate, p);
    };
  }

  /** Called once before the updates of a step. */
  abstract void beginStep();

  /** theta[from .. to) moves along grad[from .. to) (both in the tensor's layout). */
  abstract void apply(int tensor, double[] theta, double[] grad, int from, int to);

  /** Plain SGD: theta -= lr * g. */
  static final class Sgd extends ParameterUpdate {
    private final double lr;

    Sgd(double lr) {
      this.lr = lr;
    }

    @Override
    void beginStep() {}

    @Override
    void apply(int tensor, double[] theta, double[] grad, int from, int to) {
      Vec.axpy(-lr, grad, from, theta, from, to - from);
    }
  }

  /** Adam: trustml's one implementation, {@link Adam}. */
  static final class AdamUpdate extends ParameterUpdate {
    private final Adam adam;

    AdamUpdate(double lr, MlpParameters p) {
      adam = Adam.forTensors(lr, p.tensors());
    }

    @Override
    void beginStep() {
      adam.beginStep();
    }

    @Override
    void apply(int tensor, double[] theta, double[] grad, int from, int to) {
      adam.update(tensor, theta, grad, from, to);
    }
  }
}
