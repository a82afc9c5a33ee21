package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.reports.gate.GatePolicy;
import dev.trustml.reports.gate.GateReport;
import dev.trustml.results.AuditResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format registry: names, gate needs, and each entry reaching its own renderer. */
class ReportFormatTest {
  @TempDir Path tmp;

  @Test
  void idsAreDistinctLowerCaseOptionNames() {
    Set<String> ids = new HashSet<>();
    for (ReportFormat f : ReportFormat.values()) {
      assertTrue(f.id().matches("[a-z][a-z0-9-]*"), f.id());
      assertTrue(ids.add(f.id()), "duplicate id " + f.id());
      assertTrue(!f.description().isBlank() && !f.description().endsWith("."), f.description());
    }
  }

  @Test
  void eachFormatIsRenderedByItsOwnRenderer() throws Exception {
    for (AuditResult r : List.of(Fixtures.membership(), Fixtures.canary())) {
      GateReport gate = GatePolicy.fromOptions(List.of("verdict==violated")).evaluate(r);
      assertEquals(ResultsJson.toJson(r), ReportFormat.JSON.render(r, gate));
      assertEquals(MarkdownRenderer.render(r, gate), ReportFormat.MARKDOWN.render(r, gate));
      assertEquals(
          dev.trustml.reports.html.HtmlRenderer.render(r, gate), ReportFormat.HTML.render(r, gate));
      assertEquals(JunitXmlRenderer.render(r, gate), ReportFormat.JUNIT.render(r, gate));
      assertEquals(CsvRenderer.render(r), ReportFormat.CSV.render(r, gate));
      // Every format renders without a gate too, except the one that reports only the gate.
      for (ReportFormat f : ReportFormat.values()) {
        if (!f.needsGate()) {
          assertTrue(!f.render(r, null).isEmpty(), f.id());
        }
      }
    }
  }

  @Test
  void onlyJunitNeedsAGateAndRefusesToRenderWithoutOne() {
    assertEquals(
        List.of(ReportFormat.JUNIT),
        Stream.of(ReportFormat.values()).filter(f -> f.needsGate()).toList());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ReportFormat.JUNIT.render(Fixtures.membership(), null));
    assertTrue(e.getMessage().contains("gate"), e.getMessage());
  }

  @Test
  void writeReplacesTheFileWithTheRenderedText() throws Exception {
    Path out = tmp.resolve("summary.md");
    Files.writeString(out, "old");
    ReportFormat.MARKDOWN.write(out, Fixtures.canary(), null);
    assertEquals(
        MarkdownRenderer.render(Fixtures.canary(), null),
        Files.readString(out, StandardCharsets.UTF_8));
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "temporary file left behind");
    }
  }
}
