package dev.trustml.canary.modiva;

/**
 * Adam (Kingma &amp; Ba, "Adam: a method for stochastic optimization", ICLR 2015, Algorithm 1) on a
 * plain double vector. The slot logits are few (restarts x slots x alphabet), so the update runs in
 * Java, in double; the engine only computes gradients with respect to the input embeddings.
 */
final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private int t;

  Adam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** One descent step of {@code params} along {@code gradient}, in place. */
  void step(double[] params, double[] gradient) {
    t++;
    double correction1 = 1 - Math.pow(BETA1, t);
    double correction2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < params.length; i++) {
      double g = gradient[i];
      m[i] = BETA1 * m[i] + (1 - BETA1) * g;
      v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
      double mHat = m[i] / correction1;
      double vHat = v[i] / correction2;
      params[i] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
    }
  }
}
