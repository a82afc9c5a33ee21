package dev.trustml.results;

import dev.trustml.stats.Interval;
import java.util.List;

/**
 * What one membership-inference attack achieved.
 *
 * @param name the attack's registry name (e.g. {@code lira-online})
 * @param threatModel what the attacker is assumed to have
 * @param paper the paper the attack comes from
 * @param auc area under the ROC curve
 * @param advantage max over thresholds of TPR - FPR
 * @param balancedAccuracy max over thresholds of (TPR + TNR) / 2
 * @param tprAtFpr TPR at the target FPRs
 * @param epsilonLowerBound the one-run epsilon lower bound (Steinke et al. 2023), or null when the
 *     audit's membership design allows none and none was asked for; its {@code rigor} says whether
 *     the design makes it rigorous
 * @param epsilonEstimate the split-half Clopper-Pearson figure: always an estimate (the rows of one
 *     model are not independent trials)
 * @param intervals bootstrap intervals of the headline figures
 * @param roc the ROC curve, downsampled for plots
 * @param histogram member vs non-member score counts
 */
public record AttackResult(
    String name,
    String threatModel,
    String paper,
    double auc,
    double advantage,
    double balancedAccuracy,
    TprAtFpr tprAtFpr,
    EpsilonLowerBound epsilonLowerBound,
    EpsilonLowerBound epsilonEstimate,
    Intervals intervals,
    List<RocPoint> roc,
    ScoreHistogram histogram) {

  public AttackResult {
    roc = roc == null ? List.of() : List.copyOf(roc);
  }

  /** The rigorous bound's value, or null when the attack has none. */
  public Double rigorousBound() {
    return epsilonLowerBound != null && epsilonLowerBound.rigor() == BoundRigor.RIGOROUS
        ? epsilonLowerBound.value()
        : null;
  }

  /**
   * Bootstrap intervals.
   *
   * @param auc of the AUC
   * @param advantage of the advantage
   * @param resamples bootstrap resamples drawn
   */
  public record Intervals(Interval auc, Interval advantage, int resamples) {}
}
