package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the HTML report of a sample model's audit and opens it in headless Chromium: no console
 * errors, and the ROC curves are drawn. On a developer machine without Chromium the test is skipped
 * with the reason; under CI (CI=true) a missing browser is a failure, since .ci/run installs it.
 */
class HtmlReportBrowserTest {
  @TempDir Path tmp;

  static Path chromium() {
    for (String c : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
      if (Files.isExecutable(Path.of(c))) {
        return Path.of(c);
      }
    }
    return null;
  }

  @Test
  void reportOpensInHeadlessChromiumWithRocDrawn() throws Exception {
    Path browser = chromium();
    if (browser == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("Chromium is missing under CI; .ci/run should install it (apt)");
    }
    assumeTrue(
        browser != null,
        "Chromium not installed: apt-get install chromium (CI installs it through .ci/run)");
    Path html = tmp.resolve("report.html");
    Cli.Result r =
        Cli.run(
            "audit",
            "membership",
            "--quiet",
            "--bootstrap",
            "50",
            "--model",
            SampleModels.bundle("sentiment", "eps8").toString(),
            "--html",
            html.toString());
    assertEquals(0, r.exit(), r.err());

    List<String> cmd =
        new ArrayList<>(
            List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--user-data-dir=" + tmp.resolve("profile"),
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                html.toUri().toString()));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(tmp.resolve("dom.html").toFile())
            .redirectError(tmp.resolve("stderr.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Chromium did not finish in 120 s");
    String dom = Files.readString(tmp.resolve("dom.html"), StandardCharsets.UTF_8);
    String log = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
    assertTrue(dom.contains("class=\"roc"), "the ROC <svg> is in the rendered DOM");
    assertTrue(
        dom.contains("<polyline") || dom.contains("<path"), "the ROC curves are drawn as shapes");
    assertFalse(
        log.lines().anyMatch(l -> l.contains(":CONSOLE(") || l.contains("Uncaught")),
        "no console errors:\n" + log);
  }
}
