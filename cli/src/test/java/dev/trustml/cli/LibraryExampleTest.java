package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.audit.MembershipAnalysis;
import dev.trustml.audit.MembershipAnalysisSettings;
import dev.trustml.audit.MembershipAuditData;
import dev.trustml.audit.MembershipAuditOutcome;
import dev.trustml.audit.outputs.PrecomputedOutputs;
import dev.trustml.progress.Progress;
import dev.trustml.reports.ReportFormat;
import dev.trustml.results.AttackResult;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Verdict;
import dev.trustml.stats.Normal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Use trustml as a Java library" example compiles and runs: it is the code between
 * the markers below, and the README quotes it verbatim (checked here).
 */
class LibraryExampleTest {
  private static final String START = "// README:library-example:start";
  private static final String END = "// README:library-example:end";

  @TempDir Path tmp;

  /** The README's example. */
  static MembershipResult example(Path outputs, Path json, Path markdown) throws Exception {
    // README:library-example:start
    // Collect: the audited model's outputs on its audit rows. Here a precomputed-outputs CSV; for
    // a bundle, MembershipCollector.collect(Classifiers.open(bundle, false), request, progress).
    MembershipAuditData data = PrecomputedOutputs.collect(outputs, List.of(), Progress.NONE);

    // Analyse: attacks, metrics, epsilon bounds, verdict. Pure: no files, no model.
    MembershipAuditOutcome outcome =
        MembershipAnalysis.analyse(data, MembershipAnalysisSettings.defaults(42), Progress.NONE);
    MembershipResult result = outcome.result();

    // Render: the reports the command line writes.
    ReportFormat.JSON.write(json, result, null);
    ReportFormat.MARKDOWN.write(markdown, result, null); // null: no gate checks
    for (AttackResult attack : result.attacks()) {
      System.out.printf("%s: AUC %.3f%n", attack.name(), attack.auc());
    }
    // README:library-example:end
    return result;
  }

  @Test
  void theExampleAuditsOutputsAndWritesReports() throws Exception {
    Path outputs = tmp.resolve("target.csv");
    writeOutputs(outputs);
    Path json = tmp.resolve("membership.json");
    Path markdown = tmp.resolve("membership.md");
    MembershipResult result = example(outputs, json, markdown);
    assertEquals(Verdict.NO_CLAIM, result.verdict());
    assertEquals(1200, result.members());
    double lossAuc = result.attacks().get(0).auc();
    assertEquals("loss", result.attacks().get(0).name());
    // Members' true-class margins are N(3, 1), non-members' N(2, 1): AUC = Phi(1/sqrt 2) = 0.760.
    assertEquals(0.760, lossAuc, 0.03);
    assertEquals(
        "membership", new ObjectMapper().readTree(json.toFile()).get("kind").asText(), "JSON");
    assertTrue(Files.readString(markdown).contains("loss"), "Markdown");
  }

  @Test
  void theReadmeQuotesTheExampleVerbatim() throws Exception {
    List<String> source =
        Files.readAllLines(Path.of("src/test/java/dev/trustml/cli/LibraryExampleTest.java"));
    int from = indexOf(source, START) + 1;
    int to = indexOf(source, END);
    List<String> snippet = new ArrayList<>();
    for (String line : source.subList(from, to)) {
      snippet.add(line.length() >= 4 ? line.substring(4) : line.strip());
    }
    String readme = Files.readString(SampleModels.root().getParent().resolve("README.md"));
    String block = "```java\n" + String.join("\n", snippet) + "\n```";
    assertTrue(readme.contains(block), "README.md must quote the example verbatim:\n" + block);
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) {
        return i;
      }
    }
    throw new AssertionError(marker + " not found");
  }

  /**
   * 2,400 rows of a two-class model whose true-class margin is N(3, 1) on members and N(2, 1) on
   * non-members (seeded).
   */
  private static void writeOutputs(Path file) throws Exception {
    SplittableRandom random = new SplittableRandom(7);
    StringBuilder csv = new StringBuilder("id,label,member,logit:no,logit:yes\n");
    for (int i = 0; i < 2400; i++) {
      boolean member = i % 2 == 0;
      boolean yes = (i / 2) % 2 == 0;
      double margin = (member ? 3 : 2) + Normal.ppf(random.nextDouble(1e-12, 1 - 1e-12));
      float own = (float) (margin / 2);
      float other = (float) (-margin / 2);
      csv.append(
          String.format(
              Locale.ROOT,
              "row-%d,%s,%d,%s,%s\n",
              i,
              yes ? "yes" : "no",
              member ? 1 : 0,
              Float.toString(yes ? other : own),
              Float.toString(yes ? own : other)));
    }
    Files.writeString(file, csv.toString());
  }
}
