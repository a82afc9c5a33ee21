package dev.trustml.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Empirical lower bounds on epsilon from a membership attack's errors.
 *
 * <p>Any test that decides "member" vs "non-member" against an (eps, delta)-DP mechanism has FPR +
 * e^eps FNR &gt;= 1 - delta and FNR + e^eps FPR &gt;= 1 - delta (Kairouz, Oh &amp; Viswanath 2015,
 * Thm 2.1). Replacing the rates by Clopper-Pearson upper bounds FPR+ and FNR+ gives
 *
 * <pre>eps_lb = max( ln((1 - delta - FPR+) / FNR+), ln((1 - delta - FNR+) / FPR+) ), clamped at 0,
 * </pre>
 *
 * as in Jagielski, Ullman &amp; Oprea 2020 ("Auditing Differentially Private Machine Learning: How
 * Private is Private SGD?", NeurIPS, section 4) and Nasr et al. 2021 (IEEE S&amp;P, eq. 3).
 *
 * <p>Confidence: the bound needs FPR+ and FNR+ to hold <em>jointly</em>, so at overall confidence c
 * each one-sided upper bound is taken at level 1 - (1 - c)/2 (a union bound). Numerically this is
 * the upper end of the two-sided c-level Clopper-Pearson interval, which is what the authors' code
 * computes (statsmodels proportion_confint(method="beta")). Check: 0 of 500 members missed and 0 of
 * 500 non-members flagged at c = 0.99 gives FPR+ = FNR+ = 1 - 0.005^(1/500) and eps_lb = 4.5419; a
 * one-sided 0.99 bound on each would give 4.6828 and would only hold with probability 0.98.
 */
public final class EpsilonLowerBound {
  // Beyond this many operating points, the threshold search uses geometric grids of error counts.
  private static final int EXHAUSTIVE_POINTS = 2048;
  private static final double GRID_RATIO = 1.02;

  private EpsilonLowerBound() {}

  /**
   * The bound from the confusion counts of one fixed threshold.
   *
   * @param falsePositives flagged non-members
   * @param nonMembers all non-members, &gt; 0
   * @param falseNegatives unflagged members
   * @param members all members, &gt; 0
   * @param confidence overall confidence in (0, 1)
   * @param delta the audited delta in [0, 1)
   */
  public static double fromCounts(
      long falsePositives,
      long nonMembers,
      long falseNegatives,
      long members,
      double confidence,
      double delta) {
    checkLevels(confidence, delta);
    double level = perBoundLevel(confidence);
    return bound(
        ClopperPearson.upper(falsePositives, nonMembers, level),
        ClopperPearson.upper(falseNegatives, members, level),
        delta);
  }

  /**
   * The bound at a threshold fixed before looking at the rows (rule: score &gt;= threshold flags a
   * member), using every row.
   */
  public static EpsilonLowerBoundResult atThreshold(
      double[] scores, boolean[] isMember, double threshold, double confidence, double delta) {
    checkLevels(confidence, delta);
    checkShapes(scores, isMember);
    long members = 0;
    long falseNegatives = 0;
    long falsePositives = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean flagged = scores[i] >= threshold;
      if (isMember[i]) {
        members++;
        falseNegatives += flagged ? 0 : 1;
      } else {
        falsePositives += flagged ? 1 : 0;
      }
    }
    long nonMembers = scores.length - members;
    if (members == 0 || nonMembers == 0) {
      throw new IllegalArgumentException(
          "an epsilon bound needs members and non-members, got " + members + " and " + nonMembers);
    }
    return result(
        EpsilonBoundMethod.FIXED_THRESHOLD,
        threshold,
        falsePositives,
        nonMembers,
        falseNegatives,
        members,
        confidence,
        delta);
  }

  /**
   * The bound with a data-chosen threshold, made honest by sample splitting: a seeded random half
   * of the members and of the non-members chooses the threshold that maximises the bound on that
   * half; the reported bound uses only the other half. (Maximising the bound rather than the plain
   * point estimate ln((1-delta-FPR)/FNR): the point estimate is infinite at every threshold with
   * zero errors on one side, which is where small halves almost always pick.)
   *
   * @throws IllegalArgumentException when there are fewer than 2 members or 2 non-members
   */
  public static EpsilonLowerBoundResult splitHalf(
      double[] scores, boolean[] isMember, double confidence, double delta, long seed) {
    checkLevels(confidence, delta);
    checkShapes(scores, isMember);
    int memberCount = 0;
    for (boolean member : isMember) {
      memberCount += member ? 1 : 0;
    }
    int nonMemberCount = scores.length - memberCount;
    if (memberCount < 2 || nonMemberCount < 2) {
      throw new IllegalArgumentException(
          "a split-half epsilon bound needs at least 2 members and 2 non-members, got "
              + memberCount
              + " and "
              + nonMemberCount);
    }
    int[] memberRows = new int[memberCount];
    int[] nonMemberRows = new int[nonMemberCount];
    int m = 0;
    int n = 0;
    for (int i = 0; i < scores.length; i++) {
      if (isMember[i]) {
        memberRows[m++] = i;
      } else {
        nonMemberRows[n++] = i;
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    Shuffle.inPlace(memberRows, random);
    Shuffle.inPlace(nonMemberRows, random);
    int selectMembers = memberCount / 2;
    int selectNonMembers = nonMemberCount / 2;

    RocCurve selection =
        RocCurve.ofClasses(
            gather(scores, memberRows, selectMembers),
            gather(scores, nonMemberRows, selectNonMembers));
    double threshold = bestThreshold(selection, confidence, delta);

    long falseNegatives = 0;
    for (int i = selectMembers; i < memberCount; i++) {
      falseNegatives += scores[memberRows[i]] >= threshold ? 0 : 1;
    }
    long falsePositives = 0;
    for (int i = selectNonMembers; i < nonMemberCount; i++) {
      falsePositives += scores[nonMemberRows[i]] >= threshold ? 1 : 0;
    }
    return result(
        EpsilonBoundMethod.SPLIT_HALF,
        threshold,
        falsePositives,
        nonMemberCount - selectNonMembers,
        falseNegatives,
        memberCount - selectMembers,
        confidence,
        delta);
  }

  /** Each of the two one-sided bounds is taken at 1 - (1 - c)/2 so that both hold jointly. */
  static double perBoundLevel(double confidence) {
    return 1.0 - 0.5 * (1.0 - confidence);
  }

  private static double bound(double fprUpper, double fnrUpper, double delta) {
    double viaFnr = Math.log((1.0 - delta - fprUpper) / fnrUpper);
    double viaFpr = Math.log((1.0 - delta - fnrUpper) / fprUpper);
    // NaN (negative numerator) means that side certifies nothing.
    double best = 0.0;
    if (viaFnr > best) {
      best = viaFnr;
    }
    if (viaFpr > best) {
      best = viaFpr;
    }
    return best;
  }

  private static EpsilonLowerBoundResult result(
      EpsilonBoundMethod method,
      double threshold,
      long falsePositives,
      long nonMembers,
      long falseNegatives,
      long members,
      double confidence,
      double delta) {
    double level = perBoundLevel(confidence);
    double fprUpper = ClopperPearson.upper(falsePositives, nonMembers, level);
    double fnrUpper = ClopperPearson.upper(falseNegatives, members, level);
    return new EpsilonLowerBoundResult(
        bound(fprUpper, fnrUpper, delta),
        confidence,
        delta,
        method,
        threshold,
        Math.toIntExact(members + nonMembers),
        falsePositives,
        nonMembers,
        falseNegatives,
        members,
        fprUpper,
        fnrUpper);
  }

  /**
   * The threshold of the selection curve's operating point with the largest bound. With many points
   * only the Pareto-relevant candidates on geometric grids of error counts are tried: for each
   * false-positive budget the point with the most true positives, and for each false-negative
   * budget the point with the fewest false positives (ratio 1.02, so the search loses at most ~2%
   * in the error counts). The choice only affects power; soundness comes from the split.
   */
  private static double bestThreshold(RocCurve curve, double confidence, double delta) {
    double level = perBoundLevel(confidence);
    int members = curve.members();
    int nonMembers = curve.nonMembers();
    double[] fprUpperCache = new double[nonMembers + 1];
    double[] fnrUpperCache = new double[members + 1];
    Arrays.fill(fprUpperCache, Double.NaN);
    Arrays.fill(fnrUpperCache, Double.NaN);
    int points = curve.pointCount();
    int[] candidates = points <= EXHAUSTIVE_POINTS ? allPoints(points) : gridPoints(curve);
    int best = 0;
    double bestValue = -1;
    for (int i : candidates) {
      int fp = curve.falsePositives(i);
      int fn = members - curve.truePositives(i);
      if (Double.isNaN(fprUpperCache[fp])) {
        fprUpperCache[fp] = ClopperPearson.upper(fp, nonMembers, level);
      }
      if (Double.isNaN(fnrUpperCache[fn])) {
        fnrUpperCache[fn] = ClopperPearson.upper(fn, members, level);
      }
      double value = bound(fprUpperCache[fp], fnrUpperCache[fn], delta);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    return thresholdBetween(curve, best);
  }

  /**
   * A threshold that reproduces point i on the selection half and generalises to unseen scores:
   * midway between point i's score and the next lower distinct score.
   */
  private static double thresholdBetween(RocCurve curve, int i) {
    double at = curve.threshold(i);
    if (i == 0 || i + 1 >= curve.pointCount()) {
      return i == 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    double below = curve.threshold(i + 1);
    double mid = 0.5 * at + 0.5 * below;
    return Double.isFinite(mid) && mid > below && mid <= at ? mid : at;
  }

  private static int[] allPoints(int points) {
    int[] all = new int[points];
    for (int i = 0; i < points; i++) {
      all[i] = i;
    }
    return all;
  }

  private static int[] gridPoints(RocCurve curve) {
    int members = curve.members();
    int points = curve.pointCount();
    int[] out = new int[2 * (gridSize(curve.nonMembers()) + gridSize(members))];
    int count = 0;
    for (long budget = 0; budget <= curve.nonMembers(); budget = nextBudget(budget)) {
      out[count++] = curve.lastPointWithin(budget);
    }
    for (long budget = 0; budget <= members; budget = nextBudget(budget)) {
      // First point with at most `budget` false negatives, i.e. tp >= members - budget.
      long needTp = members - budget;
      int lo = 0;
      int hi = points - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (curve.truePositives(mid) >= needTp) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      out[count++] = lo;
    }
    return Arrays.stream(out, 0, count).sorted().distinct().toArray();
  }

  private static int gridSize(long max) {
    int size = 0;
    for (long budget = 0; budget <= max; budget = nextBudget(budget)) {
      size++;
    }
    return size;
  }

  private static long nextBudget(long budget) {
    return Math.max(budget + 1, (long) Math.floor(budget * GRID_RATIO));
  }

  /** The scores of the first {@code count} of the given rows. */
  private static double[] gather(double[] scores, int[] rows, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = scores[rows[i]];
    }
    return out;
  }

  private static void checkShapes(double[] scores, boolean[] isMember) {
    if (scores.length != isMember.length) {
      throw new IllegalArgumentException(
          "scores has " + scores.length + " rows but isMember has " + isMember.length);
    }
  }

  private static void checkLevels(double confidence, double delta) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (!(delta >= 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
    }
  }
}
