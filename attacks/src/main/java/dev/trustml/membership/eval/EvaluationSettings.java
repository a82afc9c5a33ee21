package dev.trustml.membership.eval;

import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.UsageException;
import dev.trustml.stats.Bootstrap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What {@link MembershipEvaluator} computes.
 *
 * @param fprs false-positive budgets for TPR@FPR, each in (0, 1), no duplicates
 * @param bootstrapResamples bootstrap replicates for the intervals; 0 switches intervals off
 * @param confidence level of the bootstrap intervals, in (0, 1)
 * @param seed the seed of the bootstrap
 */
public record EvaluationSettings(
    List<Double> fprs, int bootstrapResamples, double confidence, long seed) {
  /** The default FPR budgets: 10%, 1%, 0.1%. */
  public static final List<Double> DEFAULT_FPRS = List.of(0.1, 0.01, 0.001);

  /** The default level of intervals and bounds. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Validates; throws IllegalArgumentException (use {@link #of} for user-supplied values). */
  public EvaluationSettings {
    fprs = List.copyOf(fprs);
    Message problem = problem(fprs, bootstrapResamples, confidence);
    if (problem != null) {
      throw new IllegalArgumentException(problem.toString());
    }
  }

  /** FPRs {0.1, 0.01, 0.001}, 1000 resamples, confidence 0.95, seed 0. */
  public static EvaluationSettings defaults() {
    return new EvaluationSettings(
        DEFAULT_FPRS, Bootstrap.DEFAULT_RESAMPLES, DEFAULT_CONFIDENCE, 0L);
  }

  /**
   * Settings from command-line values.
   *
   * @throws UsageException with a one-line message naming the bad value
   */
  public static EvaluationSettings of(
      List<Double> fprs, int bootstrapResamples, double confidence, long seed)
      throws UsageException {
    Message problem = problem(fprs, bootstrapResamples, confidence);
    if (problem != null) {
      throw new UsageException(problem);
    }
    return new EvaluationSettings(fprs, bootstrapResamples, confidence, seed);
  }

  /** A copy with other FPR budgets. */
  public EvaluationSettings withFprs(double... newFprs) {
    List<Double> list = new ArrayList<>();
    for (double f : newFprs) {
      list.add(f);
    }
    return new EvaluationSettings(list, bootstrapResamples, confidence, seed);
  }

  /**
   * The budgets {@code nonMembers} non-members can measure: TPR at FPR t needs at least 1/t of them
   * (below that, the ROC curve has no point at or under t). Sane defaults for small audits; when
   * none is measurable, the settings are returned unchanged, so the evaluator says why.
   *
   * @return these settings, or a copy without the budgets {@code nonMembers} cannot measure
   */
  public EvaluationSettings measurableWith(long nonMembers) {
    List<Double> kept = new ArrayList<>();
    for (double f : fprs) {
      if (nonMembers >= MembershipEvaluator.nonMembersNeeded(f)) {
        kept.add(f);
      }
    }
    if (kept.isEmpty() || kept.size() == fprs.size()) {
      return this;
    }
    return new EvaluationSettings(kept, bootstrapResamples, confidence, seed);
  }

  /** A copy with another number of bootstrap replicates. */
  public EvaluationSettings withBootstrapResamples(int resamples) {
    return new EvaluationSettings(fprs, resamples, confidence, seed);
  }

  /** A copy with another confidence level. */
  public EvaluationSettings withConfidence(double level) {
    return new EvaluationSettings(fprs, bootstrapResamples, level, seed);
  }

  /** A copy with another seed. */
  public EvaluationSettings withSeed(long newSeed) {
    return new EvaluationSettings(fprs, bootstrapResamples, confidence, newSeed);
  }

  private static Message problem(List<Double> fprs, int bootstrapResamples, double confidence) {
    Message.Ref fpr = Message.ref(Setting.FPR, "FPR");
    if (fprs.isEmpty()) {
      return Message.of(fpr, " needs at least one value, e.g. 0.01");
    }
    for (Double f : fprs) {
      if (f == null || !(f > 0 && f < 1)) {
        return Message.of(fpr, " value ", f, " is outside (0, 1); pass a rate such as 0.01");
      }
    }
    if (new HashSet<>(fprs).size() != fprs.size()) {
      return Message.of(fpr, " values ", fprs, " repeat a value; list each rate once");
    }
    if (bootstrapResamples < 0) {
      return Message.of(
          Message.ref(Setting.BOOTSTRAP, "bootstrap resamples"),
          " ",
          bootstrapResamples,
          " is negative; pass 0 to switch intervals off or e.g. 1000");
    }
    if (!(confidence > 0 && confidence < 1)) {
      return Message.of(
          Message.ref(Setting.CONFIDENCE, "confidence"),
          " ",
          confidence,
          " is outside (0, 1); pass e.g. 0.95");
    }
    return null;
  }
}
