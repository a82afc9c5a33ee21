package dev.trustml.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The core builds and tests without any engine: no DJL, libtorch or ONNX Runtime on its class path
 * (so none in its dependency tree, and no code of it can name one). A dependency that brings one in
 * fails this test; the engines live in trustml-engine-pytorch, trustml-engine-onnx and
 * trustml-tokenizers-hf.
 */
public class EngineFreeCoreTest {
  /** Classes of each engine library, one per artifact. */
  static final List<String> ENGINE_CLASSES =
      List.of(
          "ai.djl.Model",
          "ai.djl.pytorch.engine.PtEngine",
          "ai.djl.pytorch.jni.JniUtils",
          "ai.djl.onnxruntime.engine.OrtEngine",
          "ai.onnxruntime.OrtEnvironment",
          "ai.djl.huggingface.tokenizers.HuggingFaceTokenizer");

  /** Jar names of engine artifacts, for those without classes (libtorch's native jar). */
  static final List<String> ENGINE_JARS =
      List.of("pytorch-native", "pytorch-jni", "onnxruntime", "/ai/djl/");

  @Test
  void noEngineClassIsLoadable() {
    for (String name : ENGINE_CLASSES) {
      assertThrows(
          ClassNotFoundException.class,
          () -> Class.forName(name, false, getClass().getClassLoader()),
          name + " is on the core's class path");
    }
  }

  @Test
  void noEngineJarIsOnTheClassPath() {
    assertEquals(List.of(), engineJars(), "engine jars on the class path");
  }

  /** Entries of the test class path (surefire's, else the JVM's) that belong to an engine. */
  public static List<String> engineJars() {
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(e -> ENGINE_JARS.stream().anyMatch(j -> e.toLowerCase(Locale.ROOT).contains(j)))
        .toList();
  }
}
