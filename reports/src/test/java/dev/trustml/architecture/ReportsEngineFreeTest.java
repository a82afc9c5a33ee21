package dev.trustml.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code reports} depends only on the engine-free core: no DJL, libtorch or ONNX Runtime class or
 * jar on its class path (what {@code mvn -pl reports dependency:tree} shows).
 */
class ReportsEngineFreeTest {
  @Test
  void noEngineOnTheClassPath() {
    for (String name :
        List.of(
            "ai.djl.Model",
            "ai.djl.pytorch.engine.PtEngine",
            "ai.onnxruntime.OrtEnvironment",
            "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer")) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName(name, false, getClass().getClassLoader()),
          name + " is on the class path of reports");
    }
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> engines =
        Arrays.stream(path.split(File.pathSeparator))
            .filter(
                e ->
                    List.of("pytorch", "onnxruntime", "/ai/djl/").stream()
                        .anyMatch(j -> e.toLowerCase(Locale.ROOT).contains(j)))
            .toList();
    assertEquals(List.of(), engines, "engine jars on the class path of reports");
  }
}
