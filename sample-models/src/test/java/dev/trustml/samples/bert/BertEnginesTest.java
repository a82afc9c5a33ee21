package dev.trustml.samples.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trained BERT-shaped fixture written as TorchScript (every signature) and as ONNX (with and
 * without token types) gives the plain-Java reference's logits, within 1e-4, through libtorch
 * (DJL's PyTorch engine) and ONNX Runtime (DJL's OnnxRuntime engine), on real sentences tokenized
 * by DJL's Hugging Face tokenizer with the generated tokenizer.json.
 */
class BertEnginesTest {
  static final double TOLERANCE = 1e-4;

  /** Sentences of different lengths, one longer than the model's 64 tokens (truncated). */
  static final List<String> SENTENCES =
      List.of(
          "i like strawberries",
          "The battery died after two days. Very disappointed!!",
          "Great phone, works perfectly and the sound is crystal clear.",
          "Not worth the money.",
          "I would not recommend this movie to anyone; the plot was thin, the acting wooden, the"
              + " dialogue clumsy and the ending so predictable that half the audience left early"
              + " while the other half fell asleep before the credits rolled at last, and even the"
              + " popcorn, which cost more than the ticket, was stale, cold and far too salty.",
          "wow");

  static BertWeights weights;

  /** The fixture has one encoder block; two blocks of large random weights test the stacking. */
  static final BertConfig TWO_BLOCKS = new BertConfig(30522, 16, 4, 2, 24, 64, 2, 3);

  static Batch batch;
  static double[][] want;

  /** A padded batch as a tokenizer gives it. */
  record Batch(long[][] ids, long[][] mask, long[][] types) {
    int rows() {
      return ids.length;
    }

    int length() {
      return ids[0].length;
    }
  }

  @BeforeAll
  static void encodeAndComputeReference() throws Exception {
    weights = TrainedBert.result().weights();
    try (HuggingFaceTokenizer t =
        HuggingFaceTokenizer.newInstance(
            TrainedBert.tokenizer(),
            Map.of("truncation", "true", "padding", "true", "maxLength", "64"))) {
      Encoding[] enc = t.batchEncode(SENTENCES);
      long[][] ids = new long[enc.length][];
      long[][] mask = new long[enc.length][];
      long[][] types = new long[enc.length][];
      for (int i = 0; i < enc.length; i++) {
        ids[i] = enc[i].getIds();
        mask[i] = enc[i].getAttentionMask();
        types[i] = enc[i].getTypeIds().clone();
      }
      // Segment ids of a second sentence, so the three-input signatures are tested with both types.
      int real = (int) Arrays.stream(mask[1]).sum();
      for (int j = real / 2; j < real; j++) {
        types[1][j] = 1;
      }
      batch = new Batch(ids, mask, types);
    }
    assertEquals(64, batch.length(), "the long sentence is truncated to 64 tokens");
    assertTrue(Arrays.stream(batch.mask()[0]).sum() < 10, "short rows are padded");
    double[][] plain = reference(false);
    double[][] typed = reference(true);
    // The fixture trains on type 0 only, so type 1's row is still its small random init; it moves
    // the logits a little (the random two-block model below tests the type path in earnest).
    assertTrue(
        Math.abs(plain[1][0] - typed[1][0]) > 1e-6,
        "token types change row 1's logits: " + plain[1][0] + " vs " + typed[1][0]);
  }

  static double[][] reference(boolean withTypes) {
    return reference(weights, withTypes);
  }

  static double[][] reference(BertWeights w, boolean withTypes) {
    BertReference ref = new BertReference(w);
    double[][] out = new double[batch.rows()][];
    for (int i = 0; i < batch.rows(); i++) {
      out[i] = ref.logits(batch.ids()[i], batch.mask()[i], withTypes ? batch.types()[i] : null);
    }
    return out;
  }

  static NDArray int64(NDManager m, long[][] rows) {
    long[] flat = Arrays.stream(rows).flatMapToLong(Arrays::stream).toArray();
    return m.create(flat, new Shape(rows.length, rows[0].length));
  }

  static void assertLogits(double[][] expected, float[] got, String what) {
    int k = expected[0].length;
    assertEquals(expected.length * k, got.length, what + ": number of logits");
    double max = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int c = 0; c < k; c++) {
        double d = Math.abs(expected[i][c] - got[i * k + c]);
        max = Math.max(max, d);
        assertEquals(expected[i][c], got[i * k + c], TOLERANCE, what + " row " + i + " class " + c);
      }
    }
    System.out.printf("%s: max |logit - reference| = %.2e%n", what, max);
  }

  @ParameterizedTest
  @EnumSource(BertSignature.Output.class)
  void libtorchMatchesReferenceWithTwoInputs(BertSignature.Output output, @TempDir Path dir)
      throws Exception {
    runTorchScript(weights, new BertSignature(false, output, false), dir);
  }

  @ParameterizedTest
  @EnumSource(BertSignature.Output.class)
  void libtorchMatchesReferenceWithTokenTypes(BertSignature.Output output, @TempDir Path dir)
      throws Exception {
    runTorchScript(weights, new BertSignature(true, output, false), dir);
  }

  @Test
  void twoBlocksOfRandomWeightsAgreeInBothEngines(@TempDir Path dir) throws Exception {
    BertWeights w = BertNetworkTest.randomWeights(TWO_BLOCKS, 21);
    runTorchScript(w, new BertSignature(true, BertSignature.Output.TENSOR, false), dir);
    runOnnx(w, true, dir);
  }

  private static void runTorchScript(BertWeights w, BertSignature signature, Path dir)
      throws Exception {
    BertFixture.writeTorchScript(dir.resolve("model.pt"), w, signature);
    double[][] expected = reference(w, signature.tokenTypes());
    try (Model model = Model.newInstance("bert", "PyTorch")) {
      model.load(dir, "model");
      NDManager m = model.getNDManager();
      NDList in = new NDList(int64(m, batch.ids()), int64(m, batch.mask()));
      if (signature.tokenTypes()) {
        in.add(int64(m, batch.types()));
      }
      NDList out = model.getBlock().forward(new ParameterStore(m, false), in, false);
      String what = "libtorch " + w.config().layers() + " blocks, " + signature;
      switch (signature.output()) {
        case TENSOR -> assertEquals(1, out.size(), what);
        case TUPLE -> {
          assertEquals(2, out.size(), what + ": (logits, pooled)");
          assertEquals(new Shape(batch.rows(), w.config().hidden()), out.get(1).getShape());
          assertNull(out.get(0).getName(), "a tuple's elements are unnamed");
        }
        case DICT -> {
          assertEquals(1, out.size(), what);
          assertEquals("logits", out.get(0).getName(), "a dict's entries carry their keys");
        }
      }
      assertEquals(new Shape(batch.rows(), w.config().numLabels()), out.get(0).getShape());
      assertLogits(expected, out.get(0).toFloatArray(), what);
      List<String> methods =
          new ArrayList<>(Arrays.asList(JniUtils.getMethodNames((PtSymbolBlock) model.getBlock())));
      assertEquals(List.of("forward"), methods, "forward_emb only when asked for");
    }
  }

  @Test
  void embeddingMethodMatchesReference(@TempDir Path dir) throws Exception {
    BertFixture.writeTorchScript(dir.resolve("model.pt"), weights, BertSignature.DEFAULT);
    int h = weights.config().hidden();
    float[] word = weights.values(BertWeights.WORD);
    int n = batch.rows();
    int len = batch.length();
    float[] emb = new float[n * len * h];
    float[] mask = new float[n * len];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < len; j++) {
        System.arraycopy(word, (int) batch.ids()[i][j] * h, emb, (i * len + j) * h, h);
        mask[i * len + j] = batch.mask()[i][j];
      }
    }
    double[][] expected = reference(false);
    try (Model model = Model.newInstance("bert", "PyTorch")) {
      model.load(dir, "model");
      PtSymbolBlock block = (PtSymbolBlock) model.getBlock();
      List<String> methods = new ArrayList<>(Arrays.asList(JniUtils.getMethodNames(block)));
      methods.sort(null);
      assertEquals(List.of("forward", BertScript.EMBEDDING_METHOD), methods);
      NDManager m = model.getNDManager();
      NDArray method = m.create(0f);
      method.setName("module_method:" + BertScript.EMBEDDING_METHOD);
      NDList out =
          block.forward(
              new ParameterStore(m, false),
              new NDList(
                  m.create(emb, new Shape(n, len, h)), m.create(mask, new Shape(n, len)), method),
              false);
      assertLogits(expected, out.singletonOrThrow().toFloatArray(), "libtorch forward_emb");
      // The reference of the embedding path itself, on the same rows.
      BertReference ref = new BertReference(weights);
      float[] row = Arrays.copyOfRange(emb, 0, len * h);
      float[] rowMask = Arrays.copyOfRange(mask, 0, len);
      double[] direct = ref.logitsFromEmbeddings(row, rowMask);
      assertEquals(expected[0][0], direct[0], 1e-9);
    }
  }

  @Test
  void embeddingMethodGradientMatchesReference(@TempDir Path dir) throws Exception {
    // What white-box attacks (ModIvA) need: d(dLogits . logits) / d emb through forward_emb, with
    // the model loaded trainable, equals the plain-Java backward pass.
    BertWeights w = BertNetworkTest.randomWeights(TWO_BLOCKS, 23);
    BertFixture.writeTorchScript(
        dir.resolve("model.pt"), w, new BertSignature(false, BertSignature.Output.TENSOR, true));
    int h = TWO_BLOCKS.hidden();
    int len = 7;
    SplittableRandom r = new SplittableRandom(4);
    float[] emb = new float[len * h];
    for (int i = 0; i < emb.length; i++) {
      emb[i] = (float) r.nextGaussian();
    }
    float[] mask = {1, 1, 1, 1, 1, 0.5f, 0};
    float[] dLogits = {0.5f, -1, 0.25f};
    double[] want = new BertReference(w).embeddingGradient(emb, mask, new double[] {0.5, -1, 0.25});
    try (Model model = Model.newInstance("bert", "PyTorch")) {
      model.load(dir, "model", Map.of("trainParam", "true"));
      NDManager m = model.getNDManager();
      try (NDManager scope = m.newSubManager()) {
        NDArray e = scope.create(emb, new Shape(1, len, h));
        e.setRequiresGradient(true);
        NDArray method = scope.create(0f);
        method.setName("module_method:" + BertScript.EMBEDDING_METHOD);
        try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
          NDArray logits =
              model
                  .getBlock()
                  .forward(
                      new ParameterStore(scope, false),
                      new NDList(e, scope.create(mask, new Shape(1, len)), method),
                      true)
                  .singletonOrThrow();
          collector.backward(logits.mul(scope.create(dLogits, new Shape(1, 3))).sum());
          float[] got = e.getGradient().toFloatArray();
          double max = 0;
          for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], 1e-4, "d emb[" + i + "]");
            max = Math.max(max, Math.abs(want[i] - got[i]));
          }
          System.out.printf("libtorch forward_emb gradient: max |diff| = %.2e%n", max);
          for (int i = 6 * h; i < got.length; i++) {
            assertEquals(0, got[i], 1e-6, "the masked position has no gradient");
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void onnxRuntimeMatchesReference(boolean withTypes, @TempDir Path dir) throws Exception {
    runOnnx(weights, withTypes, dir);
  }

  private static void runOnnx(BertWeights w, boolean withTypes, Path dir) throws Exception {
    BertFixture.writeOnnx(dir.resolve("model.onnx"), w, withTypes);
    double[][] expected = reference(w, withTypes);
    try (Model model = Model.newInstance("bert", "OnnxRuntime")) {
      model.load(dir, "model", Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"));
      NDManager m = model.getNDManager();
      NDArray ids = int64(m, batch.ids());
      ids.setName(BertOnnx.INPUT_IDS);
      NDArray mask = int64(m, batch.mask());
      mask.setName(BertOnnx.ATTENTION_MASK);
      NDList in = new NDList(ids, mask);
      if (withTypes) {
        NDArray types = int64(m, batch.types());
        types.setName(BertOnnx.TOKEN_TYPE_IDS);
        in.add(types);
      }
      NDList out = model.getBlock().forward(new ParameterStore(m, false), in, false);
      assertEquals(1, out.size());
      assertEquals(BertOnnx.LOGITS, out.get(0).getName());
      assertLogits(
          expected,
          out.get(0).toFloatArray(),
          "onnxruntime " + w.config().layers() + " blocks, types=" + withTypes);
    }
  }
}
