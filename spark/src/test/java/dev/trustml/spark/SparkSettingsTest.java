package dev.trustml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.Test;

/** What a trustml driver tells Spark's executors (they run without trustml's launcher). */
class SparkSettingsTest {
  private static final String SPARK_CORE =
      Path.of(SparkContext.class.getProtectionDomain().getCodeSource().getLocation().getPath())
          .toString();

  private static final String CLASS_PATH =
      String.join(
          ":",
          "/opt/trustml/lib/trustml-attacks-0.2.0.jar",
          SPARK_CORE,
          Path.of(SPARK_CORE).resolveSibling("a-spark-dependency.jar").toString(),
          "/work/classes");

  @Test
  void executorsGetTheLaunchersSettingsAndLocalModeShipsNothing() {
    SparkConf conf = SparkSettings.of("local[2]", Map.of(), CLASS_PATH, Map.of());
    String options = conf.get("spark.executor.extraJavaOptions");
    assertTrue(options.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), options);
    assertTrue(options.contains("-Dai.djl.offline=true"), options);
    assertTrue(options.contains("-Dai.djl.pytorch.num_threads=1"), options);
    assertEquals("268435456", conf.get("spark.executorEnv.MALLOC_MMAP_THRESHOLD_"));
    assertEquals("1073741824", conf.get("spark.executorEnv.MALLOC_TRIM_THRESHOLD_"));
    assertEquals("268435456", conf.get("spark.executorEnv.MALLOC_TOP_PAD_"));
    assertFalse(conf.contains("spark.executorEnv.DJL_CACHE_DIR"));
    assertFalse(conf.contains("spark.jars"), "local mode runs in this JVM");
    assertEquals("0", conf.get("spark.driver.maxResultSize"));
  }

  @Test
  void aClusterGetsTrustmlsJarsButNotSparksAndTheUserHasTheLastWord() {
    SparkConf conf =
        SparkSettings.of(
            "spark://head:7077",
            Map.of("DJL_CACHE_DIR", "/fast/djl", "MALLOC_TOP_PAD_", "1"),
            CLASS_PATH,
            Map.of(
                "spark.executor.extraJavaOptions", "-Dmine=1",
                "spark.executor.memory", "4g",
                "spark.driver.maxResultSize", "2g"));
    assertEquals("/opt/trustml/lib/trustml-attacks-0.2.0.jar", conf.get("spark.jars"));
    assertEquals("/fast/djl", conf.get("spark.executorEnv.DJL_CACHE_DIR"));
    assertEquals("1", conf.get("spark.executorEnv.MALLOC_TOP_PAD_"));
    String options = conf.get("spark.executor.extraJavaOptions");
    assertTrue(options.startsWith("--add-opens") && options.endsWith(" -Dmine=1"), options);
    assertEquals("4g", conf.get("spark.executor.memory"));
    assertEquals("2g", conf.get("spark.driver.maxResultSize"));

    SparkConf installed =
        SparkSettings.of(
            "spark://head:7077",
            Map.of(),
            CLASS_PATH,
            Map.of("spark.executor.extraClassPath", "/opt/trustml/lib/*"));
    assertFalse(installed.contains("spark.jars"), "trustml is installed on the workers");
  }
}
