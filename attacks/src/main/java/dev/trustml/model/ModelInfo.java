package dev.trustml.model;

import dev.trustml.model.card.ModelSignature;
import java.util.List;

/**
 * What an engine found in a model file, for {@code model inspect} and {@code model init}.
 *
 * @param format {@code torchscript} or {@code onnx}
 * @param signature how the model is called (from the card, or detected by probing)
 * @param detected whether the signature was detected (false: the card's)
 * @param outputs number of logits per row
 * @param methods callable methods (TorchScript) or graph inputs and outputs (ONNX)
 * @param parameters named parameters with their shapes (empty when the engine shows none)
 * @param whiteBox how white-box attacks can use the model, or why they cannot
 */
public record ModelInfo(
    String format,
    ModelSignature signature,
    boolean detected,
    int outputs,
    List<String> methods,
    List<Parameter> parameters,
    String whiteBox) {
  public ModelInfo {
    methods = List.copyOf(methods);
    parameters = List.copyOf(parameters);
  }

  /** A named parameter and its shape. */
  public record Parameter(String name, long[] shape) {
    public Parameter {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** Number of scalars. */
    public long size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }
  }

  /**
   * The token embedding matrix: a 2-D parameter named {@code embedding} (trustml's own models) or
   * {@code word_embeddings} (alone, at the end of a dotted name, optionally with {@code .weight}:
   * BERT-style models); null when there is none.
   */
  public Parameter tokenEmbedding() {
    for (Parameter p : parameters) {
      String n = stem(p.name());
      if ((n.equals("embedding") || n.equals("word_embeddings") || n.endsWith(".word_embeddings"))
          && p.shape.length == 2) {
        return p;
      }
    }
    return null;
  }

  private static String stem(String name) {
    return name.endsWith(".weight") ? name.substring(0, name.length() - ".weight".length()) : name;
  }

  /**
   * Rows of the position-embedding table (a parameter named {@code position_embeddings}, alone or
   * at the end of a dotted name, optionally with {@code .weight}): the longest input the model can
   * take; 0 when there is none.
   */
  public int positionEmbeddingRows() {
    for (Parameter p : parameters) {
      String n = stem(p.name());
      if ((n.equals("position_embeddings") || n.endsWith(".position_embeddings"))
          && p.shape.length == 2) {
        return Math.toIntExact(p.shape[0]);
      }
    }
    return 0;
  }
}
