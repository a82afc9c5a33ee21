package dev.trustml.model;

import dev.trustml.model.torchscript.FloatTensor;
import java.util.List;

/**
 * The weights of trustml's text classifier: embedding, then the mean over non-padding tokens
 * (padding id 0), then linear + ReLU, then linear. Matrices are row-major and follow PyTorch's
 * {@code nn.Linear} convention (out x in).
 *
 * @param vocabSize V, rows of the embedding (row 0 is padding)
 * @param embeddingDim D
 * @param hiddenDim H
 * @param numClasses K
 * @param embedding V x D
 * @param w1 H x D
 * @param b1 H
 * @param w2 K x H
 * @param b2 K
 */
public record TextClassifierWeights(
    int vocabSize,
    int embeddingDim,
    int hiddenDim,
    int numClasses,
    float[] embedding,
    float[] w1,
    float[] b1,
    float[] w2,
    float[] b2) {

  /** Parameter names, as in the TorchScript module's {@code __parameters__}. */
  public static final List<String> PARAMETER_NAMES = List.of("embedding", "w1", "b1", "w2", "b2");

  public TextClassifierWeights {
    check("embedding", embedding, (long) vocabSize * embeddingDim);
    check("w1", w1, (long) hiddenDim * embeddingDim);
    check("b1", b1, hiddenDim);
    check("w2", w2, (long) numClasses * hiddenDim);
    check("b2", b2, numClasses);
  }

  private static void check(String name, float[] values, long expected) {
    if (values.length != expected) {
      throw new IllegalArgumentException(
          name + " has " + values.length + " values, expected " + expected);
    }
  }

  /** The parameters as named tensors, in {@link #PARAMETER_NAMES} order. */
  public List<FloatTensor> tensors() {
    return List.of(
        new FloatTensor("embedding", new long[] {vocabSize, embeddingDim}, embedding),
        new FloatTensor("w1", new long[] {hiddenDim, embeddingDim}, w1),
        new FloatTensor("b1", new long[] {hiddenDim}, b1),
        new FloatTensor("w2", new long[] {numClasses, hiddenDim}, w2),
        new FloatTensor("b2", new long[] {numClasses}, b2));
  }

  /** Total number of scalar parameters. */
  public long parameterCount() {
    return (long) embedding.length + w1.length + b1.length + w2.length + b2.length;
  }
}
