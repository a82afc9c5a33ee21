package dev.trustml.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact empirical ROC curve of membership scores (higher score = more likely a member).
 *
 * <p>Rows with tied scores form a single step: one operating point per distinct score, so a tie
 * between a member and a non-member contributes a diagonal segment, and the area under the curve
 * (trapezoids) equals the Mann-Whitney U statistic / (n1 n0) with ties counted 1/2.
 *
 * <p>Memory: the scores of each class are copied into a primitive double[] and sorted; the curve
 * keeps one double and two ints per distinct score. No per-row objects, so 1e6 rows cost ~30 MB
 * transiently.
 */
public final class RocCurve {
  private final int members;
  private final int nonMembers;
  // Distinct scores in descending order; point i >= 1 uses thresholds[i - 1].
  private final double[] thresholds;
  // Flagged members / non-members at point i (rule "score >= threshold"), length = points.
  private final int[] truePositives;
  private final int[] falsePositives;

  private RocCurve(int members, int nonMembers, double[] thresholds, int[] tp, int[] fp) {
    this.members = members;
    this.nonMembers = nonMembers;
    this.thresholds = thresholds;
    this.truePositives = tp;
    this.falsePositives = fp;
  }

  /**
   * The curve of scores against ground truth.
   *
   * @throws IllegalArgumentException on different lengths, a NaN score, or when either class is
   *     empty
   */
  public static RocCurve of(double[] scores, boolean[] isMember) {
    if (scores.length != isMember.length) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " rows but isMember has " + isMember.length);
    }
    int memberCount = 0;
    for (boolean member : isMember) {
      memberCount += member ? 1 : 0;
    }
    double[] memberScores = new double[memberCount];
    double[] nonMemberScores = new double[scores.length - memberCount];
    int m = 0;
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (isMember[i]) {
        memberScores[m++] = scores[i];
      } else {
        nonMemberScores[n++] = scores[i];
      }
    }
    return ofSortedInPlace(memberScores, nonMemberScores);
  }

  /** The curve from the two classes' scores given separately (arrays are not modified). */
  public static RocCurve ofClasses(double[] memberScores, double[] nonMemberScores) {
    return ofSortedInPlace(memberScores.clone(), nonMemberScores.clone());
  }

  private static RocCurve ofSortedInPlace(double[] memberScores, double[] nonMemberScores) {
    if (memberScores.length == 0 || nonMemberScores.length == 0) {
      throw new IllegalArgumentException(
          "a ROC curve needs members and non-members, got "
              + memberScores.length
              + " members and "
              + nonMemberScores.length
              + " non-members");
    }
    rejectNaN(memberScores);
    rejectNaN(nonMemberScores);
    Arrays.sort(memberScores);
    Arrays.sort(nonMemberScores);
    // Walk both ascending arrays from the top, one distinct score at a time.
    int mi = memberScores.length - 1;
    int ni = nonMemberScores.length - 1;
    double[] distinct = new double[memberScores.length + nonMemberScores.length];
    int[] tp = new int[distinct.length + 1];
    int[] fp = new int[distinct.length + 1];
    int groups = 0;
    while (mi >= 0 || ni >= 0) {
      double score;
      if (mi < 0) {
        score = nonMemberScores[ni];
      } else if (ni < 0) {
        score = memberScores[mi];
      } else {
        score = Math.max(memberScores[mi], nonMemberScores[ni]);
      }
      // == also merges -0.0 with 0.0, which Arrays.sort keeps apart.
      while (mi >= 0 && memberScores[mi] == score) {
        mi--;
      }
      while (ni >= 0 && nonMemberScores[ni] == score) {
        ni--;
      }
      distinct[groups] = score;
      groups++;
      tp[groups] = memberScores.length - 1 - mi;
      fp[groups] = nonMemberScores.length - 1 - ni;
    }
    return new RocCurve(
        memberScores.length,
        nonMemberScores.length,
        Arrays.copyOf(distinct, groups),
        Arrays.copyOf(tp, groups + 1),
        Arrays.copyOf(fp, groups + 1));
  }

  private static void rejectNaN(double[] scores) {
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("a ROC curve cannot rank NaN scores");
      }
    }
  }

  /** Number of member rows (positives). */
  public int members() {
    return members;
  }

  /** Number of non-member rows (negatives). */
  public int nonMembers() {
    return nonMembers;
  }

  /** Number of operating points: distinct scores + 1 (the "flag nobody" point). */
  public int pointCount() {
    return truePositives.length;
  }

  /** Members flagged at point i. */
  public int truePositives(int i) {
    return truePositives[i];
  }

  /** Non-members flagged at point i. */
  public int falsePositives(int i) {
    return falsePositives[i];
  }

  /** Threshold of point i (+infinity for point 0). */
  public double threshold(int i) {
    return i == 0 ? Double.POSITIVE_INFINITY : thresholds[i - 1];
  }

  /** True-positive rate at point i. */
  public double tpr(int i) {
    return truePositives[i] / (double) members;
  }

  /** False-positive rate at point i. */
  public double fpr(int i) {
    return falsePositives[i] / (double) nonMembers;
  }

  /** Operating point i. */
  public RocPoint point(int i) {
    return new RocPoint(fpr(i), tpr(i), threshold(i));
  }

  /**
   * Area under the curve = P[member score &gt; non-member score] + P[tie]/2 (Mann-Whitney U / (n1
   * n0)). Computed exactly in integers: sum over distinct scores of fp_g (2 TP_before + tp_g), over
   * 2 n1 n0.
   */
  public double auc() {
    return aucFromCounts(truePositives, falsePositives, members, nonMembers);
  }

  static double aucFromCounts(int[] tp, int[] fp, long members, long nonMembers) {
    long twiceU = 0;
    for (int i = 1; i < tp.length; i++) {
      long fpGroup = fp[i] - fp[i - 1];
      twiceU += fpGroup * ((long) tp[i - 1] + tp[i]);
    }
    return twiceU / (2.0 * members * nonMembers);
  }

  /**
   * TPR at a false-positive budget t, with the convention "the largest TPR among the curve's
   * operating points whose FPR is &lt;= t". No interpolation and no randomised mixing of two
   * thresholds: every reported value is achieved by a single deterministic threshold, so it never
   * overstates the attack. When fewer than 1/t non-members exist only FPR = 0 qualifies.
   */
  public double tprAtFpr(double t) {
    checkRate(t);
    return truePositives[lastPointWithin(maxFalsePositives(t, nonMembers))] / (double) members;
  }

  /** The best membership advantage max over thresholds of TPR - FPR (Yeom et al. 2018); &gt;= 0. */
  public double advantage() {
    double best = 0;
    for (int i = 0; i < truePositives.length; i++) {
      best = Math.max(best, tpr(i) - fpr(i));
    }
    return best;
  }

  /**
   * The best balanced accuracy max over thresholds of (TPR + 1 - FPR)/2 = (1 + advantage)/2; the
   * attack's orientation is taken as given (a score that anti-correlates with membership scores
   * 0.5, not above).
   */
  public double balancedAccuracy() {
    double best = 0;
    for (int i = 0; i < truePositives.length; i++) {
      best = Math.max(best, 0.5 * (tpr(i) + 1.0 - fpr(i)));
    }
    return best;
  }

  /**
   * At most maxPoints operating points for plotting: half on a linear FPR grid, half on a
   * logarithmic FPR grid from 1/n0 to 1 (so the low-FPR region that matters for membership
   * inference keeps its shape on log axes), plus the two end points. Each grid value maps to the
   * highest-TPR point within that FPR. Returns all points when there are few enough.
   */
  public List<RocPoint> downsample(int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("downsample needs maxPoints >= 2, got " + maxPoints);
    }
    int n = pointCount();
    List<RocPoint> out = new ArrayList<>();
    if (n <= maxPoints) {
      for (int i = 0; i < n; i++) {
        out.add(point(i));
      }
      return out;
    }
    int budget = maxPoints - 2;
    int linear = budget / 2;
    int logarithmic = budget - linear;
    int[] chosen = new int[maxPoints];
    int count = 0;
    chosen[count++] = 0;
    chosen[count++] = n - 1;
    for (int j = 1; j <= linear; j++) {
      chosen[count++] = lastPointWithin((long) Math.floor((double) j / (linear + 1) * nonMembers));
    }
    double logLow = -Math.log(nonMembers);
    for (int j = 0; j < logarithmic; j++) {
      double fraction = logarithmic == 1 ? 0 : (double) j / (logarithmic - 1);
      double fpr = Math.exp(logLow * (1.0 - fraction));
      chosen[count++] = lastPointWithin(maxFalsePositives(fpr, nonMembers));
    }
    int[] sorted = Arrays.stream(chosen, 0, count).sorted().distinct().toArray();
    for (int i : sorted) {
      out.add(point(i));
    }
    return out;
  }

  /**
   * The largest number of false positives whose rate stays within t: floor(t n0), with a relative
   * slack of 1e-12 so that e.g. 0.001 * 1000 counts as 1 despite binary rounding.
   */
  static long maxFalsePositives(double t, long nonMembers) {
    return (long) Math.floor(t * nonMembers * (1.0 + 1e-12));
  }

  /** Index of the last point with at most maxFp false positives (point 0 always qualifies). */
  int lastPointWithin(long maxFp) {
    int lo = 0;
    int hi = falsePositives.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (falsePositives[mid] <= maxFp) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Cumulative true positives per point (shared with {@link Bootstrap}; do not modify). */
  int[] truePositiveCounts() {
    return truePositives;
  }

  /** Cumulative false positives per point (shared with {@link Bootstrap}; do not modify). */
  int[] falsePositiveCounts() {
    return falsePositives;
  }

  static void checkRate(double t) {
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("a false-positive rate must be in [0, 1], got " + t);
    }
  }
}
