package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param epsilonLowerBound the empirical epsilon lower bound
 * @param intervals bootstrap intervals of the headline figures
 * @param roc the ROC curve, downsampled for plots
 * @param histogram member vs non-member score counts
 * @param oneRun the one-run bound (Steinke et al. 2023), when asked for; else absent from JSON
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
    Intervals intervals,
    List<RocPoint> roc,
    ScoreHistogram histogram,
    @JsonInclude(JsonInclude.Include.NON_NULL) OneRunBound oneRun) {

  public AttackResult {
    roc = roc == null ? List.of() : List.copyOf(roc);
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
