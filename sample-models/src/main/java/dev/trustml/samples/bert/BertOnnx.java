package dev.trustml.samples.bert;

import dev.trustml.model.torchscript.FloatTensor;
import dev.trustml.samples.onnx.OnnxAttribute;
import dev.trustml.samples.onnx.OnnxGraph;
import dev.trustml.samples.onnx.OnnxGraph.ElementType;
import java.util.List;

/**
 * The BERT-shaped classifier as an ONNX model, as {@code torch.onnx.export} of a Hugging Face
 * sequence classifier would give it: int64 inputs {@code input_ids}, {@code attention_mask} and
 * (optionally) {@code token_type_ids}, all {@code [batch, sequence]}, and one float output {@code
 * logits [batch, labels]}. Operator set 17 (LayerNormalization is new in 17; ONNX Runtime 1.21 runs
 * up to 22); GELU is spelled with Erf, since the Gelu operator only arrived in set 20.
 *
 * <p>Linear weights are stored transposed ({@code [in, out]}, under their PyTorch names), so that a
 * linear layer is {@code MatMul(x, W) + b} on any number of leading dimensions.
 */
public final class BertOnnx {
  /** The operator-set version the graph uses. */
  public static final long OPSET = 17;

  /** The graph's input and output names. */
  public static final String INPUT_IDS = "input_ids";

  public static final String ATTENTION_MASK = "attention_mask";
  public static final String TOKEN_TYPE_IDS = "token_type_ids";
  public static final String LOGITS = "logits";

  private BertOnnx() {}

  /**
   * The serialized model.
   *
   * @param withTokenTypes whether the graph takes {@code token_type_ids} (else token type 0)
   */
  public static byte[] write(BertWeights w, boolean withTokenTypes) {
    BertConfig c = w.config();
    Builder b = new Builder(new OnnxGraph("trustml_bert_classifier"));
    OnnxGraph g = b.g;
    g.input(INPUT_IDS, ElementType.INT64, "batch", "sequence");
    g.input(ATTENTION_MASK, ElementType.INT64, "batch", "sequence");
    if (withTokenTypes) {
      g.input(TOKEN_TYPE_IDS, ElementType.INT64, "batch", "sequence");
    }
    g.output(LOGITS, ElementType.FLOAT, "batch", c.numLabels());

    List<FloatTensor> t = w.tensors();
    String word = plain(g, t.get(BertWeights.WORD));
    String position = plain(g, t.get(BertWeights.POSITION));
    String tokenType = plain(g, t.get(BertWeights.TOKEN_TYPE));
    String zero1 = g.initializer("zero_1d", new long[] {1}, new long[] {0});
    String zero = g.initializer("zero", new long[0], new long[] {0});
    String one = g.initializer("one", new long[0], new float[] {1f});
    String half = g.initializer("half", new long[0], new float[] {0.5f});
    String sqrt2 = g.initializer("sqrt2", new long[0], new float[] {(float) Math.sqrt(2)});
    String masked =
        g.initializer("masked_score", new long[0], new float[] {(float) BertConfig.MASKED_SCORE});
    String scale =
        g.initializer(
            "attention_scale", new long[0], new float[] {(float) (1 / Math.sqrt(c.headDim()))});
    String headShape =
        g.initializer("head_shape", new long[] {4}, new long[] {0, 0, c.heads(), c.headDim()});
    String hiddenShape =
        g.initializer("hidden_shape", new long[] {3}, new long[] {0, 0, c.hidden()});
    String maskAxes = g.initializer("mask_axes", new long[] {2}, new long[] {1, 2});

    String words = b.op("Gather", "words", word, INPUT_IDS);
    String length =
        g.node(
            "Shape",
            List.of(INPUT_IDS),
            "sequence_length",
            OnnxAttribute.of("start", 1),
            OnnxAttribute.of("end", 2));
    String positions = b.op("Slice", "positions", position, zero1, length, zero1);
    String types =
        withTokenTypes
            ? b.op("Gather", "types", tokenType, TOKEN_TYPE_IDS)
            : b.op("Gather", "types", tokenType, zero);
    String sum =
        b.op("Add", "embedding_sum", b.op("Add", "words_positions", words, positions), types);
    String x =
        b.layerNorm(
            "embeddings",
            sum,
            plain(g, t.get(BertWeights.EMB_NORM_W)),
            plain(g, t.get(BertWeights.EMB_NORM_B)));

    String maskFloat =
        g.node("Cast", List.of(ATTENTION_MASK), "mask_float", OnnxAttribute.of("to", 1));
    String maskBias =
        b.op("Mul", "mask_bias_2d", b.op("Sub", "mask_inverse", one, maskFloat), masked);
    String bias = b.op("Unsqueeze", "mask_bias", maskBias, maskAxes);

    for (int layer = 0; layer < c.layers(); layer++) {
      String p = "layer" + layer + "_";
      String q = b.linear(p + "q", x, t, BertWeights.layerIndex(layer, BertWeights.Q_W));
      String k = b.linear(p + "k", x, t, BertWeights.layerIndex(layer, BertWeights.K_W));
      String v = b.linear(p + "v", x, t, BertWeights.layerIndex(layer, BertWeights.V_W));
      String qh = b.heads(p + "q_heads", q, headShape, 0, 2, 1, 3);
      String kh = b.heads(p + "k_heads_t", k, headShape, 0, 2, 3, 1);
      String vh = b.heads(p + "v_heads", v, headShape, 0, 2, 1, 3);
      String scores =
          b.op(
              "Add",
              p + "scores",
              b.op("Mul", p + "scores_scaled", b.op("MatMul", p + "qk", qh, kh), scale),
              bias);
      String probs = g.node("Softmax", List.of(scores), p + "probs", OnnxAttribute.of("axis", -1));
      String context = b.op("MatMul", p + "context_heads", probs, vh);
      String merged =
          b.op(
              "Reshape",
              p + "context",
              g.node(
                  "Transpose",
                  List.of(context),
                  p + "context_t",
                  OnnxAttribute.ofInts("perm", 0, 2, 1, 3)),
              hiddenShape);
      String attn =
          b.linear(
              p + "attention_output",
              merged,
              t,
              BertWeights.layerIndex(layer, BertWeights.ATT_OUT_W));
      String a =
          b.layerNorm(
              p + "attention",
              b.op("Add", p + "attention_residual", attn, x),
              plain(g, t.get(BertWeights.layerIndex(layer, BertWeights.ATT_NORM_W))),
              plain(g, t.get(BertWeights.layerIndex(layer, BertWeights.ATT_NORM_B))));
      String f = b.linear(p + "ff", a, t, BertWeights.layerIndex(layer, BertWeights.FF_IN_W));
      // GELU(f) = f * Phi(f) = 0.5 f (1 + erf(f / sqrt 2))
      String erf = b.op("Erf", p + "ff_erf", b.op("Div", p + "ff_scaled", f, sqrt2));
      String gelu =
          b.op(
              "Mul",
              p + "ff_gelu",
              b.op("Mul", p + "ff_gelu_2x", f, b.op("Add", p + "ff_cdf2", erf, one)),
              half);
      String out =
          b.linear(p + "ff_out", gelu, t, BertWeights.layerIndex(layer, BertWeights.FF_OUT_W));
      x =
          b.layerNorm(
              p + "output",
              b.op("Add", p + "output_residual", out, a),
              plain(g, t.get(BertWeights.layerIndex(layer, BertWeights.OUT_NORM_W))),
              plain(g, t.get(BertWeights.layerIndex(layer, BertWeights.OUT_NORM_B))));
    }
    int pool = BertWeights.poolerIndex(c);
    String cls = g.node("Gather", List.of(x, zero), "cls", OnnxAttribute.of("axis", 1));
    String pooled = b.op("Tanh", "pooled", b.linear("pooler", cls, t, pool));
    String logitsW = transposed(g, t.get(pool + 2));
    String logitsB = plain(g, t.get(pool + 3));
    g.node("Add", List.of(b.op("MatMul", "logits_matmul", pooled, logitsW), logitsB), LOGITS);
    return g.toModel(OPSET, "trustml", "1");
  }

  private static String plain(OnnxGraph g, FloatTensor t) {
    return g.initializer(t.name(), t.shape(), t.data());
  }

  /** A PyTorch {@code [out, in]} weight stored as {@code [in, out]}. */
  private static String transposed(OnnxGraph g, FloatTensor t) {
    long[] s = t.shape();
    int out = Math.toIntExact(s[0]);
    int in = Math.toIntExact(s[1]);
    float[] src = t.data();
    float[] dst = new float[src.length];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        dst[i * out + o] = src[o * in + i];
      }
    }
    return g.initializer(t.name(), new long[] {in, out}, dst);
  }

  /** Small helpers over the graph, so that the network above reads as a network. */
  private static final class Builder {
    final OnnxGraph g;

    Builder(OnnxGraph g) {
      this.g = g;
    }

    String op(String opType, String output, String... inputs) {
      return g.node(opType, List.of(inputs), output);
    }

    /** {@code x W + b} for the weight at {@code index} and the bias after it. */
    String linear(String name, String x, List<FloatTensor> t, int index) {
      String w = transposed(g, t.get(index));
      String b = plain(g, t.get(index + 1));
      return op("Add", name, op("MatMul", name + "_matmul", x, w), b);
    }

    String layerNorm(String name, String x, String gain, String shift) {
      return g.node(
          "LayerNormalization",
          List.of(x, gain, shift),
          name + "_norm",
          OnnxAttribute.of("axis", -1),
          OnnxAttribute.of("epsilon", (float) BertConfig.LAYER_NORM_EPS));
    }

    /** {@code [batch, seq, hidden]} to heads, then transposed by {@code perm}. */
    String heads(String name, String x, String headShape, long... perm) {
      String split = op("Reshape", name + "_split", x, headShape);
      return g.node("Transpose", List.of(split), name, OnnxAttribute.ofInts("perm", perm));
    }
  }
}
