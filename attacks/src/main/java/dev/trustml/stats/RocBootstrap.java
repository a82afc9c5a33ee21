package dev.trustml.stats;

import java.util.List;

/**
 * Percentile bootstrap confidence intervals for a ROC curve's summary numbers.
 *
 * @param auc interval for the AUC
 * @param advantage interval for max(TPR - FPR)
 * @param tprAtFpr intervals for TPR at each requested FPR, in the order the FPRs were given
 * @param resamples number of bootstrap replicates
 * @param seed the seed that produced them
 */
public record RocBootstrap(
    Interval auc, Interval advantage, List<Interval> tprAtFpr, int resamples, long seed) {
  /** Copies the list so the record stays immutable. */
  public RocBootstrap {
    tprAtFpr = List.copyOf(tprAtFpr);
  }
}
