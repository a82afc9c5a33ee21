package dev.trustml.audit;

import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.Theoretical;
import dev.trustml.results.Verdict;
import dev.trustml.results.VerdictBasis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The canary audit's verdict: every canary's bounds and the one-run audit set's bound against the
 * claim ({@link Verdict#decide}): only a rigorous bound above the claim makes it violated, an
 * estimate above it suspect. Computes only.
 */
final class CanaryVerdicts {
  private CanaryVerdicts() {}

  /** A verdict, its sentence, and what it rests on (null when no bound was computed). */
  record Decision(Verdict verdict, String reason, VerdictBasis basis) {}

  /** One bound with the words that name it. */
  private record Figure(String name, BoundRigor rigor, double value, String design) {}

  static Decision decide(
      Theoretical claim,
      List<CanaryFinding> findings,
      AuditSetResult auditSet,
      double confidence,
      int familySize) {
    List<Figure> figures = new ArrayList<>();
    for (CanaryFinding f : findings) {
      for (CanaryBound b : f.epsilonBounds()) {
        figures.add(
            new Figure(
                "canary " + f.id() + " rank test (" + b.basis() + ")",
                b.rigor(),
                b.value(),
                b.rigor() == BoundRigor.RIGOROUS
                    ? String.format(
                        Locale.ROOT,
                        "secret drawn uniformly by trustml from the template's candidates, planted"
                            + " %d time%s",
                        b.repetitions(),
                        b.repetitions() == 1 ? "" : "s")
                    : "estimate: " + b.note()));
      }
    }
    if (auditSet != null) {
      figures.add(
          new Figure(
              "one-run audit set (" + auditSet.canaries() + " canaries)",
              auditSet.rigor(),
              auditSet.value(),
              String.format(
                  Locale.ROOT,
                  "each of %,d audit-set canaries put into the training data by an independent fair"
                      + " coin (the secrets file's inclusion bits)",
                  auditSet.canaries())));
    }
    Optional<Figure> rigorous = largest(figures, BoundRigor.RIGOROUS);
    Optional<Figure> estimate = largest(figures, BoundRigor.ESTIMATE);
    Double rigorousMax = rigorous.map(Figure::value).orElse(null);
    Double estimateMax = estimate.map(Figure::value).orElse(null);
    Verdict verdict =
        Verdict.decide(claim == null ? null : claim.epsilon(), rigorousMax, estimateMax);
    Optional<Figure> deciding =
        switch (verdict) {
          case VIOLATED -> rigorous;
          case SUSPECT -> estimate;
          case CONSISTENT, NO_CLAIM -> rigorous.isPresent() ? rigorous : estimate;
        };
    VerdictBasis basis =
        deciding
            .map(
                d ->
                    new VerdictBasis(
                        d.name(),
                        d.rigor(),
                        d.value(),
                        confidence,
                        d.design(),
                        rigorousMax,
                        estimateMax))
            .orElse(null);
    return new Decision(verdict, reason(verdict, deciding, claim, confidence, familySize), basis);
  }

  private static Optional<Figure> largest(List<Figure> figures, BoundRigor rigor) {
    return figures.stream()
        .filter(f -> f.rigor() == rigor)
        .max(Comparator.comparingDouble(Figure::value));
  }

  private static String reason(
      Verdict verdict,
      Optional<Figure> deciding,
      Theoretical claim,
      double confidence,
      int familySize) {
    if (deciding.isEmpty()) {
      String none =
          "no canary could be tested (secrets or copies unknown) and there is no audit set";
      return verdict == Verdict.NO_CLAIM
          ? "The model claims no differential privacy; " + none + "."
          : String.format(
              Locale.ROOT,
              "Consistent with the claimed epsilon = %.4g only because nothing was measured: %s.",
              claim.epsilon(),
              none);
    }
    Figure d = deciding.get();
    String bound =
        String.format(
            Locale.ROOT,
            "the largest %s lower bound is epsilon >= %.3f (%s, %.0f%% confidence family-wise over"
                + " %d rigorous bound%s)",
            d.rigor() == BoundRigor.RIGOROUS ? "rigorous" : "estimated",
            d.value(),
            d.name(),
            100 * confidence,
            familySize,
            familySize == 1 ? "" : "s");
    return switch (verdict) {
      case NO_CLAIM -> "The model claims no differential privacy; " + bound + ".";
      case CONSISTENT ->
          String.format(
              Locale.ROOT,
              "Consistent with the claimed epsilon = %.4g (delta = %.3g): %s, not above it.",
              claim.epsilon(),
              claim.delta(),
              bound);
      case SUSPECT ->
          String.format(
              Locale.ROOT,
              "SUSPECT: %s, above the claimed epsilon = %.4g (delta = %.3g), but it is an estimate:"
                  + " %s.",
              bound,
              claim.epsilon(),
              claim.delta(),
              d.design().substring("estimate: ".length()));
      case VIOLATED ->
          String.format(
              Locale.ROOT,
              "VIOLATED: %s, above the claimed epsilon = %.4g (delta = %.3g). The DP claim is false"
                  + " or the accounting is wrong.",
              bound,
              claim.epsilon(),
              claim.delta());
    };
  }
}
