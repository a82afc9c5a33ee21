package dev.trustml.train;

/** How DP-SGD obtains the per-example gradient norms and the sum of clipped gradients. */
public enum ClippingMethod {
  /**
   * Ghost clipping: per-example norms in closed form from each layer's input and output gradient
   * (Goodfellow 2015, "Efficient per-example gradient computations"; Li et al. 2022, "Large
   * language models can be strong differentially private learners", Sec. 4), then one weighted
   * backward pass. No per-example gradient is ever materialised.
   */
  GHOST,
  /**
   * The reference: each example's full gradient (every parameter, the embedding as a dense V x D
   * matrix as PyTorch's default {@code nn.Embedding} produces it) is materialised, its norm taken,
   * clipped and added. Slow by design; tests and the benchmark compare against it.
   */
  NAIVE
}
