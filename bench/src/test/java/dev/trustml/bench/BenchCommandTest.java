package dev.trustml.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What {@code make bench} relies on: the start times it measures become figures with their ratios,
 * and the file has the shape the committed {@code bench/results.json} has.
 */
class BenchCommandTest {
  @TempDir Path tmp;

  private Map<String, JsonNode> run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cl = BenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute(args);
    assertEquals(0, exit, out.toString());
    JsonNode root = new ObjectMapper().readTree(tmp.resolve("results.json").toFile());
    assertEquals(3, root.get("machine").size(), "cores, jdk and os: " + root.get("machine"));
    assertTrue(root.get("measured_at").asText().endsWith("Z"), root.toString());
    Map<String, JsonNode> figures = new LinkedHashMap<>();
    for (JsonNode f : root.get("figures")) {
      assertTrue(f.get("value").isNumber() && f.get("unit").isTextual(), f.toString());
      figures.put(f.get("name").asText(), f);
    }
    assertTrue(out.toString().contains("wrote " + tmp.resolve("results.json")), out.toString());
    return figures;
  }

  @Test
  void startTimesBecomeFiguresWithTheirRatios() throws Exception {
    Map<String, JsonNode> figures =
        run(
            "--only",
            "start",
            "--out",
            tmp.resolve("results.json").toString(),
            "--cli-help-seconds",
            "0.8",
            "--help-seconds",
            "0.25",
            "--help-seconds-without-cds",
            "1.0",
            "--audit-seconds",
            "2",
            "--audit-seconds-without-cds",
            "3");
    assertEquals(
        0.8,
        figures.get("CLI start: ./trustml --help (repository launcher)").get("value").asDouble());
    assertEquals(
        4.0,
        figures.get("start: --help without / with the CDS archive").get("value").asDouble(),
        1e-12);
    assertEquals(
        1.5,
        figures.get("start: small audit without / with the CDS archive").get("value").asDouble(),
        1e-12);
    assertEquals(7, figures.size(), figures.keySet().toString());
  }

  @Test
  void firstBatchLatencyLoadsTheSampleModel() throws Exception {
    Map<String, JsonNode> figures =
        run(
            "--only",
            "latency",
            "--samples",
            Path.of("..", "sample-models").toString(),
            "--out",
            tmp.resolve("results.json").toString());
    JsonNode latency = figures.get("first batch latency (engine + load + 1 batch, cold JVM)");
    assertEquals(
        List.of("first batch latency (engine + load + 1 batch, cold JVM)"),
        List.copyOf(figures.keySet()));
    assertTrue(latency.get("value").asDouble() > 0, latency.toString());
    assertEquals("s", latency.get("unit").asText());
  }
}
