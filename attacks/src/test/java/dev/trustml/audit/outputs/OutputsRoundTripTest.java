package dev.trustml.audit.outputs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.audit.MembershipAnalysis;
import dev.trustml.audit.MembershipAnalysisSettings;
import dev.trustml.audit.MembershipAuditData;
import dev.trustml.audit.OneRunOption;
import dev.trustml.membership.RmiaParameters;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.outputs.RowMatcher;
import dev.trustml.progress.Progress;
import dev.trustml.results.MembershipResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs files read, exported and read again describe the same audit: the same rows, repeats,
 * population and reference models, so the same numbers. The second export names rows by id (the
 * texts are not kept when reading), which must tell repeated rows apart exactly as texts do.
 */
class OutputsRoundTripTest {
  @TempDir Path tmp;

  private static final MembershipAnalysisSettings SETTINGS =
      new MembershipAnalysisSettings(
          List.of(),
          EvaluationSettings.defaults().withFprs(0.1).withBootstrapResamples(20).withSeed(3),
          null,
          RmiaParameters.defaults(),
          3,
          OneRunOption.fixed(20));

  @Test
  void exportedOutputsReadBackToTheSameAudit() throws Exception {
    Path target = tmp.resolve("target.csv");
    Path refs = Files.createDirectory(tmp.resolve("refs"));
    write(target, refs, 400, 2);
    MembershipAuditData first = PrecomputedOutputs.collect(target, List.of(refs), Progress.NONE);
    assertEquals(2, first.references().size());
    assertTrue(first.hasPopulation());
    assertFalse(first.rows().hasTexts(), "reading keeps no texts");

    Path export = tmp.resolve("export");
    OutputsExport.write(first, export);
    assertTrue(Files.readString(export.resolve("target.csv")).startsWith("id,label,member,"));
    MembershipAuditData second =
        PrecomputedOutputs.collect(
            export.resolve("target.csv"), List.of(export.resolve("references")), Progress.NONE);

    assertArrayEquals(first.rows().isMember(), second.rows().isMember());
    assertArrayEquals(first.rows().labels(), second.rows().labels());
    MembershipResult a = MembershipAnalysis.analyse(first, SETTINGS, Progress.NONE).result();
    MembershipResult b = MembershipAnalysis.analyse(second, SETTINGS, Progress.NONE).result();
    assertEquals(a.attacks(), b.attacks());
    assertEquals(a.slices(), b.slices());
    // The repeated rows (every 50th row twice) are left out of the one-run bound in both.
    int excluded = a.attacks().get(0).epsilonLowerBound().oneRun().excludedRows();
    assertEquals(16, excluded);
    assertEquals(excluded, b.attacks().get(0).epsilonLowerBound().oneRun().excludedRows());
  }

  @Test
  void repeatsAreMatchedInOrderAndEveryPositionOnce() {
    RowMatcher m = new RowMatcher(new long[] {7, 3, 7, 9, 7});
    assertEquals(0, m.next(7));
    assertEquals(3, m.next(9));
    assertEquals(2, m.next(7));
    assertEquals(-1, m.next(9), "9 occurs once");
    assertEquals(-1, m.next(4), "4 does not occur");
    assertEquals(1, m.firstUnmatched());
    assertEquals(1, m.next(3));
    assertEquals(4, m.firstUnmatched());
    assertEquals(4, m.next(7));
    assertEquals(-1, m.firstUnmatched());
  }

  /**
   * {@code n} audit rows (every 50th repeated once, texts with commas and quotes), 40 population
   * rows, and {@code refs} reference files listing the rows in reverse order, IN for half of the
   * rows each.
   */
  private static void write(Path target, Path refDir, int n, int refs) throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    StringBuilder t = new StringBuilder("text,label,member,population,logit:a,logit:b\n");
    StringBuilder[] r = new StringBuilder[refs];
    for (int j = 0; j < refs; j++) {
      r[j] = new StringBuilder("text,label,member,logit:a,logit:b\n");
    }
    List<String> lines = new java.util.ArrayList<>();
    List<String[]> refLines = new java.util.ArrayList<>();
    for (int i = 0; i < n + n / 50 + 40; i++) {
      boolean population = i >= n + n / 50;
      int source = i < n ? i : population ? i : (i - n) * 50;
      boolean member = !population && source % 2 == 0;
      String text = "\"row " + source + ", \"\"quoted\"\"\"";
      String label = source % 3 == 0 ? "a" : "b";
      float margin = (float) ((member ? 1.0 : 0.0) + random.nextDouble(-2, 2));
      lines.add(
          String.format(
              Locale.ROOT,
              "%s,%s,%d,%d,%s,%s",
              text,
              label,
              member ? 1 : 0,
              population ? 1 : 0,
              Float.toString(label.equals("a") ? margin : -margin),
              Float.toString(label.equals("a") ? -margin : margin)));
      String[] perRef = new String[refs];
      for (int j = 0; j < refs; j++) {
        // Complementary pairs, so every row is OUT for some reference (RMIA needs one).
        boolean in = ((source * 7) % 4 < 2) == (j % 2 == 0);
        float m = (float) ((in ? 1.0 : 0.0) + random.nextDouble(-2, 2));
        perRef[j] =
            String.format(
                Locale.ROOT,
                "%s,%s,%d,%s,%s",
                text,
                label,
                in ? 1 : 0,
                Float.toString(label.equals("a") ? m : -m),
                Float.toString(label.equals("a") ? -m : m));
      }
      refLines.add(perRef);
    }
    lines.forEach(l -> t.append(l).append('\n'));
    for (int i = refLines.size() - 1; i >= 0; i--) {
      for (int j = 0; j < refs; j++) {
        r[j].append(refLines.get(i)[j]).append('\n');
      }
    }
    Files.writeString(target, t.toString());
    for (int j = 0; j < refs; j++) {
      Files.writeString(refDir.resolve(OutputsExport.referenceFile(j)), r[j].toString());
    }
  }
}
