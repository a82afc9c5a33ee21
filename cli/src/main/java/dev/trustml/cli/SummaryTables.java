package dev.trustml.cli;

import dev.trustml.reports.text.BoundText;
import dev.trustml.reports.text.Numbers;
import dev.trustml.results.AttackResult;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;
import java.io.PrintWriter;
import java.util.Locale;

/** The small tables the audit commands print on stdout. */
final class SummaryTables {
  private SummaryTables() {}

  static void membership(MembershipResult r, PrintWriter out) {
    out.printf(
        "model %s: %,d members, %,d non-members, %d reference model(s)%n",
        r.model().name(), r.members(), r.nonMembers(), r.referenceModels());
    Theoretical t = r.theoretical();
    out.println(
        t == null
            ? "claim: none (the model claims no differential privacy)"
            : String.format(
                Locale.ROOT,
                "claim: epsilon %.4g, delta %.3g (%s)",
                t.epsilon(),
                t.delta(),
                t.source()));
    out.println();
    out.printf(
        "%-24s %6s %15s %6s %8s %8s %8s %12s %9s%n",
        "attack",
        "AUC",
        "AUC interval",
        "adv",
        "TPR@10%",
        "TPR@1%",
        "TPR@.1%",
        "eps one-run",
        "eps est.");
    for (AttackResult a : r.attacks()) {
      String ci =
          a.intervals() == null || a.intervals().auc() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  "[%.3f, %.3f]",
                  a.intervals().auc().low(),
                  a.intervals().auc().high());
      out.printf(
          Locale.ROOT,
          "%-24s %6.3f %15s %6.3f %8s %8s %8s %12s %9s%n",
          a.name(),
          a.auc(),
          ci,
          a.advantage(),
          pct(a.tprAtFpr().at(0.1)),
          pct(a.tprAtFpr().at(0.01)),
          pct(a.tprAtFpr().at(0.001)),
          bound(a.epsilonLowerBound()),
          bound(a.epsilonEstimate()));
    }
    out.println(
        "eps one-run: Steinke et al. 2023 bound, (R) rigorous under the membership design, (E)"
            + " estimate; eps est.: split-half estimate (E); n/a: not computed");
    out.println();
    out.println("verdict: " + r.verdict().jsonName());
    out.println("  " + r.verdictReason());
    if (r.verdictBasis() != null) {
      out.println("  " + BoundText.basis(r.verdictBasis()));
    }
  }

  /** {@code 1.234 (R)} or {@code 0.512 (E)}: no bound without its rigor. */
  private static String bound(EpsilonLowerBound b) {
    return b == null
        ? "n/a"
        : String.format(
            Locale.ROOT, "%.3f (%s)", b.value(), b.rigor() == BoundRigor.RIGOROUS ? "R" : "E");
  }

  static void canary(CanaryResult r, PrintWriter out) {
    out.printf(
        "model %s: %d canar%s%n",
        r.model().name(), r.canaries().size(), r.canaries().size() == 1 ? "y" : "ies");
    out.printf(
        "%-10s %5s %-10s %12s %8s %9s %9s %8s %-9s %9s %s%n",
        "id",
        "reps",
        "label",
        "candidates",
        "rank",
        "exposure",
        "extrap.",
        "eps_lb",
        "rigor",
        "extracted",
        "methods (wall s)");
    for (CanaryFinding c : r.canaries()) {
      StringBuilder methods = new StringBuilder();
      for (CanaryFinding.MethodRun m : c.runs()) {
        methods.append(
            String.format(
                Locale.ROOT,
                "%s%s %.2fs",
                methods.length() == 0 ? "" : ", ",
                m.method(),
                m.wallSeconds()));
      }
      CanaryBound bound = c.primaryBound();
      out.printf(
          Locale.ROOT,
          "%-10s %5s %-10s %12s %8s %9s %9s %8s %-9s %9s %s%n",
          c.id(),
          c.repetitions() == null ? "?" : c.repetitions().toString(),
          c.label(),
          c.candidates() == Long.MAX_VALUE
              ? "huge"
              : String.format(Locale.ROOT, "%,d", c.candidates()),
          c.rank() == null ? "-" : c.rank().toString(),
          c.exposureBits() == null ? "-" : String.format(Locale.ROOT, "%.2f", c.exposureBits()),
          c.extrapolatedExposureBits() == null
              ? "-"
              : String.format(Locale.ROOT, "%.2f", c.extrapolatedExposureBits()),
          bound == null ? "-" : String.format(Locale.ROOT, "%.3f", bound.value()),
          bound == null ? "-" : bound.rigor().jsonName(),
          c.extracted() == null ? "?" : c.extracted() ? "YES" : "no",
          methods);
      if (r.secretsRevealed() && c.guesses() != null && !c.guesses().isEmpty()) {
        out.printf(
            Locale.ROOT,
            "           secret %s; best guess %s (loss %.4f)%n",
            c.secret() == null ? "unknown" : c.secret(),
            c.guesses().get(0).secret(),
            c.guesses().get(0).loss());
      }
    }
    out.println(
        "exposure = log2|R| - log2 rank, in bits; eps_lb = largest epsilon the secret's rank"
            + " refutes; secrets and guesses are left out unless --reveal-secrets");
    AuditSetResult a = r.auditSet();
    if (a != null) {
      out.printf(
          Locale.ROOT,
          "one-run audit set: %,d canaries (%,d trained on); on the bound half of %,d, %d of %d"
              + " guesses right (%d in, %d out): eps_lb %.3f (%s)%n",
          a.canaries(),
          a.included(),
          a.boundCanaries(),
          a.correct(),
          a.positiveGuesses() + a.negativeGuesses(),
          a.positiveGuesses(),
          a.negativeGuesses(),
          a.value(),
          a.rigor().jsonName());
    }
    out.println();
    out.println("verdict: " + r.verdict().jsonName());
    out.println("  " + r.verdictReason());
  }

  private static String pct(double v) {
    return Numbers.percent(v);
  }
}
