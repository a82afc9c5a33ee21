package dev.trustml.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The one-run bound of Steinke, Nasr &amp; Jagielski ("Privacy Auditing with One (1) Training Run",
 * NeurIPS 2023; {@link OneRunAudit}) with the guess counts not chosen by looking at the answers.
 *
 * <p>The theorem holds for guess counts k+ and k- fixed in advance. Picking the counts that give
 * the largest bound after seeing which guesses were right would overstate it. Instead every point
 * of a fixed grid of guess fractions ({@link #FRACTIONS} per side; the grid depends only on m, the
 * number of canaries) is evaluated at confidence {@code 1 - (1 - c) / G}, G the number of distinct
 * grid points, and the largest bound is reported: by the union bound over the G fixed points it
 * holds at confidence c. Every canary is used for every point (no rows are spent on choosing).
 *
 * <p>Why not choose the fractions on a random half of the canaries and bound on the other half? The
 * chosen counts would still depend on the model's output, which the fixed-count theorem does not
 * cover, and halving m is costlier: when all r guesses are right the bound is ln(q / (1 - q)) with
 * q^r = s, s the significance, so it is driven by ln(1/s) / r. The grid adds ln G (ln 24 = 3.2) to
 * ln(1/s); halving the canaries halves r, i.e. doubles ln(1/s) / r, and ln(1/s) is 5.5 at 95% over
 * a dozen attacks.
 */
public final class OneRunGridAudit {
  /** Guess fractions per side, k+ / m and k- / m; points with k+ + k- &gt; m are left out. */
  public static final double[] FRACTIONS = {0.0, 0.01, 0.05, 0.2, 0.5};

  private OneRunGridAudit() {}

  /**
   * The grid's best point.
   *
   * @param best the point with the largest bound (its confidence is the per-point one)
   * @param gridPoints G, the distinct (k+, k-) pairs evaluated
   * @param confidence the family-wise confidence of {@code best.epsilonLowerBound()}
   */
  public record Result(OneRunAuditResult best, int gridPoints, double confidence) {}

  /** The distinct (k+, k-) pairs of the grid for m canaries, in grid order (no empty pair). */
  public static List<int[]> grid(int m) {
    List<int[]> points = new ArrayList<>();
    for (double plus : FRACTIONS) {
      for (double minus : FRACTIONS) {
        int kPlus = (int) Math.floor(plus * m);
        int kMinus = (int) Math.floor(minus * m);
        if (kPlus + kMinus == 0 || kPlus + kMinus > m) {
          continue;
        }
        boolean seen = false;
        for (int[] p : points) {
          seen |= p[0] == kPlus && p[1] == kMinus;
        }
        if (!seen) {
          points.add(new int[] {kPlus, kMinus});
        }
      }
    }
    return points;
  }

  /**
   * Runs the audit on canary scores (higher = more likely included).
   *
   * @param scores one score per canary; must not depend on the inclusion bits
   * @param included whether each canary was in the training set (each by an independent fair coin)
   * @param delta the delta of the audited claim
   * @param confidence the family-wise confidence in (0, 1)
   * @param seed breaks ties among equal scores
   * @throws IllegalArgumentException when there are too few canaries for any guess
   */
  public static Result audit(
      double[] scores, boolean[] included, double delta, double confidence, long seed) {
    List<int[]> grid = grid(scores.length);
    if (grid.isEmpty()) {
      throw new IllegalArgumentException(
          "a one-run bound needs at least one canary to guess on, got " + scores.length);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double perPoint = 1.0 - (1.0 - confidence) / grid.size();
    OneRunAuditResult best = null;
    for (int[] point : grid) {
      OneRunAuditResult r =
          OneRunAudit.audit(scores, included, point[0], point[1], delta, perPoint, seed);
      if (best == null || r.epsilonLowerBound() > best.epsilonLowerBound()) {
        best = r;
      }
    }
    return new Result(best, grid.size(), confidence);
  }
}
