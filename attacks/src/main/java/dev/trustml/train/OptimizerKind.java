package dev.trustml.train;

/** The optimisers the trainer offers, by the name written on the model card. */
public enum OptimizerKind {
  /** Plain stochastic gradient descent, no momentum: {@code theta -= lr * g}. */
  SGD("sgd"),
  /**
   * Adam (Kingma &amp; Ba 2015, Algorithm 1) with PyTorch's defaults beta1 = 0.9, beta2 = 0.999,
   * eps = 1e-8 and dense updates (rows with a zero gradient still move with their moments).
   */
  ADAM("adam");

  private final String cardName;

  OptimizerKind(String cardName) {
    this.cardName = cardName;
  }

  /** The name on the model card's training recipe. */
  public String cardName() {
    return cardName;
  }

  /** Parses the model card's name ({@code sgd}, {@code adam}). */
  public static OptimizerKind fromCardName(String name) throws dev.trustml.error.BadInputException {
    for (OptimizerKind k : values()) {
      if (k.cardName().equals(name)) {
        return k;
      }
    }
    throw new dev.trustml.error.BadInputException(
        "unknown optimizer '" + name + "' in the model card's training recipe; use sgd or adam");
  }
}
