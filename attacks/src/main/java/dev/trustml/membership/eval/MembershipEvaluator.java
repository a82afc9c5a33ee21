package dev.trustml.membership.eval;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.stats.Bootstrap;
import dev.trustml.stats.Interval;
import dev.trustml.stats.RocBootstrap;
import dev.trustml.stats.RocCurve;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns a membership attack's scores into {@link AttackMetrics}: ROC, AUC, advantage, TPR at low
 * FPR, bootstrap intervals and per-label slices. The epsilon figures are not metrics of the scores
 * alone (they depend on the claim and the membership design) and are computed once, by the audit.
 *
 * <p>Contract with the attacks: {@code scores[i]} is higher when row i is more likely a member;
 * {@code isMember[i]} is the ground truth; {@code labels[i]} the true class of row i (for slices).
 *
 * <p>Too few rows for an asked FPR is a refusal, not a NaN: with fewer than 1/t non-members the
 * only operating point with FPR &lt;= t is FPR = 0, so "TPR at t" would silently be a different,
 * more pessimistic number, and a NaN could slip through a CI gate unnoticed. The user asked for t,
 * so they get a one-line {@link BadInputException} telling them to lower it or add rows. Per-label
 * slices are not asked for individually, so there a small slice yields NaN plus a warning.
 */
public final class MembershipEvaluator {
  /** Maximum number of ROC points kept in {@link AttackMetrics#roc()}. */
  public static final int ROC_POINTS = 500;

  /** The false-positive budget of the per-label slices. */
  public static final double SLICE_FPR = 0.01;

  private static final int MAX_LABELS_LISTED = 10;

  private final EvaluationSettings settings;

  /** An evaluator with the given settings. */
  public MembershipEvaluator(EvaluationSettings settings) {
    this.settings = settings;
  }

  /** The settings in use. */
  public EvaluationSettings settings() {
    return settings;
  }

  /**
   * Computes every metric.
   *
   * @param scores attack score per audit row (higher = more likely member); NaN is refused,
   *     infinities are ranked
   * @param isMember ground truth per row
   * @param labels true class index per row (&gt;= 0), or null for no slices
   * @throws BadInputException on mismatched lengths, NaN scores, negative labels, fewer than 2
   *     members or 2 non-members, or too few non-members for a configured FPR
   */
  public AttackMetrics evaluate(double[] scores, boolean[] isMember, int[] labels)
      throws BadInputException {
    validate(scores, isMember, labels);
    int members = 0;
    for (boolean member : isMember) {
      members += member ? 1 : 0;
    }
    int nonMembers = isMember.length - members;
    if (members < 2 || nonMembers < 2) {
      throw new BadInputException(
          "the audit set has "
              + members
              + " members and "
              + nonMembers
              + " non-members; membership metrics need at least 2 of each — add rows of the"
              + " missing kind");
    }
    for (double t : settings.fprs()) {
      long needed = nonMembersNeeded(t);
      if (nonMembers < needed) {
        throw new BadInputException(
            Message.of(
                "TPR at FPR ",
                t,
                " needs at least ",
                needed,
                " non-members; got ",
                nonMembers,
                " — lower ",
                Message.ref(Setting.FPR, "the FPR"),
                " or add rows"));
      }
    }
    RocCurve curve = RocCurve.of(scores, isMember);
    // The bootstrap's seed is derived from the setting (the first draw), not the setting itself.
    long bootstrapSeed = new SplittableRandom(settings.seed()).nextLong();

    double[] fprs = settings.fprs().stream().mapToDouble(Double::doubleValue).toArray();
    RocBootstrap intervals =
        settings.bootstrapResamples() > 0
            ? Bootstrap.roc(
                curve, fprs, settings.bootstrapResamples(), settings.confidence(), bootstrapSeed)
            : null;
    List<TprAtFpr> tprs = new ArrayList<>();
    for (int j = 0; j < fprs.length; j++) {
      Interval ci = intervals == null ? null : intervals.tprAtFpr().get(j);
      tprs.add(new TprAtFpr(fprs[j], curve.tprAtFpr(fprs[j]), ci));
    }

    List<String> warnings = new ArrayList<>();
    List<SliceMetrics> slices =
        labels == null ? List.of() : slices(scores, isMember, labels, warnings);
    return new AttackMetrics(
        members,
        nonMembers,
        curve.auc(),
        intervals == null ? null : intervals.auc(),
        curve.balancedAccuracy(),
        curve.advantage(),
        intervals == null ? null : intervals.advantage(),
        tprs,
        curve.downsample(ROC_POINTS),
        slices,
        settings.confidence(),
        settings.bootstrapResamples(),
        settings.seed(),
        warnings);
  }

  /** Non-members needed so that FPR t allows at least one false positive: ceil(1/t). */
  static long nonMembersNeeded(double t) {
    return (long) Math.ceil((1.0 / t) * (1.0 - 1e-12));
  }

  private static void validate(double[] scores, boolean[] isMember, int[] labels)
      throws BadInputException {
    if (scores.length != isMember.length) {
      throw new BadInputException(
          "the attack produced "
              + scores.length
              + " scores for "
              + isMember.length
              + " audit rows; it must score every row exactly once");
    }
    if (labels != null && labels.length != scores.length) {
      throw new BadInputException(
          "the audit set has "
              + labels.length
              + " labels for "
              + scores.length
              + " rows; give one label per row");
    }
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new BadInputException(
            "the attack score of audit row "
                + i
                + " is NaN; check the model output for that row (e.g. a NaN logit)");
      }
      if (labels != null && labels[i] < 0) {
        throw new BadInputException(
            "the label of audit row "
                + i
                + " is "
                + labels[i]
                + "; labels must be class indices >= 0");
      }
    }
  }

  private static List<SliceMetrics> slices(
      double[] scores, boolean[] isMember, int[] labels, List<String> warnings) {
    int[] distinct = Arrays.stream(labels).sorted().distinct().toArray();
    int[] memberCount = new int[distinct.length];
    int[] nonMemberCount = new int[distinct.length];
    int[] slot = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      slot[i] = Arrays.binarySearch(distinct, labels[i]);
      if (isMember[i]) {
        memberCount[slot[i]]++;
      } else {
        nonMemberCount[slot[i]]++;
      }
    }
    double[][] memberScores = new double[distinct.length][];
    double[][] nonMemberScores = new double[distinct.length][];
    for (int s = 0; s < distinct.length; s++) {
      memberScores[s] = new double[memberCount[s]];
      nonMemberScores[s] = new double[nonMemberCount[s]];
    }
    int[] memberFill = new int[distinct.length];
    int[] nonMemberFill = new int[distinct.length];
    for (int i = 0; i < labels.length; i++) {
      int s = slot[i];
      if (isMember[i]) {
        memberScores[s][memberFill[s]++] = scores[i];
      } else {
        nonMemberScores[s][nonMemberFill[s]++] = scores[i];
      }
    }
    long needed = nonMembersNeeded(SLICE_FPR);
    List<SliceMetrics> out = new ArrayList<>();
    List<Integer> oneSided = new ArrayList<>();
    List<Integer> tooSmall = new ArrayList<>();
    for (int s = 0; s < distinct.length; s++) {
      double auc = Double.NaN;
      double tpr = Double.NaN;
      if (memberCount[s] == 0 || nonMemberCount[s] == 0) {
        oneSided.add(distinct[s]);
      } else {
        RocCurve slice = RocCurve.ofClasses(memberScores[s], nonMemberScores[s]);
        auc = slice.auc();
        if (nonMemberCount[s] >= needed) {
          tpr = slice.tprAtFpr(SLICE_FPR);
        } else {
          tooSmall.add(distinct[s]);
        }
      }
      out.add(
          new SliceMetrics(distinct[s], memberCount[s], nonMemberCount[s], auc, SLICE_FPR, tpr));
    }
    if (!oneSided.isEmpty()) {
      warnings.add(
          "slices for labels "
              + listed(oneSided)
              + " lack members or non-members; their AUC and TPR are reported as NaN");
    }
    if (!tooSmall.isEmpty()) {
      warnings.add(
          "slices for labels "
              + listed(tooSmall)
              + " have fewer than "
              + needed
              + " non-members; their TPR at FPR "
              + SLICE_FPR
              + " is reported as NaN");
    }
    return out;
  }

  private static String listed(List<Integer> labels) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(labels.size(), MAX_LABELS_LISTED); i++) {
      text.append(i == 0 ? "" : ", ").append(labels.get(i));
    }
    if (labels.size() > MAX_LABELS_LISTED) {
      text.append(" and ").append(labels.size() - MAX_LABELS_LISTED).append(" more");
    }
    return text.toString();
  }
}
