package dev.trustml.train;

/**
 * Lazy Gaussian noise for the embedding rows under DP-SGD with plain SGD.
 *
 * <p>Eager DP-SGD with SGD moves every embedding coordinate at every step t by -lr (G_t + xi_t) /
 * (qN), with xi_t ~ N(0, sigma^2 C^2) independent of everything else, so a row no sampled example
 * touches (G_t = 0) moves by pure noise. Drawing V x D Gaussians per step is the dominant cost of
 * private training. This class draws them only when needed:
 *
 * <ul>
 *   <li>Each row remembers through which step its noise has been applied. A row is brought up to
 *       date - one draw per coordinate with standard deviation s sqrt(k), s = lr sigma C / (qN),
 *       for its k pending steps - <b>before</b> any forward pass reads it, and every row at the end
 *       of training.
 *   <li>The noise of the current step is not added at the read: a step's forward pass sees the
 *       parameters as they stood after all previous steps and before this one. The step's gradient
 *       update (deterministic given what was read) and its noise both land before the next read,
 *       and addition commutes, so their order does not matter.
 * </ul>
 *
 * <p>Why this is exact in distribution: the sum of k independent N(0, s^2) variables is N(0, k
 * s^2); the skipped noise terms of a row enter no computation until the row is next read (SGD's
 * update is linear in the gradient and nothing else depends on the row), so replacing them by their
 * sum, drawn fresh and independent of everything observed so far, leaves the joint law of every
 * value the training computes - every gradient, every clip factor, the final weights - unchanged.
 * The random numbers differ from an eager run, so weights are not bit-identical to eager noise;
 * they are identically distributed, and the privacy analysis (which only needs the per-step
 * Gaussian mechanism) is untouched.
 *
 * <p>Not valid for Adam or SGD with momentum: their state (moment estimates) is a non-linear or
 * per-step function of each step's noisy gradient, so the individual noise draws matter, not only
 * their sum; those optimisers get eager noise ({@link EmbeddingNoise#EAGER}).
 *
 * <p>The padding row (id 0) is never read by the model: it is neither trained nor noised.
 */
final class LazyRowNoise {
  private final int rows;
  private final int width;
  private final double stepStd;
  private final NoiseSource noise;
  private final long[] noisedThrough;

  /**
   * @param stepStd the standard deviation one step's noise adds to a coordinate, lr sigma C / (qN)
   */
  LazyRowNoise(int rows, int width, double stepStd, NoiseSource noise) {
    this.rows = rows;
    this.width = width;
    this.stepStd = stepStd;
    this.noise = noise;
    this.noisedThrough = new long[rows];
  }

  /**
   * Adds the pending noise of steps [noisedThrough, step) to {@code row}, so the row holds the
   * value eager noise would have given it before step {@code step} (0-based) runs.
   */
  void catchUp(double[] embedding, int row, long step) {
    long pending = step - noisedThrough[row];
    if (pending <= 0 || row == 0) {
      return;
    }
    int off = row * width;
    // Minus, as in the SGD step theta -= lr * (G + xi) / (qN): irrelevant in law (the noise is
    // symmetric) but it keeps lazy and eager identical under any noise sequence.
    noise.addNoise(embedding, off, off + width, -stepStd, pending);
    noisedThrough[row] = step;
  }

  /** Brings every row up to date after {@code steps} steps (end of training). */
  void catchUpAll(double[] embedding, long steps) {
    for (int row = 1; row < rows; row++) {
      catchUp(embedding, row, steps);
    }
  }
}
