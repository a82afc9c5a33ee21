package dev.trustml.optim;

/**
 * Adam (Kingma &amp; Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1) with
 * bias correction and PyTorch's defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8, in double. The one
 * Adam of trustml: the trainer, ModIvA and the BERT-shaped fixture's trainer use it.
 *
 * <p>The update is written in PyTorch's form ({@code torch.optim.Adam}, single-tensor path): {@code
 * theta -= (lr / c1) * m / (sqrt(v) / sqrt(c2) + eps)} with {@code c1 = 1 - beta1^t}, {@code c2 = 1
 * - beta2^t}. It equals the paper's {@code lr * m_hat / (sqrt(v_hat) + eps)} up to rounding; the
 * order of operations is fixed because trained weights must not change between releases.
 *
 * <p>Moments are kept per tensor; {@link #update} may move a range of a tensor (embedding rows), so
 * a step is {@link #beginStep} followed by the updates of that step.
 */
public final class Adam {
  /** Decay of the first moment. */
  public static final double BETA1 = 0.9;

  /** Decay of the second moment. */
  public static final double BETA2 = 0.999;

  /** Added to the denominator so that it is never zero. */
  public static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double[][] m;
  private final double[][] v;
  private long t;
  private double stepSize;
  private double sqrtCorrection2;

  /**
   * @param learningRate the step size lr, &gt; 0
   * @param tensorSizes the length of every parameter tensor, in the order {@link #update} names
   *     them
   */
  public Adam(double learningRate, int... tensorSizes) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "Adam needs a finite learning rate > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
    m = new double[tensorSizes.length][];
    v = new double[tensorSizes.length][];
    for (int i = 0; i < tensorSizes.length; i++) {
      m[i] = new double[tensorSizes[i]];
      v[i] = new double[tensorSizes[i]];
    }
  }

  /** An optimiser for tensors shaped like {@code tensors}. */
  public static Adam forTensors(double learningRate, double[][] tensors) {
    int[] sizes = new int[tensors.length];
    for (int i = 0; i < tensors.length; i++) {
      sizes[i] = tensors[i].length;
    }
    return new Adam(learningRate, sizes);
  }

  /** Starts step t + 1: the bias corrections of the updates until the next call. */
  public void beginStep() {
    t++;
    stepSize = learningRate / (1 - Math.pow(BETA1, t));
    sqrtCorrection2 = Math.sqrt(1 - Math.pow(BETA2, t));
  }

  /** Steps taken so far. */
  public long steps() {
    return t;
  }

  /** Moves {@code theta[from .. to)} of tensor {@code tensor} along {@code grad[from .. to)}. */
  public void update(int tensor, double[] theta, double[] grad, int from, int to) {
    if (t == 0) {
      throw new IllegalStateException("call beginStep() before the updates of a step");
    }
    double[] mt = m[tensor];
    double[] vt = v[tensor];
    for (int i = from; i < to; i++) {
      double g = grad[i];
      mt[i] = BETA1 * mt[i] + (1 - BETA1) * g;
      vt[i] = BETA2 * vt[i] + (1 - BETA2) * g * g;
      theta[i] -= stepSize * mt[i] / (Math.sqrt(vt[i]) / sqrtCorrection2 + EPSILON);
    }
  }

  /** One whole step of a single-tensor optimiser: {@code theta} moves along {@code grad}. */
  public void step(double[] theta, double[] grad) {
    beginStep();
    update(0, theta, grad, 0, theta.length);
  }

  /** One whole step: every tensor moves along its gradient. */
  public void step(double[][] theta, double[][] grads) {
    beginStep();
    for (int i = 0; i < theta.length; i++) {
      update(i, theta[i], grads[i], 0, theta[i].length);
    }
  }
}
