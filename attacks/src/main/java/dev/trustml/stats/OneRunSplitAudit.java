package dev.trustml.stats;

import java.util.SplittableRandom;

/**
 * The one-run bound of Steinke, Nasr &amp; Jagielski ("Privacy Auditing with One (1) Training Run",
 * NeurIPS 2023; {@link OneRunAudit}) with the guesses chosen without looking at the answers they
 * are scored on.
 *
 * <p>A seeded random half of the rows (the selection half) chooses how to guess: for each number of
 * guesses in {@link #TOTALS} (as a share of the rows) and each share of them guessed "member" in
 * {@link #POSITIVE_SHARES}, the bound is computed on the selection half with its membership, and
 * the best pair is kept. The other half holds the canaries: the chosen shares are applied to its
 * scores and the bound is computed there once, with m = its rows. Its membership is used only to
 * count correct guesses.
 *
 * <p>Why this is rigorous. The paper's theorem bounds the correct guesses of any guesser whose
 * guesses are a function of the mechanism's output, given the number r of guesses; the selection
 * half's rows are not canaries, their independent coin flips are information the guesser may use.
 * Which rows are guessed, and with which sign, may therefore depend on the model and the selection
 * half; only r must not depend on the output. So r is taken from the fixed grid of {@link #TOTALS}
 * (G = 4 values, depending only on m) and the bound is taken at confidence {@code 1 - (1 - c)/G}:
 * for each fixed total the guesser "the chosen guesses when this total is chosen, otherwise this
 * total's guesses made some fixed way" obeys the theorem, and the union bound over the G totals
 * covers whichever was chosen.
 *
 * <p>Why a split rather than all rows with a Bonferroni correction over every (k+, k-) pair: the
 * (epsilon, delta) p-value has an additive term 2 m delta alpha (Algorithm 2 of the paper) that
 * does not shrink with more correct guesses; at delta = 1e-5 and m in the thousands it exceeds a
 * significance divided by a large grid, capping the bound below 1 however strong the attack. A
 * small G keeps the significance above that term; halving m halves it.
 */
public final class OneRunSplitAudit {
  /** Numbers of guesses as shares of the canaries; fixed in advance (the union bound's G). */
  public static final double[] TOTALS = {0.02, 0.1, 0.3, 1.0};

  /** Shares of the guesses that guess "member" (the rest guess "non-member"); chosen freely. */
  public static final double[] POSITIVE_SHARES = {0.0, 0.25, 0.5, 0.75, 1.0};

  // Keeps the split's random stream apart from other uses of the same seed.
  private static final long SALT = 0x0e_5a1f_b0d5L;

  private OneRunSplitAudit() {}

  /**
   * The audit's outcome.
   *
   * @param bound the one-run audit of the canary half (its confidence is the per-total one)
   * @param selectionRows rows of the selection half
   * @param total the chosen number of guesses as a share of the canaries
   * @param positiveShare the chosen share of guesses that guess "member"
   * @param confidence the confidence of {@code bound.epsilonLowerBound()} (union over totals)
   */
  public record Result(
      OneRunAuditResult bound,
      int selectionRows,
      double total,
      double positiveShare,
      double confidence) {}

  /**
   * Runs the audit.
   *
   * @param scores one score per row (higher = more likely included); must not depend on the rows'
   *     inclusion
   * @param included whether each row was in the training set, each by an independent fair coin
   * @param delta the delta of the audited claim
   * @param confidence the overall confidence in (0, 1)
   * @param seed the split and tie-breaks
   * @throws IllegalArgumentException with fewer than 2 rows
   */
  public static Result audit(
      double[] scores, boolean[] included, double delta, double confidence, long seed) {
    int n = scores.length;
    if (included.length != n) {
      throw new IllegalArgumentException(
          "scores has " + n + " rows but included has " + included.length);
    }
    if (n < 2) {
      throw new IllegalArgumentException("a split one-run bound needs at least 2 rows, got " + n);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    int[] order = permutation(n, seed);
    int selection = n / 2;
    double[] selScores = new double[selection];
    boolean[] selIncluded = new boolean[selection];
    double[] canaryScores = new double[n - selection];
    boolean[] canaryIncluded = new boolean[n - selection];
    for (int i = 0; i < n; i++) {
      int row = order[i];
      if (i < selection) {
        selScores[i] = scores[row];
        selIncluded[i] = included[row];
      } else {
        canaryScores[i - selection] = scores[row];
        canaryIncluded[i - selection] = included[row];
      }
    }
    double perTotal = 1.0 - (1.0 - confidence) / TOTALS.length;
    double bestTotal = TOTALS[0];
    double bestShare = POSITIVE_SHARES[0];
    double bestValue = -1;
    for (double total : TOTALS) {
      for (double share : POSITIVE_SHARES) {
        int[] k = guesses(selection, total, share);
        double value =
            OneRunAudit.audit(selScores, selIncluded, k[0], k[1], delta, perTotal, seed)
                .epsilonLowerBound();
        if (value > bestValue) {
          bestValue = value;
          bestTotal = total;
          bestShare = share;
        }
      }
    }
    int[] k = guesses(canaryScores.length, bestTotal, bestShare);
    OneRunAuditResult bound =
        OneRunAudit.audit(canaryScores, canaryIncluded, k[0], k[1], delta, perTotal, seed + 1);
    return new Result(bound, selection, bestTotal, bestShare, confidence);
  }

  /** {k+, k-} for m canaries: round(total m) guesses, round(share of them) guessing "member". */
  static int[] guesses(int m, double total, double positiveShare) {
    int r = (int) Math.min(m, Math.round(total * m));
    int plus = (int) Math.round(positiveShare * r);
    return new int[] {plus, r - plus};
  }

  private static int[] permutation(int n, long seed) {
    return Shuffle.permutation(n, new SplittableRandom(seed ^ SALT));
  }
}
