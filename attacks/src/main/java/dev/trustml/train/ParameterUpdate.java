package dev.trustml.train;

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
      case ADAM -> new Adam(learningRate, p);
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

  /**
   * Adam (Kingma &amp; Ba 2015, Algorithm 1) with bias correction, in PyTorch's form: theta -= lr *
   * m_hat / (sqrt(v_hat) + eps).
   */
  static final class Adam extends ParameterUpdate {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;
    private final double lr;
    private final double[][] m;
    private final double[][] v;
    private long t;
    private double correction1;
    private double correction2;

    Adam(double lr, MlpParameters p) {
      this.lr = lr;
      double[][] tensors = p.tensors();
      m = new double[tensors.length][];
      v = new double[tensors.length][];
      for (int i = 0; i < tensors.length; i++) {
        m[i] = new double[tensors[i].length];
        v[i] = new double[tensors[i].length];
      }
    }

    @Override
    void beginStep() {
      t++;
      correction1 = 1 - Math.pow(BETA1, t);
      correction2 = 1 - Math.pow(BETA2, t);
    }

    @Override
    void apply(int tensor, double[] theta, double[] grad, int from, int to) {
      double[] mt = m[tensor];
      double[] vt = v[tensor];
      double stepSize = lr / correction1;
      double sqrtCorrection2 = Math.sqrt(correction2);
      for (int i = from; i < to; i++) {
        double g = grad[i];
        mt[i] = BETA1 * mt[i] + (1 - BETA1) * g;
        vt[i] = BETA2 * vt[i] + (1 - BETA2) * g * g;
        theta[i] -= stepSize * mt[i] / (Math.sqrt(vt[i]) / sqrtCorrection2 + EPS);
      }
    }
  }
}
