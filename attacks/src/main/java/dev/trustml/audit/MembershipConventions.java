package dev.trustml.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the membership report's figures are defined, in sentences for its readers. */
final class MembershipConventions {
  private MembershipConventions() {}

  /**
   * The sentences for an audit.
   *
   * @param confidence the family-wise confidence
   * @param attacks how many attacks share it
   * @param delta the delta the epsilon figures are computed at
   * @param design how membership was decided
   * @param bounds the one-run bound's configuration on these rows
   * @param population whether population rows were given
   */
  static List<String> of(
      double confidence,
      int attacks,
      double delta,
      AuditDesign design,
      EpsilonBounds bounds,
      boolean population) {
    List<String> out = new ArrayList<>();
    out.add(
        "TPR at FPR t is the largest TPR among operating points with FPR <= t (no interpolation).");
    out.add("Scores: higher means 'more likely a member'; AUC counts ties as one half.");
    out.add(
        String.format(
            Locale.ROOT,
            "Intervals are %.0f%% percentile bootstrap intervals (Poisson bootstrap).",
            100 * confidence));
    out.add("Membership design: " + design.describe() + ".");
    out.add(
        String.format(
            Locale.ROOT,
            "epsilon_estimate (Jagielski et al. 2020; Nasr et al. 2021): Clopper-Pearson upper"
                + " bounds on FPR and FNR at delta = %.3g, the threshold chosen on a seeded random"
                + " half of the rows and the bound computed on the other half. It is an ESTIMATE:"
                + " it treats the rows of one model as independent trials and assumes members and"
                + " non-members come from the same distribution, so it can make a model suspect,"
                + " never violated.",
            delta));
    out.add(oneRun(design, bounds));
    out.add(
        String.format(
            Locale.ROOT,
            "Each attack's figures hold at 1 - (1 - %.2f)/%d so the largest holds at %.0f%%"
                + " (Bonferroni over attacks).",
            confidence,
            attacks,
            100 * confidence));
    out.add(
        population
            ? "RMIA's population and class calibration: the population file (rows outside the"
                + " target's training data, never evaluated); each population row's marginal uses"
                + " only the reference models it is OUT for."
            : "RMIA's population and class calibration: the audit rows cross-fitted in two seeded"
                + " folds (rows of one fold compared with / calibrated on the other fold); each"
                + " population row's marginal uses only the reference models it is OUT for; no"
                + " membership bit is used.");
    return List.copyOf(out);
  }

  private static String oneRun(AuditDesign design, EpsilonBounds bounds) {
    return bounds.computesOneRun()
        ? String.format(
            Locale.ROOT,
            "epsilon_lower_bound (Steinke, Nasr & Jagielski 2023, one training run): guesses"
                + " 'member' for the highest and 'non-member' for the lowest scores; rigorous"
                + " only when every row was included by an independent fair coin (%s). %d"
                + " audit row(s) whose text and label occur more than once are one group, not"
                + " independent trials, and are left out of it.",
            design.supportsRigorousBound() ? "this audit's design" : "not this audit's design",
            bounds.excludedRows())
        : "epsilon_lower_bound (Steinke, Nasr & Jagielski 2023, one training run) is absent:"
            + " it is rigorous only when every row was included by an independent fair coin,"
            + " recorded on the model card (training.design bernoulli 0.5), and audited on the"
            + " card's own member and non-member files.";
  }
}
