package dev.trustml.model;

/**
 * What white-box attacks (ModIvA) need from a model, and nothing engine-specific: the token
 * embedding matrix, and the loss and its gradient with respect to the input embeddings. The
 * attack's own optimisation (Gumbel-softmax, Adam, restarts) runs in plain Java on top.
 *
 * <p>The input embeddings are the rows of the token embedding matrix the model looks ids up in
 * (Hugging Face's {@code inputs_embeds}); position and segment embeddings, if any, are the model's
 * own business. Not thread-safe.
 */
public interface WhiteBox {
  /** Width D of an embedding row. */
  int embeddingWidth();

  /** Rows V of the embedding matrix: valid token ids are 0..V-1. */
  long vocabularySize();

  /** The embedding rows of {@code ids}, {@code ids.length x D} row-major. */
  float[] embeddingRows(long[] ids);

  /**
   * One forward and backward pass from input embeddings.
   *
   * @param embeddings {@code rows x length x D} row-major
   * @param mask {@code rows x length}: 1 for a token, 0 for padding
   * @param labels the class of each row whose negative log-likelihood is the loss
   * @param gradient receives d(sum of the rows' losses) / d(embeddings), same layout
   * @return each row's loss, -log softmax(logits)[label]
   */
  double[] lossAndGradient(
      float[] embeddings, float[] mask, int rows, int length, int[] labels, float[] gradient);
}
