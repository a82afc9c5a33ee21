package dev.trustml.reports.text;

import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Theoretical;
import dev.trustml.results.VerdictBasis;

/**
 * How every report writes an epsilon figure: its value, confidence and rigor together, so no bound
 * ever appears without saying whether it is rigorous or an estimate.
 */
public final class BoundText {
  private BoundText() {}

  /** {@code 1.31 (95%, rigorous)}, or {@code n/a}. */
  public static String of(EpsilonLowerBound b) {
    if (b == null) {
      return "n/a";
    }
    return Numbers.format(b.value())
        + " ("
        + Numbers.format(b.confidence() * 100)
        + "%, "
        + b.rigor().jsonName()
        + ")";
  }

  /** Whether the figure is above the claimed epsilon (null claim: never). */
  public static boolean exceeds(EpsilonLowerBound b, Theoretical claim) {
    return b != null && claim != null && b.value() > claim.epsilon();
  }

  /** Whether the figure refutes the claim: rigorous and above it. */
  public static boolean refutes(EpsilonLowerBound b, Theoretical claim) {
    return exceeds(b, claim) && b.rigor() == BoundRigor.RIGOROUS;
  }

  /**
   * One sentence: what the verdict rests on. E.g. {@code Verdict basis: split-half estimate, vocab
   * = 1.84 (estimate, 95% family-wise). Largest rigorous bound: none; largest estimate: 1.84.
   * Membership design: unknown: ...}
   */
  public static String basis(VerdictBasis v) {
    if (v == null) {
      return "";
    }
    String figure =
        v.figure() == null
            ? "no bound was computed"
            : v.figure()
                + " = "
                + Numbers.format(v.value())
                + " ("
                + (v.rigor() == null ? "?" : v.rigor().jsonName())
                + ", "
                + Numbers.format(v.confidence() * 100)
                + "% family-wise)";
    return "Verdict basis: "
        + figure
        + ". Largest rigorous bound: "
        + (v.rigorousMax() == null ? "none" : Numbers.format(v.rigorousMax()))
        + "; largest estimate: "
        + (v.estimateMax() == null ? "none" : Numbers.format(v.estimateMax()))
        + ". Membership design: "
        + v.design()
        + ".";
  }
}
