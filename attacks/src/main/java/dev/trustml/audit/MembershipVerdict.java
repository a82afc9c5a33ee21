package dev.trustml.audit;

import dev.trustml.results.AttackResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Theoretical;
import dev.trustml.results.Verdict;
import dev.trustml.results.VerdictBasis;
import java.util.List;
import java.util.Locale;

/**
 * The membership verdict, what it rests on, and the sentence that explains it. Only a rigorous
 * bound above the claim makes a model {@link Verdict#VIOLATED}; an estimate above it makes the
 * model {@link Verdict#SUSPECT}, with the design named as the reason it proves nothing ({@link
 * Verdict#decide}).
 *
 * @param verdict the verdict
 * @param basis the deciding figure, its rigor and the design
 * @param reason one sentence for readers
 */
record MembershipVerdict(Verdict verdict, VerdictBasis basis, String reason) {

  /** A figure an attack contributed. */
  private record Figure(String attack, EpsilonLowerBound bound, String kind) {
    String name() {
      return kind + ", " + attack;
    }

    /** {@code the vocab attack's one-run bound}. */
    String phrase() {
      return "the " + attack + " attack's " + kind;
    }
  }

  static MembershipVerdict decide(
      Theoretical claim,
      List<AttackResult> results,
      AuditDesign design,
      double confidence,
      int attacks) {
    Figure rigorous = null;
    Figure estimate = null;
    for (AttackResult a : results) {
      EpsilonLowerBound oneRun = a.epsilonLowerBound();
      if (oneRun != null && oneRun.rigor() == BoundRigor.RIGOROUS) {
        rigorous = larger(rigorous, new Figure(a.name(), oneRun, "one-run bound"));
      } else if (oneRun != null) {
        estimate = larger(estimate, new Figure(a.name(), oneRun, "one-run estimate"));
      }
      estimate = larger(estimate, new Figure(a.name(), a.epsilonEstimate(), "split-half estimate"));
    }
    Double rigorousMax = rigorous == null ? null : rigorous.bound().value();
    Double estimateMax = estimate == null ? null : estimate.bound().value();
    Verdict verdict =
        Verdict.decide(claim == null ? null : claim.epsilon(), rigorousMax, estimateMax);
    Figure deciding =
        switch (verdict) {
          case VIOLATED -> rigorous;
          case SUSPECT -> estimate;
          case CONSISTENT, NO_CLAIM -> rigorous != null ? rigorous : estimate;
        };
    VerdictBasis basis =
        deciding == null
            ? new VerdictBasis(
                null, null, 0.0, confidence, design.describe(), rigorousMax, estimateMax)
            : new VerdictBasis(
                deciding.name(),
                deciding.bound().rigor(),
                deciding.bound().value(),
                confidence,
                design.describe(),
                rigorousMax,
                estimateMax);
    String family =
        String.format(
            Locale.ROOT,
            "%.0f%% confidence family-wise over %d attack%s",
            100 * confidence,
            attacks,
            attacks == 1 ? "" : "s");
    String largest =
        "the largest rigorous bound is "
            + (rigorous == null
                ? "none (" + noRigorous(design) + ")"
                : describe(rigorous, "epsilon >= "))
            + " and the largest estimate "
            + (estimate == null ? "none" : describe(estimate, "epsilon ~ "))
            + " ("
            + family
            + ")";
    String reason =
        switch (verdict) {
          case NO_CLAIM -> "The model claims no differential privacy; " + largest + ".";
          case CONSISTENT ->
              String.format(
                  Locale.ROOT,
                  "Consistent with the claimed epsilon = %.4g (delta = %.3g): %s, none above the"
                      + " claim. This does not prove the claim; the audit failed to refute it.",
                  claim.epsilon(),
                  claim.delta(),
                  largest);
          case SUSPECT ->
              String.format(
                  Locale.ROOT,
                  "SUSPECT: %s shows epsilon ~ %.3f, above the claimed epsilon = %.4g (delta ="
                      + " %.3g), but it is an estimate, not a proof: %s. Design: %s. Investigate;"
                      + " a rigorous bound needs a model trained with Bernoulli(1/2) membership"
                      + " recorded on its card, audited on the card's own files.",
                  estimate.phrase(),
                  estimate.bound().value(),
                  claim.epsilon(),
                  claim.delta(),
                  design.whyEstimate(),
                  design.describe());
          case VIOLATED ->
              String.format(
                  Locale.ROOT,
                  "VIOLATED: %s shows epsilon >= %.3f with %s, above the claimed epsilon ="
                      + " %.4g (delta = %.3g); it is rigorous under the design (%s). The DP claim"
                      + " is false or its accounting is wrong.",
                  rigorous.phrase(),
                  rigorous.bound().value(),
                  family,
                  claim.epsilon(),
                  claim.delta(),
                  design.describe());
        };
    return new MembershipVerdict(verdict, basis, reason);
  }

  private static String noRigorous(AuditDesign design) {
    return design.supportsRigorousBound()
        ? "one-run bounds were turned off"
        : "the membership design is " + design.describe().split(":", 2)[0];
  }

  private static String describe(Figure f, String relation) {
    return String.format(Locale.ROOT, "%s%.3f (%s)", relation, f.bound().value(), f.name());
  }

  private static Figure larger(Figure current, Figure candidate) {
    if (candidate.bound() == null) {
      return current;
    }
    return current == null || candidate.bound().value() > current.bound().value()
        ? candidate
        : current;
  }
}
