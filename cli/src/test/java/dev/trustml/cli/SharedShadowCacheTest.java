package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audits in separate JVMs sharing one reference-model cache, as parallel CI jobs on one runner do:
 * started at once they all succeed with the same numbers, and a run killed with SIGKILL in the
 * middle of reference training leaves nothing that breaks the next run, which reuses what was
 * finished. Small on purpose: 300 + 300 rows of the sentiment sample, 4 reference models. The
 * four-at-once case is tagged {@code long} ({@code make test-long}).
 */
class SharedShadowCacheTest {
  private static final int ROWS = 300;
  private static final int MODELS = 4;

  @TempDir static Path data;

  private static Path members;
  private static Path nonMembers;

  /** The numbers of one audit alone on a fresh cache, the yardstick of every other run. */
  private static JsonNode alone;

  private static double aloneSeconds;

  @TempDir Path tmp;

  @BeforeAll
  static void writeAuditRows() throws IOException {
    // One CSV record per line in these files, so the first lines are the first rows.
    members = firstRows("sentiment/members.csv", "members.csv");
    nonMembers = firstRows("sentiment/nonmembers.csv", "non-members.csv");
  }

  private static Path firstRows(String source, String name) throws IOException {
    List<String> lines =
        Files.readAllLines(SampleModels.root().resolve(source), StandardCharsets.UTF_8);
    Path out = data.resolve(name);
    Files.write(out, lines.subList(0, ROWS + 1), StandardCharsets.UTF_8);
    return out;
  }

  /** {@code trustml audit membership} in its own JVM, its cache root from the environment. */
  private static Process start(Path cacheRoot, Path json, Path log, String... extra)
      throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.trustml.cli.Trustml",
                "audit",
                "membership",
                "--quiet",
                "--model",
                SampleModels.bundle("sentiment", "nodp").toString(),
                "--members",
                members.toString(),
                "--non-members",
                nonMembers.toString(),
                "--shadow-models",
                Integer.toString(MODELS),
                "--attack",
                "lira-online-fixed-var,lira-offline-fixed-var,rmia",
                "--fpr",
                "0.1,0.01",
                "--bootstrap",
                "50",
                "--seed",
                "3",
                "--json",
                json.toString()));
    cmd.addAll(List.of(extra));
    // The child inherits what Surefire sets for libtorch (DJL_CACHE_DIR, MALLOC_*).
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("TRUSTML_CACHE_DIR", cacheRoot.toString());
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  private static void assertExitsZero(Process p, Path log) throws Exception {
    boolean finished = p.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(finished, "did not finish in 10 minutes: " + output);
    assertEquals(0, p.exitValue(), output);
  }

  /** The attacks' numbers (AUC, TPR@FPR, intervals, bounds), without run-specific fields. */
  private static JsonNode numbers(Path json) throws IOException {
    return new ObjectMapper().readTree(json.toFile()).get("attacks");
  }

  /** Runs {@code n} audits at once on one fresh cache; returns the wall time of the batch. */
  private double concurrently(int n, Path cacheRoot, List<JsonNode> results) throws Exception {
    List<Process> processes = new ArrayList<>();
    List<Path> jsons = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      jsons.add(tmp.resolve("run-" + n + "-" + i + ".json"));
      logs.add(tmp.resolve("run-" + n + "-" + i + ".log"));
      processes.add(start(cacheRoot, jsons.get(i), logs.get(i)));
    }
    // While they run: the per-entry locks make one process train each model while the others
    // wait for it, so no key ever has two partial entries at once (a speed-up, not a correctness
    // condition: without locks both would train and the first to publish would win).
    Path shadows = cacheRoot.resolve("shadows");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (processes.stream().anyMatch(Process::isAlive) && System.nanoTime() < deadline) {
      List<String> keys = partials(shadows).stream().map(name -> name.substring(9, 73)).toList();
      assertEquals(
          keys.size(), keys.stream().distinct().count(), "two writers train one entry: " + keys);
      Thread.sleep(20);
    }
    for (int i = 0; i < n; i++) {
      assertExitsZero(processes.get(i), logs.get(i));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Path json : jsons) {
      results.add(numbers(json));
    }
    return seconds;
  }

  private synchronized JsonNode alone() throws Exception {
    if (alone == null) {
      List<JsonNode> one = new ArrayList<>();
      aloneSeconds = concurrently(1, tmp.resolve("alone"), one);
      alone = one.get(0);
    }
    return alone;
  }

  /** {@code n} audits started at once on one fresh cache: all exit 0 with the same numbers. */
  private void startedAtOnce(int n) throws Exception {
    JsonNode expected = alone();
    List<JsonNode> results = new ArrayList<>();
    Path root = tmp.resolve("at-once-" + n);
    double seconds = concurrently(n, root, results);
    assertEquals(n, results.size());
    for (JsonNode r : results) {
      assertEquals(expected, r, "same model, rows and seed: same numbers");
    }
    Map<String, String> entries = entries(root.resolve("shadows"));
    assertEquals(MODELS, entries.size(), "one entry per reference model: " + entries);
    assertEquals(List.of(), partials(root.resolve("shadows")));
    System.out.printf(
        Locale.ROOT,
        "shared shadow cache, %d reference models on %d+%d rows: one audit alone %.1f s,"
            + " %d at once %.1f s (wall, fresh cache each)%n",
        MODELS,
        ROWS,
        ROWS,
        aloneSeconds,
        n,
        seconds);
  }

  @Test
  void twoAuditsStartedAtOnceOnOneFreshCacheBothSucceedWithTheSameNumbers() throws Exception {
    startedAtOnce(2);
  }

  /** Tagged long ({@code make test-long}): four JVMs at once take a while on two cores. */
  @Test
  @Tag("long")
  void fourAuditsStartedAtOnceOnOneFreshCacheAllSucceedWithTheSameNumbers() throws Exception {
    startedAtOnce(4);
  }

  @Test
  void auditKilledDuringReferenceTrainingLeavesACacheTheNextRunReuses() throws Exception {
    JsonNode expected = alone();
    Path root = tmp.resolve("killed");
    Path shadows = root.resolve("shadows");
    Path log = tmp.resolve("killed.log");
    // One model at a time, so that the kill lands between finished and unfinished models.
    Process victim = start(root, tmp.resolve("killed.json"), log, "--threads", "1");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (entries(shadows).isEmpty() || partials(shadows).isEmpty()) {
      assertTrue(victim.isAlive(), "finished before the kill: " + Files.readString(log));
      assertTrue(System.nanoTime() < deadline, "no entry finished in 10 minutes");
      Thread.sleep(10);
    }
    victim.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
    victim.waitFor();
    Map<String, String> finished = entries(shadows);
    List<String> leftOver = partials(shadows);
    assertTrue(finished.size() < MODELS, "killed before the last model: " + finished);
    assertFalse(leftOver.isEmpty(), "the kill left a partial entry");
    assertFalse(Files.exists(tmp.resolve("killed.json")), "no report from a killed run");

    Path json = tmp.resolve("rerun.json");
    Path rerunLog = tmp.resolve("rerun.log");
    assertExitsZero(start(root, json, rerunLog), rerunLog);
    assertEquals(expected, numbers(json));
    Map<String, String> after = entries(shadows);
    assertEquals(MODELS, after.size());
    for (Map.Entry<String, String> e : finished.entrySet()) {
      assertEquals(
          e.getValue(),
          after.get(e.getKey()),
          "entry " + e.getKey() + " finished before the kill was reused, not trained again");
    }
    assertEquals(List.of(), partials(shadows), "the dead run's partial entry was removed");
    Cli.Result list = Cli.run("cache", "list", "--cache-dir", shadows.toString());
    assertTrue(list.out().contains(MODELS + " entries (" + MODELS + " verified)"), list.out());
  }

  /** Complete entries (those with a manifest) by key, with their manifest's text. */
  private static Map<String, String> entries(Path shadows) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(shadows)) {
      return out;
    }
    try (Stream<Path> s = Files.list(shadows)) {
      for (Path p : s.toList()) {
        Path manifest = p.resolve("trustml-cache.json");
        if (p.getFileName().toString().matches("[0-9a-f]{64}") && Files.isRegularFile(manifest)) {
          out.put(p.getFileName().toString(), Files.readString(manifest));
        }
      }
    }
    return out;
  }

  private static List<String> partials(Path shadows) throws IOException {
    if (!Files.isDirectory(shadows)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(shadows)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".partial-"))
          .sorted()
          .toList();
    }
  }
}
