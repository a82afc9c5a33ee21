package dev.trustml.cli;

import dev.trustml.results.AttackResult;
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
        "%-24s %6s %15s %6s %8s %8s %8s %7s%n",
        "attack", "AUC", "AUC interval", "adv", "TPR@10%", "TPR@1%", "TPR@.1%", "eps_lb");
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
          "%-24s %6.3f %15s %6.3f %8s %8s %8s %7.3f%n",
          a.name(),
          a.auc(),
          ci,
          a.advantage(),
          pct(a.tprAtFpr().at(0.1)),
          pct(a.tprAtFpr().at(0.01)),
          pct(a.tprAtFpr().at(0.001)),
          a.epsilonLowerBound().value());
    }
    out.println();
    out.println("verdict: " + r.verdict().jsonName());
    out.println("  " + r.verdictReason());
  }

  private static String pct(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
  }
}
