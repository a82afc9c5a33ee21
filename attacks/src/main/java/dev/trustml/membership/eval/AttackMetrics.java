package dev.trustml.membership.eval;

import dev.trustml.stats.Interval;
import dev.trustml.stats.RocPoint;
import java.util.List;

/**
 * Everything the evaluator measured about one membership attack. Confidence intervals are
 * percentile-bootstrap intervals at {@code confidence}; they are null when bootstrapResamples is 0.
 *
 * @param members member rows
 * @param nonMembers non-member rows
 * @param auc area under the ROC curve (ties count 1/2)
 * @param aucCi bootstrap interval for auc, or null
 * @param balancedAccuracy best (TPR + 1 - FPR)/2 over thresholds
 * @param advantage best TPR - FPR over thresholds
 * @param advantageCi bootstrap interval for advantage, or null
 * @param tprAtFpr TPR at each configured FPR, in the configured order
 * @param roc the ROC curve, downsampled to at most {@link MembershipEvaluator#ROC_POINTS} points
 * @param slices per true-label metrics, ascending by label (empty when no labels were given)
 * @param confidence level of the intervals
 * @param bootstrapResamples replicates behind the intervals
 * @param seed the seed everything random was derived from
 * @param warnings one-line notes about numbers reported as NaN
 */
public record AttackMetrics(
    int members,
    int nonMembers,
    double auc,
    Interval aucCi,
    double balancedAccuracy,
    double advantage,
    Interval advantageCi,
    List<TprAtFpr> tprAtFpr,
    List<RocPoint> roc,
    List<SliceMetrics> slices,
    double confidence,
    int bootstrapResamples,
    long seed,
    List<String> warnings) {
  /** Copies the lists so the record stays immutable. */
  public AttackMetrics {
    tprAtFpr = List.copyOf(tprAtFpr);
    roc = List.copyOf(roc);
    slices = List.copyOf(slices);
    warnings = List.copyOf(warnings);
  }

  /**
   * The entry for a configured FPR.
   *
   * @throws IllegalArgumentException if fpr was not configured
   */
  public TprAtFpr tprAt(double fpr) {
    for (TprAtFpr entry : tprAtFpr) {
      if (entry.fpr() == fpr) {
        return entry;
      }
    }
    throw new IllegalArgumentException(
        "FPR " + fpr + " was not evaluated; configured: " + tprAtFpr);
  }
}
