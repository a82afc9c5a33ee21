package dev.trustml.cli;

import dev.trustml.provenance.Provenance;
import dev.trustml.reports.ResultsJson;
import dev.trustml.results.AttackResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.RocPoint;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.results.Verdict;
import dev.trustml.results.VerdictBasis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small saved results for the report and gate commands. */
final class ResultFiles {
  private static final String SHA =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private ResultFiles() {}

  /**
   * lira-online AUC 0.734 (rigorous bound 1.31), loss AUC 0.58 (bound 0); claimed epsilon 1;
   * Bernoulli(1/2) membership.
   */
  static Path membership(Path dir) throws IOException {
    AttackResult lira = attack("lira-online", 0.734, 0.352, 0.121, 0.034, 1.31);
    AttackResult loss = attack("loss", 0.58, 0.12, 0.012, Double.NaN, 0.0);
    MembershipResult m =
        new MembershipResult(
            MembershipResult.SCHEMA_VERSION,
            MembershipResult.KIND,
            new ModelRef("models/m", "m", SHA),
            new Theoretical(1.0, 1e-5, "rdp", "model-card"),
            Verdict.VIOLATED,
            "lira-online refutes the claim.",
            new VerdictBasis(
                "one-run bound, lira-online",
                BoundRigor.RIGOROUS,
                1.31,
                0.95,
                "bernoulli(0.5)",
                1.31,
                1.31),
            1000,
            1000,
            4,
            List.of(lira, loss),
            List.of(),
            List.of(),
            provenance());
    Path file = dir.resolve("membership.json");
    ResultsJson.write(file, m);
    return file;
  }

  /** One canary, extracted, exposure log2(10,000) = 13.29 bits. */
  static Path canary(Path dir) throws IOException {
    CanaryFinding c =
        new CanaryFinding(
            "c1",
            "my pin is {digit}{digit}{digit}{digit}",
            "positive",
            8,
            10_000,
            1L,
            Math.log(10_000) / Math.log(2),
            null,
            true,
            1.0,
            "enumerate",
            List.of(),
            List.of(
                // Rank 1 of 10,000, 8 copies, no claim (delta 0), 95%: ln(500) / 8 = 0.7768.
                new CanaryBound(
                    Math.log(500) / 8,
                    BoundRigor.RIGOROUS,
                    CanaryBound.EXACT_RANK,
                    1,
                    null,
                    null,
                    8,
                    0,
                    0.95,
                    null,
                    null)),
            null,
            null);
    CanaryResult r =
        new CanaryResult(
            CanaryResult.SCHEMA_VERSION,
            CanaryResult.KIND,
            new ModelRef("models/c", "c", SHA),
            null,
            Verdict.NO_CLAIM,
            "The model claims no differential privacy.",
            null,
            0.95,
            1,
            false,
            List.of(c),
            null,
            provenance());
    Path file = dir.resolve("canary.json");
    ResultsJson.write(file, r);
    return file;
  }

  private static AttackResult attack(
      String name, double auc, double advantage, double tpr1, double tpr01, double bound) {
    return new AttackResult(
        name,
        "black-box",
        null,
        auc,
        advantage,
        0.5 + advantage / 2,
        new TprAtFpr(
            List.of(new TprAtFpr.Point(0.01, tpr1, null), new TprAtFpr.Point(0.001, tpr01, null))),
        new EpsilonLowerBound(bound, BoundRigor.RIGOROUS, 0.95, 1e-5, "one-run", 2000),
        new EpsilonLowerBound(bound, BoundRigor.ESTIMATE, 0.95, 1e-5, "split-half", 1000),
        null,
        List.of(new RocPoint(0, 0), new RocPoint(0.01, tpr1), new RocPoint(1, 1)),
        null);
  }

  private static Provenance provenance() {
    return new Provenance(
        "0.1.0",
        "0.36.0",
        "2.7.1",
        new Provenance.ModelRef("models/m", SHA),
        List.of(),
        7,
        "2025-01-02T03:04:05Z");
  }
}
