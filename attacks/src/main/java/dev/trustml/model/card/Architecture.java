package dev.trustml.model.card;

/**
 * Sizes of the built-in text classifier (embedding, mean pooling, linear + ReLU, linear).
 *
 * @param kind the architecture family; only {@code "mean-pool-mlp"} exists today
 * @param vocabSize rows of the embedding matrix
 * @param embeddingDim embedding width
 * @param hiddenDim hidden layer width
 */
public record Architecture(String kind, int vocabSize, int embeddingDim, int hiddenDim) {
  /** The one architecture trustml trains and writes. */
  public static final String MEAN_POOL_MLP = "mean-pool-mlp";
}
