package dev.trustml.samples.bert;

import dev.trustml.model.torchscript.FloatTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The float32 parameters of a {@link BertConfig} network, in one fixed order that the TorchScript
 * writer, the ONNX writer and the plain-Java reference share. Linear weights are PyTorch's {@code
 * [out, in]}. Names follow Hugging Face's {@code BertForSequenceClassification} with dots turned
 * into underscores (TorchScript attribute names are identifiers): {@code word_embeddings}, {@code
 * layer0_query_weight}, ..., {@code classifier_bias}.
 */
public final class BertWeights {
  /** A parameter's name and shape. */
  public record Slot(String name, long[] shape) {
    public Slot {
      shape = shape.clone();
    }

    @Override
    public long[] shape() {
      return shape.clone();
    }

    /** Number of values. */
    public int size() {
      long n = 1;
      for (long s : shape) {
        n *= s;
      }
      return Math.toIntExact(n);
    }
  }

  /** Parameters per encoder block, in {@link #layout} order. */
  static final int PER_LAYER = 16;

  /** Indices of the embedding parameters in {@link #layout}. */
  static final int WORD = 0;

  static final int POSITION = 1;
  static final int TOKEN_TYPE = 2;
  static final int EMB_NORM_W = 3;
  static final int EMB_NORM_B = 4;
  static final int FIRST_LAYER = 5;

  /** Offsets inside one encoder block. */
  static final int Q_W = 0;

  static final int Q_B = 1;
  static final int K_W = 2;
  static final int K_B = 3;
  static final int V_W = 4;
  static final int V_B = 5;
  static final int ATT_OUT_W = 6;
  static final int ATT_OUT_B = 7;
  static final int ATT_NORM_W = 8;
  static final int ATT_NORM_B = 9;
  static final int FF_IN_W = 10;
  static final int FF_IN_B = 11;
  static final int FF_OUT_W = 12;
  static final int FF_OUT_B = 13;
  static final int OUT_NORM_W = 14;
  static final int OUT_NORM_B = 15;

  private static final String[] LAYER_NAMES = {
    "query_weight",
    "query_bias",
    "key_weight",
    "key_bias",
    "value_weight",
    "value_bias",
    "attention_output_weight",
    "attention_output_bias",
    "attention_norm_weight",
    "attention_norm_bias",
    "intermediate_weight",
    "intermediate_bias",
    "output_weight",
    "output_bias",
    "output_norm_weight",
    "output_norm_bias",
  };

  private final BertConfig config;
  private final List<FloatTensor> tensors;

  private BertWeights(BertConfig config, List<FloatTensor> tensors) {
    this.config = config;
    this.tensors = List.copyOf(tensors);
  }

  /** Every parameter's name and shape, in the order all writers use. */
  public static List<Slot> layout(BertConfig c) {
    long h = c.hidden();
    long i = c.intermediate();
    List<Slot> slots = new ArrayList<>();
    slots.add(new Slot("word_embeddings", new long[] {c.vocabSize(), h}));
    slots.add(new Slot("position_embeddings", new long[] {c.maxPositions(), h}));
    slots.add(new Slot("token_type_embeddings", new long[] {c.typeVocabSize(), h}));
    slots.add(new Slot("embeddings_norm_weight", new long[] {h}));
    slots.add(new Slot("embeddings_norm_bias", new long[] {h}));
    for (int layer = 0; layer < c.layers(); layer++) {
      for (int k = 0; k < PER_LAYER; k++) {
        long[] shape =
            switch (k) {
              case Q_W, K_W, V_W, ATT_OUT_W -> new long[] {h, h};
              case FF_IN_W -> new long[] {i, h};
              case FF_IN_B -> new long[] {i};
              case FF_OUT_W -> new long[] {h, i};
              default -> new long[] {h};
            };
        slots.add(new Slot(layerName(layer, k), shape));
      }
    }
    slots.add(new Slot("pooler_weight", new long[] {h, h}));
    slots.add(new Slot("pooler_bias", new long[] {h}));
    slots.add(new Slot("classifier_weight", new long[] {c.numLabels(), h}));
    slots.add(new Slot("classifier_bias", new long[] {c.numLabels()}));
    return slots;
  }

  /** The name of parameter {@code offset} (e.g. {@link #Q_W}) of block {@code layer}. */
  static String layerName(int layer, int offset) {
    return "layer" + layer + "_" + LAYER_NAMES[offset];
  }

  /** Index in {@link #layout} of parameter {@code offset} of block {@code layer}. */
  static int layerIndex(int layer, int offset) {
    return FIRST_LAYER + layer * PER_LAYER + offset;
  }

  /** Index of the pooler weight; bias, classifier weight and bias follow. */
  static int poolerIndex(BertConfig c) {
    return FIRST_LAYER + c.layers() * PER_LAYER;
  }

  /** Indices of the linear layers' {@code [out, in]} weights; each one's bias follows it. */
  static int[] linearWeightIndices(BertConfig c) {
    int[] perLayer = {Q_W, K_W, V_W, ATT_OUT_W, FF_IN_W, FF_OUT_W};
    int[] out = new int[c.layers() * perLayer.length + 2];
    int n = 0;
    for (int layer = 0; layer < c.layers(); layer++) {
      for (int k : perLayer) {
        out[n++] = layerIndex(layer, k);
      }
    }
    out[n++] = poolerIndex(c);
    out[n] = poolerIndex(c) + 2;
    return out;
  }

  /**
   * Weights from values in {@link #layout} order.
   *
   * @throws IllegalArgumentException if the count or a length does not match the layout
   */
  public static BertWeights of(BertConfig c, List<float[]> values) {
    List<Slot> slots = layout(c);
    if (values.size() != slots.size()) {
      throw new IllegalArgumentException(
          "expected " + slots.size() + " BERT parameters, got " + values.size());
    }
    List<FloatTensor> tensors = new ArrayList<>(slots.size());
    for (int k = 0; k < slots.size(); k++) {
      Slot s = slots.get(k);
      tensors.add(new FloatTensor(s.name(), s.shape(), values.get(k).clone()));
    }
    return new BertWeights(c, tensors);
  }

  public BertConfig config() {
    return config;
  }

  /** The parameters in layout order (shared arrays: do not modify). */
  public List<FloatTensor> tensors() {
    return tensors;
  }

  /** A copy of parameter {@code index}'s values. */
  public float[] values(int index) {
    return tensors.get(index).data().clone();
  }

  /** The parameter named {@code name}. */
  public FloatTensor tensor(String name) {
    for (FloatTensor t : tensors) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no BERT parameter named " + name);
  }

  /** All values widened to double, in layout order (what the reference forward computes with). */
  double[][] toDoubles() {
    double[][] out = new double[tensors.size()][];
    for (int k = 0; k < out.length; k++) {
      float[] f = tensors.get(k).data();
      double[] d = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        d[j] = f[j];
      }
      out[k] = d;
    }
    return out;
  }

  /** Weights from double values, rounded to float32. */
  static BertWeights fromDoubles(BertConfig c, double[][] values) {
    List<float[]> out = new ArrayList<>(values.length);
    for (double[] d : values) {
      float[] f = new float[d.length];
      for (int j = 0; j < d.length; j++) {
        f[j] = (float) d[j];
      }
      out.add(f);
    }
    return of(c, out);
  }

  /** Total number of parameters. */
  public long parameterCount() {
    return tensors.stream().mapToLong(t -> t.data().length).sum();
  }

  @Override
  public String toString() {
    return "BertWeights" + Arrays.toString(tensors.stream().map(FloatTensor::name).toArray());
  }
}
