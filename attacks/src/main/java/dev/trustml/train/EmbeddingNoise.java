package dev.trustml.train;

/** When DP-SGD adds the Gaussian noise to the embedding matrix. */
public enum EmbeddingNoise {
  /**
   * Every row, every step (V x D Gaussian draws per step): the textbook mechanism, valid for every
   * optimiser.
   */
  EAGER,
  /**
   * Rows no example touched are noised only when next read or at the end, with one draw of the
   * summed noise of all skipped steps. Exact in distribution for plain SGD only; see {@link
   * LazyRowNoise} for why.
   */
  LAZY
}
