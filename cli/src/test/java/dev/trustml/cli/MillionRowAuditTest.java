package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale: a membership audit of 1,000,000 rows (500,000 members, 500,000 non-members) through the
 * CLI, in its own JVM with a 512 MB heap, with the threshold attacks, bootstrap intervals, the JSON
 * report and the per-row scores CSV. Tagged {@code long}: {@code make test-long} runs it, {@code
 * make test} does not (about half a minute of a 2-core machine plus writing 75 MB of CSV).
 *
 * <p>Prints the wall time and the heap use read from the child's GC log.
 */
@Tag("long")
class MillionRowAuditTest {
  private static final int ROWS_PER_FILE = 500_000;
  private static final String HEAP = "512m";

  @TempDir Path tmp;

  /**
   * Short texts (8 to 14 words) from the sample model's vocabulary, random labels. With 400 words,
   * some member row and some non-member row share text and label with probability below 1e-11
   * (2.5e11 pairs, 400^-8 for the shortest texts), so the files do not overlap (the audit refuses
   * rows that are in both).
   */
  private static void writeCsv(Path file, List<String> words, long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder text = new StringBuilder();
    Stream<LabeledText> rows =
        Stream.generate(
                () -> {
                  text.setLength(0);
                  for (int j = r.nextInt(8, 15); j > 0; j--) {
                    text.append(words.get(r.nextInt(words.size()))).append(j == 1 ? "" : " ");
                  }
                  return new LabeledText(
                      text.toString(), r.nextBoolean() ? "positive" : "negative");
                })
            .limit(ROWS_PER_FILE);
    LabeledCsvWriter.write(file, rows::iterator);
  }

  @Test
  void millionRowAuditRunsIn512MegabytesOfHeap() throws Exception {
    Path bundle = SampleModels.bundle("sentiment", "nodp");
    List<String> vocab = Files.readAllLines(bundle.resolve("vocab.txt"), StandardCharsets.UTF_8);
    List<String> words = new ArrayList<>(vocab.subList(2, 402)); // after [PAD] and [UNK]
    Path members = tmp.resolve("members.csv");
    Path nonMembers = tmp.resolve("non-members.csv");
    writeCsv(members, words, 1);
    writeCsv(nonMembers, words, 2);

    Path json = tmp.resolve("membership.json");
    Path scores = tmp.resolve("scores.csv");
    Path gcLog = tmp.resolve("gc.log");
    Path output = tmp.resolve("output.txt");
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + HEAP,
            "-Xlog:gc:file=" + gcLog,
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
            bundle.toString(),
            "--members",
            members.toString(),
            "--non-members",
            nonMembers.toString(),
            "--attack",
            "loss,confidence,entropy,mentr",
            "--bootstrap",
            "200",
            "--json",
            json.toString(),
            "--scores-csv",
            scores.toString());
    // The child inherits the environment Surefire sets for libtorch (DJL_CACHE_DIR, MALLOC_*).
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(output.toFile());
    long start = System.nanoTime();
    Process p = pb.start();
    boolean finished = p.waitFor(20, TimeUnit.MINUTES);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (!finished) {
      p.destroyForcibly();
    }
    String log = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(finished, "the audit did not finish in 20 minutes");
    assertFalse(log.contains("OutOfMemoryError"), log);
    assertEquals(0, p.exitValue(), log);

    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(ROWS_PER_FILE, root.get("members").asLong());
    assertEquals(ROWS_PER_FILE, root.get("non_members").asLong());
    assertEquals(4, root.get("attacks").size());
    long lines;
    try (BufferedReader r = Files.newBufferedReader(scores, StandardCharsets.UTF_8)) {
      lines = r.lines().count();
    }
    assertEquals(2L * ROWS_PER_FILE + 1, lines, "one scores row per audit row, plus the header");

    long[] heap = heapFromGcLog(Files.readAllLines(gcLog, StandardCharsets.UTF_8));
    System.out.printf(
        Locale.ROOT,
        "1,000,000-row membership audit (4 threshold attacks, 200 bootstrap resamples, JSON +"
            + " scores CSV) with -Xmx%s: wall %.1f s; heap before GC at most %d MB, live after GC"
            + " at most %d MB (%d collections)%n",
        HEAP,
        seconds,
        heap[0],
        heap[1],
        heap[2]);
  }

  /** Largest heap occupancy before and after a collection, and the number of collections. */
  private static long[] heapFromGcLog(List<String> lines) {
    Pattern usage = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");
    long before = 0;
    long after = 0;
    long collections = 0;
    for (String line : lines) {
      Matcher m = usage.matcher(line);
      if (m.find()) {
        before = Math.max(before, Long.parseLong(m.group(1)));
        after = Math.max(after, Long.parseLong(m.group(2)));
        collections++;
      }
    }
    return new long[] {before, after, collections};
  }
}
