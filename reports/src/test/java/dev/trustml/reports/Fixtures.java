package dev.trustml.reports;

import dev.trustml.provenance.Provenance;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.OneRunBound;
import dev.trustml.results.RocPoint;
import dev.trustml.results.ScoreHistogram;
import dev.trustml.results.SliceResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.results.Verdict;
import dev.trustml.results.VerdictBasis;
import dev.trustml.stats.Interval;
import dev.trustml.stats.OneRunAudit;
import dev.trustml.stats.SampledRank;
import dev.trustml.stats.SecretRankBound;
import java.util.List;

/**
 * Hand-made results with fixed provenance: the inputs of the golden-file tests. The numbers are
 * invented but consistent (TPR at FPR x is on the ROC curve; the verdict follows from the bounds).
 */
public final class Fixtures {
  /** SHA-256 of the empty string, a well-known valid digest. */
  public static final String SHA_MODEL =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** SHA-256 of "abc" (FIPS 180-2 test vector). */
  public static final String SHA_DATA =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  private Fixtures() {}

  public static MembershipResult membership() {
    return membership("sentiment-dp", new Theoretical(1.0, 1e-5, "rdp", "model-card"));
  }

  /** The membership fixture with another model name and claim (verdict recomputed). */
  public static MembershipResult membership(String modelName, Theoretical claim) {
    AttackResult lira =
        new AttackResult(
            "lira-online",
            "black-box scores, 16 reference models",
            "Carlini et al. 2022, Membership Inference Attacks From First Principles",
            0.734,
            0.352,
            0.676,
            tpr(0.45, 0.121, 0.034),
            new EpsilonLowerBound(
                1.31,
                BoundRigor.RIGOROUS,
                0.95,
                1e-5,
                "one-run, guesses chosen on the other half",
                1000,
                new OneRunBound(400, 0, 336, 1000, 1000, 0, 4)),
            new EpsilonLowerBound(
                1.52, BoundRigor.ESTIMATE, 0.95, 1e-5, "split-half clopper-pearson", 1000),
            new AttackResult.Intervals(
                new Interval(0.712, 0.756, 0.95), new Interval(0.31, 0.39, 0.95), 200),
            List.of(
                new RocPoint(0, 0),
                new RocPoint(0.001, 0.034),
                new RocPoint(0.01, 0.121),
                new RocPoint(0.1, 0.45),
                new RocPoint(0.3, 0.7),
                new RocPoint(1, 1)),
            new ScoreHistogram(
                List.of(-4.0, -2.0, 0.0, 2.0, 4.0, 6.0),
                List.of(10L, 150L, 400L, 300L, 140L),
                List.of(120L, 380L, 350L, 140L, 10L)));
    AttackResult loss =
        new AttackResult(
            "loss",
            "black-box loss",
            "Yeom et al. 2018, Privacy Risk in Machine Learning",
            0.58,
            0.12,
            0.56,
            tpr(0.16, 0.012, Double.NaN),
            new EpsilonLowerBound(
                0.0,
                BoundRigor.RIGOROUS,
                0.95,
                1e-5,
                "one-run, guesses chosen on the other half",
                1000,
                new OneRunBound(20, 20, 21, 1000, 1000, 0, 4)),
            new EpsilonLowerBound(
                0.2, BoundRigor.ESTIMATE, 0.95, 1e-5, "split-half clopper-pearson", 1000),
            new AttackResult.Intervals(
                new Interval(0.555, 0.605, 0.95), new Interval(0.09, 0.15, 0.95), 200),
            List.of(
                new RocPoint(0, 0),
                new RocPoint(0.01, 0.012),
                new RocPoint(0.1, 0.16),
                new RocPoint(0.5, 0.62),
                new RocPoint(1, 1)),
            null);
    List<AttackResult> attacks = List.of(lira, loss);
    Verdict verdict = Verdict.decide(claim == null ? null : claim.epsilon(), 1.31, 1.52);
    String reason =
        switch (verdict) {
          case VIOLATED ->
              "lira-online shows epsilon >= 1.31 with 95% confidence, above the"
                  + " claimed epsilon 1 (delta 1e-05).";
          case SUSPECT ->
              "An estimate (1.52) exceeds the claimed epsilon; members were chosen at random, but"
                  + " the estimate treats rows of one model as independent trials.";
          case CONSISTENT -> "No attack's 95% lower bound on epsilon exceeds the claimed epsilon.";
          case NO_CLAIM -> "The model claims no differential privacy; leakage is reported only.";
        };
    boolean rigorousDecides = verdict != Verdict.SUSPECT;
    VerdictBasis basis =
        new VerdictBasis(
            rigorousDecides ? "one-run bound, lira-online" : "split-half estimate, lira-online",
            rigorousDecides ? BoundRigor.RIGOROUS : BoundRigor.ESTIMATE,
            rigorousDecides ? 1.31 : 1.52,
            0.95,
            "bernoulli(0.5): each distinct row was made a member by an independent seeded coin"
                + " flip, recorded on the model card",
            1.31,
            1.52);
    return new MembershipResult(
        MembershipResult.SCHEMA_VERSION,
        MembershipResult.KIND,
        new ModelRef("models/" + modelName, modelName, SHA_MODEL),
        claim,
        verdict,
        reason,
        basis,
        1000,
        1000,
        16,
        attacks,
        List.of(
            new SliceResult("lira-online", "negative", 500, 500, 0.74, 0.13),
            new SliceResult("lira-online", "positive", 500, 500, 0.728, Double.NaN)),
        List.of(
            "TPR at FPR x: the largest TPR among thresholds whose FPR is at most x.",
            "advantage: max over thresholds of TPR - FPR."),
        provenance("models/" + modelName));
  }

  private static TprAtFpr tpr(double at10, double at1, double at01) {
    return new TprAtFpr(
        List.of(
            new TprAtFpr.Point(0.1, at10, null),
            new TprAtFpr.Point(0.01, at1, null),
            new TprAtFpr.Point(0.001, at01, null)));
  }

  public static CanaryResult canary() {
    return canary(false);
  }

  /** The canary fixture without a claim; with {@code reveal}, secrets and guesses are included. */
  public static CanaryResult canary(boolean reveal) {
    return canary(reveal, null);
  }

  /**
   * The canary fixture against {@code claim} (null for none): three canaries (c1 rank 1 of 10,000
   * planted 8 times, c2 rank 1,234 planted once, c3 sampled 2 of 10,000 at or below its secret in
   * 10^9 candidates, planted 4 times) and an audit set of 1,000 (70 of 100 guesses right on the
   * bound half of 500). Bounds are computed by the library, four rigorous bounds at 95%
   * family-wise, and the verdict follows from them.
   */
  public static CanaryResult canary(boolean reveal, Theoretical claim) {
    double delta = claim == null ? 0 : claim.delta();
    double test = 1 - 0.05 / 4;
    CanaryFinding pin =
        new CanaryFinding(
            "c1",
            "my pin is {digit}{digit}{digit}{digit}",
            "positive",
            8,
            10_000,
            1L,
            log2(10_000.0 / 1),
            null,
            true,
            1.0,
            "enumerate",
            List.of(new CanaryFinding.MethodRun("enumerate", true, 1.0, 10_000, 52_000.0, 0.192)),
            List.of(exactBound(1, 10_000, 8, claim, delta, test)),
            reveal ? "4821" : null,
            reveal
                ? List.of(
                    new CanaryFinding.Guess("4821", 0.012), new CanaryFinding.Guess("4827", 2.3))
                : null);
    CanaryFinding phone =
        new CanaryFinding(
            "c2",
            "call me at 555-{digit}{digit}{digit}{digit}",
            "negative",
            1,
            10_000,
            1234L,
            log2(10_000.0 / 1234),
            null,
            false,
            0.25,
            "enumerate",
            List.of(new CanaryFinding.MethodRun("enumerate", false, 0.25, 10_000, 50_000.0, 0.2)),
            List.of(exactBound(1234, 10_000, 1, claim, delta, test)),
            reveal ? "0193" : null,
            reveal ? List.of(new CanaryFinding.Guess("7193", 1.7)) : null);
    double half = (1 - test) / 2;
    double sampledRank = SampledRank.upper(2, 10_000, 1e9 - 1, 1 - half);
    double extrapolatedRank = Math.pow(2, log2(1e9) - 7.5);
    CanaryFinding words =
        new CanaryFinding(
            "c3",
            "the code is {word} {word} {word}",
            "positive",
            4,
            1_000_000_000L,
            null,
            null,
            7.5,
            false,
            1.0 / 3,
            "beam",
            List.of(
                new CanaryFinding.MethodRun("beam", false, 1.0 / 3, 64_000, 41_000.0, 1.56),
                new CanaryFinding.MethodRun("modiva", false, 0.0, 2_000, 900.0, 2.22)),
            List.of(
                new CanaryBound(
                    SecretRankBound.epsilonLowerBound(sampledRank, log2(1e9), 4, delta, 1 - half),
                    BoundRigor.RIGOROUS,
                    CanaryBound.SAMPLED_RANK,
                    sampledRank,
                    10_000L,
                    2L,
                    4,
                    delta,
                    0.95,
                    claim == null
                        ? null
                        : Math.min(
                            1,
                            SecretRankBound.pValue(
                                    sampledRank, log2(1e9), 4, claim.epsilon(), delta)
                                + half),
                    null),
                new CanaryBound(
                    SecretRankBound.epsilonLowerBound(extrapolatedRank, log2(1e9), 4, delta, test),
                    BoundRigor.ESTIMATE,
                    CanaryBound.EXTRAPOLATED_RANK,
                    extrapolatedRank,
                    null,
                    null,
                    4,
                    delta,
                    0.95,
                    claim == null
                        ? null
                        : SecretRankBound.pValue(
                            extrapolatedRank, log2(1e9), 4, claim.epsilon(), delta),
                    "the rank is extrapolated from a skew-normal fit to sampled candidates")),
            reveal ? "red fox jumps" : null,
            reveal ? List.of(new CanaryFinding.Guess("red owl sings", 3.25)) : null);
    AuditSetResult auditSet =
        new AuditSetResult(
            1000,
            497,
            500,
            500,
            50,
            50,
            70,
            OneRunAudit.epsilonLowerBound(500, 100, 70, delta, test),
            BoundRigor.RIGOROUS,
            0.95,
            delta,
            claim == null ? null : OneRunAudit.pValue(500, 100, 70, claim.epsilon(), delta),
            "logit-scaled confidence of the canary's label, minus its median on 64 fresh secrets");
    List<CanaryFinding> findings = List.of(pin, phone, words);
    double rigorousMax = auditSet.value();
    double estimateMax = 0;
    for (CanaryFinding f : findings) {
      for (CanaryBound b : f.epsilonBounds()) {
        if (b.rigor() == BoundRigor.RIGOROUS) {
          rigorousMax = Math.max(rigorousMax, b.value());
        } else {
          estimateMax = Math.max(estimateMax, b.value());
        }
      }
    }
    Verdict verdict =
        Verdict.decide(claim == null ? null : claim.epsilon(), rigorousMax, estimateMax);
    return new CanaryResult(
        CanaryResult.SCHEMA_VERSION,
        CanaryResult.KIND,
        new ModelRef("models/canary-nodp", "canary-nodp", SHA_MODEL),
        claim,
        verdict,
        String.format(
            java.util.Locale.ROOT,
            "The fixture's verdict: the largest rigorous lower bound is epsilon >= %.3f.",
            rigorousMax),
        new VerdictBasis(
            "canary c1 rank test (exact-rank)",
            BoundRigor.RIGOROUS,
            pin.primaryBound().value(),
            0.95,
            "secret drawn uniformly by trustml from the template's candidates, planted 8 times",
            rigorousMax,
            estimateMax),
        0.95,
        4,
        reveal,
        findings,
        auditSet,
        provenance("models/canary-nodp"));
  }

  private static CanaryBound exactBound(
      long rank, double candidates, int k, Theoretical claim, double delta, double test) {
    return new CanaryBound(
        SecretRankBound.epsilonLowerBound(rank, log2(candidates), k, delta, test),
        BoundRigor.RIGOROUS,
        CanaryBound.EXACT_RANK,
        rank,
        null,
        null,
        k,
        delta,
        0.95,
        claim == null
            ? null
            : SecretRankBound.pValue(rank, log2(candidates), k, claim.epsilon(), delta),
        null);
  }

  static Provenance provenance(String modelPath) {
    return new Provenance(
        "0.1.0",
        "0.36.0",
        "2.7.1",
        new Provenance.ModelRef(modelPath, SHA_MODEL),
        List.of(
            new Provenance.DataRef("members", "data/train.csv", SHA_DATA, 1000),
            new Provenance.DataRef("non-members", "data/heldout.csv", SHA_DATA, 1000)),
        42,
        "2025-01-02T03:04:05Z");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
