package dev.trustml.samples.bert;

/**
 * The BERT-shaped classifier's logits in plain Java (double precision over the float32 weights):
 * the oracle that the TorchScript and ONNX files written from the same weights are tested against.
 * Inputs are one row of a batch as the engines see it, padding included.
 */
public final class BertReference {
  private final BertConfig config;
  private final BertNetwork network;
  private final int[] parameterSizes;

  public BertReference(BertWeights weights) {
    this.config = weights.config();
    double[][] p = weights.toDoubles();
    this.network = new BertNetwork(config, p);
    this.parameterSizes = new int[p.length];
    for (int i = 0; i < p.length; i++) {
      parameterSizes[i] = p[i].length;
    }
  }

  /**
   * Logits of one row, as {@code forward(input_ids, attention_mask, token_type_ids)} computes them.
   *
   * @param inputIds token ids, padding included
   * @param attentionMask 1 for a token, 0 for padding; same length
   * @param tokenTypeIds segment ids, or null for all zeros (the two-input signature)
   */
  public double[] logits(long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {
    if (attentionMask.length != inputIds.length) {
      throw new IllegalArgumentException(
          attentionMask.length + " mask values for " + inputIds.length + " tokens");
    }
    double[] mask = new double[attentionMask.length];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = attentionMask[i];
    }
    return network.forward(inputIds, mask, tokenTypeIds).logits.clone();
  }

  /**
   * Logits from input embeddings, as {@code forward_emb(emb, mask)} computes them: {@code
   * embeddings} {@code [length, hidden]} row-major replace the word-embedding rows; token type 0.
   *
   * @param mask 1 for a token, 0 for padding (soft values allowed)
   */
  public double[] logitsFromEmbeddings(float[] embeddings, float[] mask) {
    double[] e = new double[embeddings.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = embeddings[i];
    }
    double[] m = new double[mask.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = mask[i];
    }
    return network.forward(e, m, null, null).logits.clone();
  }

  /**
   * The gradient of {@code dLogits . logitsFromEmbeddings(embeddings, mask)} with respect to the
   * embeddings, {@code [length, hidden]} row-major: what a white-box attack gets from {@code
   * forward_emb} by backpropagation.
   */
  public double[] embeddingGradient(float[] embeddings, float[] mask, double[] dLogits) {
    double[] e = new double[embeddings.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = embeddings[i];
    }
    double[] m = new double[mask.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = mask[i];
    }
    double[][] grads = new double[parameterSizes.length][];
    for (int i = 0; i < grads.length; i++) {
      grads[i] = new double[parameterSizes[i]];
    }
    double[] dEmb = new double[e.length];
    network.backward(network.forward(e, m, null, null), dLogits, grads, dEmb);
    return dEmb;
  }

  public BertConfig config() {
    return config;
  }
}
