package dev.trustml.reports.text;

import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditResult;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.Verdict;
import java.util.Comparator;
import java.util.Optional;

/**
 * The first thing a reader sees: a one- or two-word title, its tone (colour) and the sentence that
 * explains it. Shared by the HTML and Markdown reports so they never disagree.
 *
 * @param tone how the title is coloured
 * @param title e.g. {@code VIOLATED}
 * @param sentence one sentence explaining the title
 */
public record Headline(Tone tone, String title, String sentence) {
  /** The colour of a headline. */
  public enum Tone {
    /** Leakage refutes the claim, or secrets were extracted. */
    BAD,
    /** Only an estimate exceeds the claim: investigate, nothing is refuted. */
    WARN,
    /** The audit found nothing that refutes the claim. */
    GOOD,
    /** Nothing to judge against (no DP claim) or nothing measured. */
    NEUTRAL
  }

  /** The name reports give the audited model: its card's name, else its path. */
  public static String modelName(AuditResult result) {
    return result.model().name() != null ? result.model().name() : result.model().path();
  }

  /** The headline of a result. */
  public static Headline of(AuditResult result) {
    return result instanceof MembershipResult m ? membership(m) : canary((CanaryResult) result);
  }

  static Headline membership(MembershipResult m) {
    String reason = m.verdictReason();
    if (m.verdict() == null) {
      return new Headline(Tone.NEUTRAL, "NO VERDICT", orElse(reason, "The audit gave no verdict."));
    }
    Optional<AttackResult> strongest =
        m.attacks().stream()
            .filter(a -> a.rigorousBound() != null)
            .max(Comparator.comparingDouble(AttackResult::rigorousBound));
    return switch (m.verdict()) {
      case VIOLATED ->
          new Headline(
              Tone.BAD,
              "VIOLATED",
              orElse(
                  reason,
                  strongest
                      .map(
                          a ->
                              a.name()
                                  + " shows epsilon >= "
                                  + Numbers.format(a.rigorousBound())
                                  + ", above the claimed epsilon "
                                  + claimed(m.theoretical())
                                  + ": the DP claim is false or its accounting is wrong.")
                      .orElse("A rigorous lower bound on epsilon exceeds the claimed epsilon.")));
      case SUSPECT ->
          new Headline(
              Tone.WARN,
              "SUSPECT",
              orElse(
                  reason,
                  "An estimated lower bound on epsilon exceeds the claimed epsilon "
                      + claimed(m.theoretical())
                      + ", but the audit's design cannot make it rigorous; investigate."));
      case CONSISTENT ->
          new Headline(
              Tone.GOOD,
              "CONSISTENT",
              orElse(
                  reason,
                  "No attack's lower bound on epsilon exceeds the claimed epsilon "
                      + claimed(m.theoretical())
                      + "; this does not prove the claim, it failed to refute it."));
      case NO_CLAIM ->
          new Headline(
              Tone.NEUTRAL,
              "NO DP CLAIM",
              orElse(
                  reason,
                  "The model claims no differential privacy; the leakage below is reported without a"
                      + " verdict."));
    };
  }

  /**
   * A refuted (or suspect) claim comes first, then extraction; otherwise the verdict against the
   * claim, or, without a claim, whether any secret was extracted. The verdict's sentence follows.
   */
  static Headline canary(CanaryResult c) {
    long extracted = c.canaries().stream().filter(f -> Boolean.TRUE.equals(f.extracted())).count();
    long known = c.canaries().stream().filter(f -> f.extracted() != null).count();
    int n = c.canaries().size();
    String of = extracted + " of " + n + (n == 1 ? " canary" : " canaries");
    String reason = c.verdictReason() == null ? "" : " " + c.verdictReason();
    Verdict v = c.verdict();
    // A suspect verdict rests on an estimate only: it warns, as the membership headline does.
    if (v == Verdict.VIOLATED) {
      return new Headline(Tone.BAD, "VIOLATED", reason.strip());
    }
    if (v == Verdict.SUSPECT) {
      return new Headline(Tone.WARN, "SUSPECT", reason.strip());
    }
    if (extracted > 0) {
      return new Headline(
          Tone.BAD,
          "EXTRACTED",
          of + " planted in the training data can be reconstructed from the model." + reason);
    }
    if (v == Verdict.CONSISTENT) {
      return new Headline(Tone.GOOD, "CONSISTENT", reason.strip());
    }
    if (known == 0) {
      return new Headline(
          Tone.NEUTRAL,
          "NOT CHECKED",
          (n == 0
                  ? "No canary was tested one by one."
                  : "The secrets were not available, so extraction could not be checked; see the"
                      + " exposure column.")
              + reason);
    }
    Optional<Double> maxExposure =
        c.canaries().stream()
            .map(Headline::exposure)
            .filter(value -> value != null && !value.isNaN())
            .max(Double::compare);
    return new Headline(
        Tone.GOOD,
        "NOT EXTRACTED",
        "No canary's best guess equals its secret"
            + maxExposure
                .map(value -> "; the highest exposure is " + Numbers.format(value) + " bits")
                .orElse("")
            + "."
            + reason);
  }

  private static String claimed(Theoretical t) {
    return t == null ? "(none)" : Numbers.format(t.epsilon());
  }

  private static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }

  /** A canary's exposure: measured from its rank, else extrapolated, else null. */
  static Double exposure(CanaryFinding f) {
    return f.exposureBits() != null ? f.exposureBits() : f.extrapolatedExposureBits();
  }
}
