package dev.trustml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code make test-cluster}: a standalone Spark cluster on 127.0.0.1 - a master and two workers of
 * one core each, started from the Maven-resolved Spark jars (a SPARK_HOME directory with a RELEASE
 * file and jars/) - runs a 16-reference-model audit of the sentiment sample through the release's
 * command line, and its JSON numbers equal the local executor's (same seed). Prints both wall
 * times. Everything this test starts is stopped at the end, also on failure.
 */
@Tag("cluster")
class LoopbackClusterTest {
  private static final int MODELS = 16;
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  @TempDir Path tmp;

  private final List<Process> cluster = new ArrayList<>();

  @Test
  void sixteenReferenceModelsOnALoopbackClusterGiveTheLocalNumbers() throws Exception {
    Path root = Path.of(System.getProperty("trustml.root")).toAbsolutePath().normalize();
    Path launcher = root.resolve("dist/target/trustml/bin/trustml");
    Path sparkLib = Path.of(System.getProperty("trustml.sparkLib"));
    assertTrue(
        Files.isExecutable(launcher) && Files.isDirectory(sparkLib),
        "build the release and the Spark add-on first (make test-cluster does)");
    Path sparkHome = sparkHome(sparkLib);
    int port = freePort();
    int webUi = freePort();
    startMaster(sparkHome, port, webUi);
    for (int w = 1; w <= 2; w++) {
      startWorker(sparkHome, port, freePort(), w);
    }
    awaitWorkers(webUi, 2);

    Path localJson = tmp.resolve("local.json");
    double localSeconds = audit(launcher, sparkLib, tmp.resolve("cache-local"), localJson);
    Path clusterCache = tmp.resolve("cache-cluster");
    Path clusterJson = tmp.resolve("cluster.json");
    double clusterSeconds =
        audit(
            launcher,
            sparkLib,
            clusterCache,
            clusterJson,
            "--executor",
            "spark",
            "--spark-master",
            "spark://127.0.0.1:" + port);

    JsonNode local = new ObjectMapper().readTree(localJson.toFile());
    JsonNode onCluster = new ObjectMapper().readTree(clusterJson.toFile());
    assertEquals(MODELS, local.get("reference_models").asInt());
    assertEquals(MODELS, onCluster.get("reference_models").asInt());
    assertEquals(local.get("attacks"), onCluster.get("attacks"), "same seed: same numbers");
    try (Stream<Path> s = Files.list(clusterCache)) {
      assertEquals(
          MODELS,
          s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).count(),
          "the models the cluster trained are in the driver's cache");
    }
    for (int w = 1; w <= 2; w++) {
      assertTrue(
          ranAnExecutor(tmp.resolve("worker-" + w)),
          "worker " + w + " ran no executor of the audit: " + log("worker-" + w));
    }
    System.out.printf(
        Locale.ROOT,
        "test-cluster: %d reference models of sentiment/nodp: local executor %.1f s, Spark"
            + " standalone cluster (master + 2 one-core workers on 127.0.0.1) %.1f s (wall, fresh"
            + " caches, CLI start included)%n",
        MODELS,
        localSeconds,
        clusterSeconds);
  }

  @AfterEach
  void stopCluster() throws InterruptedException {
    for (Process p : cluster) {
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : cluster) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
  }

  /** A directory Spark's scripts and workers accept as SPARK_HOME: RELEASE and jars/. */
  private Path sparkHome(Path sparkLib) throws IOException {
    Path home = tmp.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    Files.writeString(home.resolve("RELEASE"), "");
    try (Stream<Path> jars = Files.list(sparkLib)) {
      for (Path jar : jars.toList()) {
        // A plain Spark installation: trustml's jars come with the application.
        if (!jar.getFileName().toString().startsWith("trustml-")) {
          Files.createSymbolicLink(home.resolve("jars").resolve(jar.getFileName()), jar);
        }
      }
    }
    return home;
  }

  private void startMaster(Path sparkHome, int port, int webUi) throws Exception {
    Process master =
        start(
            sparkHome,
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--webui-port",
            Integer.toString(webUi));
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!listening(port)) {
      assertTrue(master.isAlive(), "the Spark master exited: " + log("master"));
      assertTrue(System.nanoTime() < deadline, "the Spark master did not start in time");
      Thread.sleep(250);
    }
  }

  private void startWorker(Path sparkHome, int masterPort, int webUi, int n) throws Exception {
    Path work = Files.createDirectories(tmp.resolve("worker-" + n));
    start(
        sparkHome,
        "worker-" + n,
        "org.apache.spark.deploy.worker.Worker",
        "--host",
        "127.0.0.1",
        "--cores",
        "1",
        "--memory",
        "2g",
        "--webui-port",
        Integer.toString(webUi),
        "--work-dir",
        work.toString(),
        "spark://127.0.0.1:" + masterPort);
  }

  private Process start(Path sparkHome, String name, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(SparkSettings.JAVA17_FLAGS.split(" ")));
    cmd.addAll(List.of("-Xmx512m", "-cp", sparkHome.resolve("jars") + "/*", mainClass));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(tmp.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_HOME", sparkHome.toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    cluster.add(p);
    return p;
  }

  /** Waits until the master's status page counts {@code n} live workers. */
  private void awaitWorkers(int webUi, int n) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest status =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webUi + "/json/")).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (true) {
      try {
        JsonNode s =
            new ObjectMapper()
                .readTree(http.send(status, HttpResponse.BodyHandlers.ofString()).body());
        if (s.path("aliveworkers").asInt() >= n) {
          return;
        }
      } catch (IOException e) {
        // Not serving yet.
      }
      assertTrue(
          System.nanoTime() < deadline,
          "the Spark workers did not register in time: " + log("worker-1"));
      Thread.sleep(500);
    }
  }

  /** Runs the audit through the release's launcher; returns its wall time in seconds. */
  private double audit(Path launcher, Path sparkLib, Path cache, Path json, String... extra)
      throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                launcher.toString(),
                "audit",
                "membership",
                "--model",
                SparkExecutorTest.samples().resolve("sentiment/nodp").toString(),
                "--shadow-models",
                Integer.toString(MODELS),
                "--seed",
                "0",
                "--quiet",
                "--cache-dir",
                cache.toString(),
                "--json",
                json.toString()));
    cmd.addAll(List.of(extra));
    Path log = tmp.resolve(json.getFileName() + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("TRUSTML_SPARK_LIB", sparkLib.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    long start = System.nanoTime();
    Process p = pb.start();
    boolean finished = p.waitFor(30, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "the audit did not finish in 30 minutes: " + output);
    assertEquals(0, p.exitValue(), output);
    return seconds;
  }

  /** A standalone worker keeps each executor's output in WORK_DIR/app-ID/EXECUTOR/stderr. */
  private static boolean ranAnExecutor(Path workDir) throws IOException {
    try (Stream<Path> s = Files.walk(workDir, 3)) {
      return s.anyMatch(
          p ->
              p.getFileName().toString().equals("stderr")
                  && p.getParent().getParent().getFileName().toString().startsWith("app-"));
    }
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name + ".log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
