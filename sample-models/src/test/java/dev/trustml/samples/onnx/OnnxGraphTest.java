package dev.trustml.samples.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.trustml.samples.onnx.OnnxGraph.ElementType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small graph written by {@link OnnxGraph}, run by ONNX Runtime, against hand arithmetic. */
class OnnxGraphTest {

  @Test
  void onnxRuntimeRunsAWrittenGraph(@TempDir Path dir) throws Exception {
    // y = tanh(x W + b) summed with a gathered row: every kind of field the writer emits
    // (symbolic and fixed dims, float and int64 initializers, int, ints and float attributes).
    OnnxGraph g = new OnnxGraph("tiny");
    g.input("x", ElementType.FLOAT, "batch", 2);
    g.input("ids", ElementType.INT64, "batch");
    g.output("y", ElementType.FLOAT, "batch", 3);
    String w = g.initializer("w", new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6});
    String b = g.initializer("b", new long[] {3}, new float[] {0.5f, -0.5f, 0});
    String table = g.initializer("table", new long[] {2, 3}, new float[] {10, 20, 30, 40, 50, 60});
    String shape = g.initializer("shape", new long[] {2}, new long[] {-1, 3});
    String xw = g.node("MatMul", List.of("x", w), "xw");
    String pre = g.node("Add", List.of(xw, b), "pre");
    String act = g.node("Tanh", List.of(pre), "act");
    String rows = g.node("Gather", List.of(table, "ids"), "rows", OnnxAttribute.of("axis", 0));
    String sum = g.node("Add", List.of(act, rows), "sum");
    String flat = g.node("Reshape", List.of(sum, shape), "flat");
    String moved = g.node("Transpose", List.of(flat), "moved", OnnxAttribute.ofInts("perm", 0, 1));
    g.node("LeakyRelu", List.of(moved), "y", OnnxAttribute.of("alpha", 0.5f));
    Path file = dir.resolve("model.onnx");
    Files.write(file, g.toModel(17, "trustml-test", "1"));

    float[] x = {0.1f, -0.2f, 0.3f, 0.4f};
    long[] ids = {1, 0};
    float[] want = new float[6];
    float[] wv = {1, 2, 3, 4, 5, 6};
    float[] bv = {0.5f, -0.5f, 0};
    float[] tv = {10, 20, 30, 40, 50, 60};
    for (int r = 0; r < 2; r++) {
      for (int o = 0; o < 3; o++) {
        double s = bv[o] + x[r * 2] * wv[o] + x[r * 2 + 1] * wv[3 + o];
        double v = Math.tanh(s) + tv[(int) ids[r] * 3 + o];
        want[r * 3 + o] = (float) (v >= 0 ? v : 0.5 * v);
      }
    }
    try (Model model = Model.newInstance("tiny", "OnnxRuntime")) {
      model.load(dir, "model", Map.of("intraOpNumThreads", "1", "interOpNumThreads", "1"));
      NDManager m = model.getNDManager();
      NDList out =
          model
              .getBlock()
              .forward(
                  new ParameterStore(m, false),
                  new NDList(m.create(x, new Shape(2, 2)), m.create(ids, new Shape(2))),
                  false);
      assertArrayEquals(want, out.singletonOrThrow().toFloatArray(), 1e-5f);
    }
  }

  @Test
  void undefinedInputIsRefused() {
    OnnxGraph g = new OnnxGraph("bad");
    g.input("x", ElementType.FLOAT, 1);
    assertThrows(IllegalArgumentException.class, () -> g.node("Add", List.of("x", "nothing"), "y"));
  }

  @Test
  void nameDefinedTwiceIsRefused() {
    OnnxGraph g = new OnnxGraph("bad");
    g.input("x", ElementType.FLOAT, 1);
    assertThrows(IllegalArgumentException.class, () -> g.node("Neg", List.of("x"), "x"));
  }

  @Test
  void outputNeverComputedIsRefused() {
    OnnxGraph g = new OnnxGraph("bad");
    g.input("x", ElementType.FLOAT, 1);
    g.output("y", ElementType.FLOAT, 1);
    assertThrows(IllegalStateException.class, () -> g.toModel(17, "t", "1"));
  }
}
