package dev.trustml.samples.bert;

/**
 * The sizes of a BERT-shaped classifier (Devlin et al. 2019, "BERT: Pre-training of Deep
 * Bidirectional Transformers for Language Understanding"): token, position and token-type
 * embeddings with a layer norm, {@code layers} post-norm Transformer encoder blocks, a tanh pooler
 * on the first ([CLS]) position and a linear classifier head.
 *
 * @param vocabSize rows of the token embedding (30,522 for the bert-base-uncased vocabulary)
 * @param hidden the model width
 * @param heads attention heads; {@code hidden} must be a multiple
 * @param layers encoder blocks
 * @param intermediate the feed-forward width (BERT uses 4 x hidden)
 * @param maxPositions the longest input (rows of the position embedding)
 * @param typeVocabSize rows of the token-type embedding (2 in BERT: sentence A and B)
 * @param numLabels classes of the classifier head
 */
public record BertConfig(
    int vocabSize,
    int hidden,
    int heads,
    int layers,
    int intermediate,
    int maxPositions,
    int typeVocabSize,
    int numLabels) {

  /** BERT's layer-norm epsilon. */
  public static final double LAYER_NORM_EPS = 1e-12;

  /**
   * What BERT adds to the attention scores of masked (padding) keys: {@code (1 - mask) x -10000}
   * (Google's original implementation and Hugging Face's before 4.x); exp(-10000) is exactly 0 in
   * float32 and float64, so padding never changes the logits.
   */
  public static final double MASKED_SCORE = -10000.0;

  public BertConfig {
    if (vocabSize < 1
        || hidden < 1
        || heads < 1
        || layers < 0
        || intermediate < 1
        || maxPositions < 1
        || typeVocabSize < 1
        || numLabels < 1) {
      throw new IllegalArgumentException("every BERT size must be positive: " + describe(this));
    }
    if (hidden % heads != 0) {
      throw new IllegalArgumentException(
          "hidden " + hidden + " is not a multiple of " + heads + " heads");
    }
  }

  /** The width of one attention head. */
  public int headDim() {
    return hidden / heads;
  }

  private static String describe(BertConfig c) {
    return "vocab "
        + c.vocabSize
        + ", hidden "
        + c.hidden
        + ", heads "
        + c.heads
        + ", layers "
        + c.layers
        + ", intermediate "
        + c.intermediate
        + ", positions "
        + c.maxPositions
        + ", types "
        + c.typeVocabSize
        + ", labels "
        + c.numLabels;
  }
}
