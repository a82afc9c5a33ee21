package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML reports pass axe-core's automated accessibility check (WCAG 2.0/2.1/2.2, levels A and
 * AA) in headless Chromium with zero violations, at a desktop and at a phone width. axe-core is
 * vendored under src/test/resources/axe-core (see SOURCE.md there; scripts/fetch-axe-core.sh). The
 * check runs on a copy of each report with axe's script added; the reports themselves have no
 * scripts. Chromium is found and required as in {@link HtmlReportBrowserTest}.
 */
class AccessibilityTest {
  private static final Pattern RESULT = Pattern.compile("<pre id=\"axe-result\">(.*?)</pre>");

  @TempDir static Path tmp;

  static Path browser;

  @BeforeAll
  static void findChromium() throws IOException {
    browser = HtmlReportBrowserTest.chromium();
    if (browser == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Chromium is missing under CI; .ci/run should install it (apt)");
    }
    for (String f : List.of("axe-core/axe.min.js", "accessibility/run-axe.js")) {
      try (InputStream in = AccessibilityTest.class.getResourceAsStream("/" + f)) {
        assertNotNull(in, f + " is on the test classpath");
        Files.copy(in, tmp.resolve(Path.of(f).getFileName()));
      }
    }
  }

  @Test
  void membershipReportHasNoViolations() throws Exception {
    assumeTrue(browser != null, "Chromium not installed: apt-get install chromium");
    Path html = tmp.resolve("membership.html");
    Cli.Result r =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--bootstrap",
            "50",
            "--model",
            SampleModels.bundle("sentiment", "eps8").toString(),
            "--fail-if",
            "auc>0.99",
            "--html",
            html.toString());
    assertEquals(0, r.exit(), r.err());
    assertNoViolations(html);
  }

  @Test
  void canaryReportHasNoViolations() throws Exception {
    assumeTrue(browser != null, "Chromium not installed: apt-get install chromium");
    Path html = tmp.resolve("canary.html");
    Cli.Result r =
        Cli.run(
            "audit",
            "canary",
            "--quiet",
            "--method",
            "enumerate",
            "--model",
            SampleModels.bundle("sentiment", "nodp").toString(),
            "--html",
            html.toString());
    assertEquals(0, r.exit(), r.err());
    assertNoViolations(html);
  }

  private static void assertNoViolations(Path report) throws Exception {
    String name = report.getFileName().toString().replace(".html", "");
    Path page = tmp.resolve(name + "-axe.html");
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertTrue(html.contains("</body>"));
    Files.writeString(
        page,
        html.replace(
            "</body>",
            "<script src=\"axe.min.js\"></script><script src=\"run-axe.js\"></script></body>"),
        StandardCharsets.UTF_8);
    for (String size : List.of("1200,900", "390,844")) {
      JsonNode outcome = axe(page, size);
      assertTrue(outcome.path("error").isMissingNode(), outcome.toString());
      // axe ran its rules: dozens apply to a report (contrast, headings, tables, language, ...).
      assertTrue(outcome.get("passes").size() >= 10, outcome.toString());
      List<String> violations = new ArrayList<>();
      for (JsonNode v : outcome.get("violations")) {
        violations.add(
            v.get("id").asText() + " (" + v.get("help").asText() + "): " + v.get("nodes"));
      }
      assertEquals(
          List.of(),
          violations,
          name + " report at " + size + ", axe-core " + outcome.get("version").asText());
    }
  }

  private static JsonNode axe(Path page, String windowSize) throws Exception {
    Path dom = tmp.resolve("dom.html");
    Process p =
        new ProcessBuilder(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--window-size=" + windowSize,
                // Virtual time lets axe's asynchronous run finish before the DOM is dumped.
                "--virtual-time-budget=60000",
                "--dump-dom",
                page.toUri().toString())
            .redirectOutput(dom.toFile())
            .redirectError(tmp.resolve("chromium-stderr.txt").toFile())
            .start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "Chromium did not finish in 180 s");
    String text = Files.readString(dom, StandardCharsets.UTF_8);
    Matcher m = RESULT.matcher(text);
    assertTrue(
        m.find(),
        "axe wrote no result; Chromium said: "
            + Files.readString(tmp.resolve("chromium-stderr.txt"), StandardCharsets.UTF_8));
    String json = m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    return new ObjectMapper().readTree(json);
  }
}
