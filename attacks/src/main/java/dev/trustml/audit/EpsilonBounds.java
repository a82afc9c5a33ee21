package dev.trustml.audit;

import dev.trustml.data.RowKey;
import dev.trustml.error.UsageException;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.OneRunBound;
import dev.trustml.stats.EpsilonLowerBoundResult;
import dev.trustml.stats.OneRunAudit;
import dev.trustml.stats.OneRunAuditResult;
import dev.trustml.stats.OneRunSplitAudit;
import java.util.Arrays;

/**
 * An attack's two epsilon figures: the split-half Clopper-Pearson estimate, and the one-run bound
 * when the design and the option call for it.
 *
 * <p>The one-run bound counts a row as one trial only if it is one: rows whose text and label occur
 * more than once among the audit rows are a group (trained on together or not at all) and are left
 * out of it.
 */
final class EpsilonBounds {
  static final String ESTIMATE_METHOD =
      "split-half Clopper-Pearson (Jagielski et al. 2020): threshold chosen on a seeded random half"
          + " of the rows, bound on the other half; an estimate, since the rows of one model are"
          + " not independent trials";

  private final boolean[] isMember;
  private final int[] eligible;
  private final AuditDesign design;
  private final OneRunOption option;
  private final double delta;
  private final long seed;

  /**
   * @param isMember membership of every audit row
   * @param keys the rows' text-and-label fingerprints ({@link RowKey})
   */
  EpsilonBounds(
      boolean[] isMember,
      long[] keys,
      AuditDesign design,
      OneRunOption option,
      double delta,
      long seed)
      throws UsageException {
    this.isMember = isMember;
    this.eligible = singletons(keys);
    this.design = design;
    this.option = option;
    this.delta = delta;
    this.seed = seed;
    requireGuessesFit(option, eligible.length);
  }

  /**
   * Refuses fixed guess counts the rows cannot meet: at most half of the rows that occur once.
   *
   * @param keys the audit rows' text-and-label fingerprints ({@link RowKey})
   */
  static void requireGuessesFit(OneRunOption option, long[] keys) throws UsageException {
    if (option.mode() == OneRunOption.Mode.FIXED) {
      requireGuessesFit(option, singletons(keys).length);
    }
  }

  private static void requireGuessesFit(OneRunOption option, int eligible) throws UsageException {
    if (option.mode() == OneRunOption.Mode.FIXED && 2L * option.guessesPerSide() > eligible) {
      throw new UsageException(
          "one-run guesses per side must be at most half of the "
              + eligible
              + " audit rows that occur once; got "
              + option.guessesPerSide());
    }
  }

  /** Whether one-run bounds are computed. */
  boolean computesOneRun() {
    return switch (option.mode()) {
      case AUTO -> design.supportsRigorousBound();
      case OFF -> false;
      case FIXED -> true;
    };
  }

  /** Rows left out of one-run bounds as duplicates. */
  int excludedRows() {
    return isMember.length - eligible.length;
  }

  /** The split-half estimate at {@code confidence}. */
  EpsilonLowerBound estimate(double[] scores, double confidence, double familyConfidence) {
    EpsilonLowerBoundResult r =
        dev.trustml.stats.EpsilonLowerBound.splitHalf(scores, isMember, confidence, delta, seed);
    return new EpsilonLowerBound(
        r.value(), BoundRigor.ESTIMATE, familyConfidence, r.delta(), ESTIMATE_METHOD, r.rowsUsed());
  }

  /** The one-run bound at {@code confidence}, or null when none is computed. */
  EpsilonLowerBound oneRun(double[] scores, double confidence, double familyConfidence) {
    if (!computesOneRun() || eligible.length < 2) {
      return null;
    }
    double[] s = new double[eligible.length];
    boolean[] in = new boolean[eligible.length];
    for (int i = 0; i < eligible.length; i++) {
      s[i] = scores[eligible[i]];
      in[i] = isMember[eligible[i]];
    }
    BoundRigor rigor = design.supportsRigorousBound() ? BoundRigor.RIGOROUS : BoundRigor.ESTIMATE;
    OneRunAuditResult r;
    int selectionRows;
    int totals;
    String method;
    if (option.mode() == OneRunOption.Mode.FIXED) {
      int k = option.guessesPerSide();
      r = OneRunAudit.audit(s, in, k, k, delta, confidence, seed);
      selectionRows = 0;
      totals = 1;
      method =
          "one-run (Steinke, Nasr & Jagielski 2023): the "
              + k
              + " highest scores guessed members and the "
              + k
              + " lowest non-members, counts fixed in advance";
    } else {
      OneRunSplitAudit.Result split = OneRunSplitAudit.audit(s, in, delta, confidence, seed);
      r = split.bound();
      selectionRows = split.selectionRows();
      totals = OneRunSplitAudit.TOTALS.length;
      method =
          "one-run (Steinke, Nasr & Jagielski 2023): a seeded random half of the rows chose how"
              + " many of the other half's highest scores to guess members and lowest to guess"
              + " non-members (the number of guesses from "
              + totals
              + " shares fixed in advance, Bonferroni over them); the bound is on the other half";
    }
    if (rigor == BoundRigor.ESTIMATE) {
      method += "; an estimate here: " + design.whyEstimate();
    }
    return new EpsilonLowerBound(
        r.epsilonLowerBound(),
        rigor,
        familyConfidence,
        delta,
        method,
        r.canaries(),
        new OneRunBound(
            r.positiveGuesses(),
            r.negativeGuesses(),
            r.correctGuesses(),
            r.canaries(),
            selectionRows,
            excludedRows(),
            totals));
  }

  /** Indices of the rows whose key occurs exactly once. */
  static int[] singletons(long[] keys) {
    long[] sorted = keys.clone();
    Arrays.sort(sorted);
    int[] out = new int[keys.length];
    int count = 0;
    for (int i = 0; i < keys.length; i++) {
      int lo = Arrays.binarySearch(sorted, keys[i]);
      boolean duplicate =
          (lo > 0 && sorted[lo - 1] == keys[i])
              || (lo + 1 < sorted.length && sorted[lo + 1] == keys[i]);
      if (!duplicate) {
        out[count++] = i;
      }
    }
    return Arrays.copyOf(out, count);
  }
}
