package dev.trustml.spark;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * The Spark configuration of a trustml driver: what executors need to run trustml's tasks (Java 17
 * module flags, DJL offline with one libtorch thread, glibc malloc settings and the DJL cache
 * directory, as the {@code trustml} launcher sets them for itself; the trustml jars unless the
 * workers have them), then the user's settings, which win.
 */
final class SparkSettings {
  /**
   * What Spark needs on Java 17 (Spark's own launcher adds the same). The driver needs them on its
   * command line; executors get them here.
   */
  static final String JAVA17_FLAGS =
      String.join(
          " ",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
          "-Djdk.reflect.useDirectMethodHandle=false");

  /** DJL as the launcher runs it: nothing downloaded, one libtorch thread (same numbers). */
  static final String DJL_FLAGS =
      "-Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1";

  /** glibc malloc settings libtorch needs (see the launcher), with the launcher's defaults. */
  static final Map<String, String> MALLOC =
      Map.of(
          "MALLOC_MMAP_THRESHOLD_", "268435456",
          "MALLOC_TRIM_THRESHOLD_", "1073741824",
          "MALLOC_TOP_PAD_", "268435456");

  static final String EXTRA_JAVA_OPTIONS = "spark.executor.extraJavaOptions";
  static final String JARS = "spark.jars";
  static final String EXTRA_CLASS_PATH = "spark.executor.extraClassPath";

  private SparkSettings() {}

  /**
   * The configuration for {@code master}.
   *
   * @param env the driver's environment
   * @param classPath the driver's class path ({@code java.class.path})
   * @param user the user's settings (win over trustml's, except that executor Java options are
   *     appended to trustml's)
   */
  static SparkConf of(
      String master, Map<String, String> env, String classPath, Map<String, String> user) {
    SparkConf conf =
        new SparkConf()
            .setMaster(master)
            .setAppName("trustml reference models")
            .set("spark.ui.enabled", "false")
            // Trained models come back to the driver (its cache); their size has no fixed bound.
            .set("spark.driver.maxResultSize", "0");
    String javaOptions = JAVA17_FLAGS + " " + DJL_FLAGS;
    if (user.containsKey(EXTRA_JAVA_OPTIONS)) {
      javaOptions += " " + user.get(EXTRA_JAVA_OPTIONS);
    }
    conf.set(EXTRA_JAVA_OPTIONS, javaOptions);
    for (Map.Entry<String, String> m : MALLOC.entrySet()) {
      conf.setExecutorEnv(m.getKey(), env.getOrDefault(m.getKey(), m.getValue()));
    }
    if (env.containsKey("DJL_CACHE_DIR")) {
      conf.setExecutorEnv("DJL_CACHE_DIR", env.get("DJL_CACHE_DIR"));
    }
    boolean local = master.equals("local") || master.startsWith("local[");
    if (!local && !user.containsKey(JARS) && !user.containsKey(EXTRA_CLASS_PATH)) {
      List<String> jars = jarsToShip(classPath);
      if (!jars.isEmpty()) {
        conf.set(JARS, String.join(",", jars));
      }
    }
    for (Map.Entry<String, String> e : user.entrySet()) {
      if (!e.getKey().equals(EXTRA_JAVA_OPTIONS)) {
        conf.set(e.getKey(), e.getValue());
      }
    }
    return conf;
  }

  /**
   * The jars executors need and a Spark installation lacks: every jar of the class path except
   * Spark's own (those beside spark-core's jar, i.e. the Spark lib directory), plus this module's
   * jar, which sits there too.
   */
  static List<String> jarsToShip(String classPath) {
    Path sparkLib = parentOf(SparkContext.class);
    Path self = locationOf(SparkSettings.class);
    Set<String> out = new LinkedHashSet<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.endsWith(".jar")) {
        continue;
      }
      Path p = Path.of(entry).toAbsolutePath().normalize();
      if (sparkLib == null || !sparkLib.equals(p.getParent())) {
        out.add(p.toString());
      }
    }
    if (self != null && self.toString().endsWith(".jar")) {
      out.add(self.toString());
    }
    return new ArrayList<>(out);
  }

  private static Path parentOf(Class<?> c) {
    Path p = locationOf(c);
    return p == null ? null : p.getParent();
  }

  private static Path locationOf(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath()
          .normalize();
    } catch (URISyntaxException | NullPointerException | SecurityException e) {
      return null;
    }
  }
}
