package dev.trustml.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.cli.Trustml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Spark executor in Spark's local mode, through the command line: the same audit gives the same
 * JSON numbers on Spark as on the local executor (fresh caches both), Spark's event log shows one
 * successful task per reference model, the models Spark trained land in the cache and serve a later
 * audit, and a failing train command is reported with its log. Tiny on purpose: 2 reference models
 * on 80 + 80 rows of the sentiment sample.
 */
class SparkExecutorTest {
  private static final int ROWS = 80;

  @TempDir static Path data;

  private static Path members;
  private static Path nonMembers;

  @TempDir Path tmp;

  @BeforeAll
  static void writeAuditRows() throws IOException {
    // One CSV record per line in these files, so the first lines are the first rows.
    members = firstRows("sentiment/members.csv", "members.csv");
    nonMembers = firstRows("sentiment/nonmembers.csv", "non-members.csv");
  }

  @Test
  void sparkLocalModeGivesTheLocalExecutorsNumbersAndFillsTheCache() throws Exception {
    Path localJson = tmp.resolve("local.json");
    Result local = audit(tmp.resolve("local-cache"), localJson);
    assertEquals(0, local.exit(), local.err());

    Path sparkCache = tmp.resolve("spark-cache");
    Path sparkJson = tmp.resolve("spark.json");
    Path events = Files.createDirectories(tmp.resolve("spark-events"));
    Result spark =
        audit(
            sparkCache,
            sparkJson,
            "--executor",
            "spark",
            "--spark-master",
            "local[2]",
            "--spark-conf",
            "spark.eventLog.enabled=true",
            "--spark-conf",
            "spark.eventLog.compress=false",
            "--spark-conf",
            "spark.eventLog.dir=" + events.toUri());
    assertEquals(0, spark.exit(), spark.err());
    assertEquals(numbers(localJson), numbers(sparkJson), "same rows, seed and recipe");
    assertEquals(2, entries(sparkCache).size(), "the models Spark trained are in the cache");
    assertEquals(2, succeededTasks(events), "one Spark task per reference model ran");

    // Again on the local executor, from the models Spark put in the cache.
    Path againJson = tmp.resolve("again.json");
    Result again = audit(sparkCache, againJson);
    assertEquals(0, again.exit(), again.err());
    assertEquals(numbers(localJson), numbers(againJson));
    assertEquals(2, entries(sparkCache).size());
  }

  @Test
  void aFailingTrainCommandOnSparkIsReportedWithItsLogOnTheDriver() throws Exception {
    Path cache = tmp.resolve("cache");
    Result r =
        audit(
            cache,
            tmp.resolve("x.json"),
            "--executor",
            "spark",
            "--spark-master",
            "local[1]",
            "--train-command",
            "echo 'no GPU here' >&2; exit 5 # {train_csv} {out_dir}");
    assertEquals(3, r.exit(), r.err());
    List<String> lines = r.err().lines().filter(l -> l.contains("exited with status 5")).toList();
    assertEquals(2, lines.size(), r.err());
    for (String line : lines) {
      Path log = Path.of(line.substring(line.indexOf("see its log ") + 12).strip());
      assertTrue(log.startsWith(cache), "the log is on the driver, in the cache: " + line);
      assertTrue(Files.readString(log).contains("no GPU here"), line);
    }
  }

  private record Result(int exit, String out, String err) {}

  private static Result audit(Path cache, Path json, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "membership",
                "--model",
                samples().resolve("sentiment/nodp").toString(),
                "--members",
                members.toString(),
                "--non-members",
                nonMembers.toString(),
                "--shadow-models",
                "2",
                "--attack",
                "lira-online-fixed-var,lira-offline-fixed-var,rmia",
                "--fpr",
                "0.1",
                "--bootstrap",
                "20",
                "--seed",
                "5",
                "--cache-dir",
                cache.toString(),
                "--json",
                json.toString()));
    args.addAll(List.of(extra));
    String[] a = args.toArray(new String[0]);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Trustml.commandLineFor(a);
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(a);
    return new Result(exit, out.toString(), err.toString());
  }

  private static JsonNode numbers(Path json) throws IOException {
    return new ObjectMapper().readTree(json.toFile()).get("attacks");
  }

  /**
   * Tasks that ended in success, from Spark's event log: JSON events, one a line, in the log's
   * files (Spark 4 writes a rolling log: a directory of event files).
   */
  private static long succeededTasks(Path eventLogDir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(eventLogDir)) {
      // Hadoop's file system writes a hidden .NAME.crc beside each file.
      files =
          s.filter(Files::isRegularFile)
              .filter(f -> !f.getFileName().toString().startsWith("."))
              .toList();
    }
    assertTrue(!files.isEmpty(), "Spark wrote no event log");
    ObjectMapper json = new ObjectMapper();
    long n = 0;
    for (Path f : files) {
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        JsonNode e = json.readTree(line);
        if (e != null
            && e.path("Event").asText().equals("SparkListenerTaskEnd")
            && e.path("Task End Reason").path("Reason").asText().equals("Success")) {
          n++;
        }
      }
    }
    return n;
  }

  private static List<Path> entries(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.getFileName().toString().matches("[0-9a-f]{64}")).toList();
    }
  }

  private static Path firstRows(String source, String name) throws IOException {
    List<String> lines = Files.readAllLines(samples().resolve(source), StandardCharsets.UTF_8);
    Path out = data.resolve(name);
    Files.write(out, lines.subList(0, ROWS + 1), StandardCharsets.UTF_8);
    return out;
  }

  static Path samples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-models/sentiment/nodp"))) {
        return p.resolve("sample-models");
      }
    }
    throw new IllegalStateException("sample-models/ not found above " + Path.of(""));
  }
}
