package dev.trustml.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Privacy auditing with one training run: Steinke, Nasr &amp; Jagielski, "Privacy Auditing with One
 * (1) Training Run", NeurIPS 2023.
 *
 * <p>m canaries are each included independently with probability 1/2. After training, the auditor
 * guesses "included" for the k+ highest-scoring canaries and "excluded" for the k- lowest, and
 * abstains on the rest; v of the r = k+ + k- guesses are right. If training is (eps, delta)-DP, the
 * number of correct guesses W satisfies (their Theorem 3 with delta = 0, Proposition 5 / Algorithm
 * 2 in general)
 *
 * <pre>P[W &gt;= v] &lt;= P[Binomial(r, q) &gt;= v] + 2 m delta * alpha,   q = e^eps / (1 + e^eps),
 * alpha = max over i in 1..v of P[v - i &lt;= Binomial(r, q) &lt; v] / i.</pre>
 *
 * The lower bound is the largest eps whose p-value stays below 1 - confidence, found by bisection
 * as in the paper's appendix code (there called {@code get_eps_audit}). The guess counts k+ and k-
 * must be fixed before looking at the scores; choosing them after would need a correction ({@link
 * OneRunSplitAudit} chooses them on other rows).
 */
public final class OneRunAudit {
  private static final int BISECTION_STEPS = 200;

  private OneRunAudit() {}

  /**
   * The p-value of v or more correct guesses out of r under the hypothesis "(eps, delta)-DP".
   *
   * @param m number of canaries, &gt;= r
   * @param r number of guesses made
   * @param v number of correct guesses, &lt;= r
   */
  public static double pValue(int m, int r, int v, double eps, double delta) {
    checkCounts(m, r, v);
    if (!(eps >= 0)) {
      throw new IllegalArgumentException("eps must be >= 0, got " + eps);
    }
    checkDelta(delta);
    // q = 1/(1 + e^-eps) and 1 - q = 1/(1 + e^eps), both through logs to keep the small one exact.
    double logQ = -Math.log1p(Math.exp(-eps));
    double logOneMinusQ = -eps - Math.log1p(Math.exp(-eps));
    double q = Math.exp(logQ);
    double tail = Binomial.upperTail(v, r, q);
    if (delta == 0 || v == 0) {
      return Math.min(tail, 1.0);
    }
    // alpha: the largest average mass of the i outcomes just below v (Algorithm 2 of the paper).
    // pmf(k - 1) = pmf(k) * k / (r - k + 1) * (1 - q) / q, walked downwards from k = v - 1.
    double ratio = Math.exp(logOneMinusQ - logQ);
    double pmf = Math.exp(Binomial.logPmf(v - 1, r, logQ, logOneMinusQ));
    double sum = 0;
    double alpha = 0;
    for (int i = 1; i <= v; i++) {
      int k = v - i;
      sum += pmf;
      if (sum > i * alpha) {
        alpha = sum / i;
      }
      pmf *= k * ratio / (r - k + 1.0);
    }
    return Math.min(tail + 2.0 * m * delta * alpha, 1.0);
  }

  /**
   * The largest eps with {@link #pValue} &lt; 1 - confidence (0 when even eps = 0 is not rejected).
   */
  public static double epsilonLowerBound(int m, int r, int v, double delta, double confidence) {
    checkCounts(m, r, v);
    checkDelta(delta);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double significance = 1.0 - confidence;
    if (pValue(m, r, v, 0.0, delta) >= significance) {
      return 0.0;
    }
    double lo = 0.0;
    double hi = 1.0;
    // q rounds to 1 near eps = 37, where the p-value is 1 whenever v <= r, so this terminates.
    while (pValue(m, r, v, hi, delta) < significance) {
      lo = hi;
      hi *= 2.0;
    }
    for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-13 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (pValue(m, r, v, mid, delta) < significance) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Runs the audit on canary scores (higher = more likely included): guesses "included" for the
   * positiveGuesses highest scores and "excluded" for the negativeGuesses lowest. Ties at a cut are
   * broken by a seeded random permutation, never by row order (row order may correlate with
   * inclusion, which would make the guesses peek at the answer).
   *
   * @param scores one score per canary
   * @param included whether each canary was in the training set
   */
  public static OneRunAuditResult audit(
      double[] scores,
      boolean[] included,
      int positiveGuesses,
      int negativeGuesses,
      double delta,
      double confidence,
      long seed) {
    int m = scores.length;
    if (included.length != m) {
      throw new IllegalArgumentException(
          "scores has " + m + " canaries but included has " + included.length);
    }
    if (positiveGuesses < 0 || negativeGuesses < 0 || positiveGuesses + negativeGuesses > m) {
      throw new IllegalArgumentException(
          "need 0 <= k+, k- and k+ + k- <= m, got k+="
              + positiveGuesses
              + " k-="
              + negativeGuesses
              + " m="
              + m);
    }
    for (double s : scores) {
      if (Double.isNaN(s)) {
        throw new IllegalArgumentException("canary scores must not be NaN");
      }
    }
    // guess[i]: +1 guessed included, -1 guessed excluded, 0 abstain.
    byte[] guess = new byte[m];
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    SplittableRandom random = new SplittableRandom(seed);
    double topCut = positiveGuesses > 0 ? sorted[m - positiveGuesses] : Double.POSITIVE_INFINITY;
    double bottomCut = negativeGuesses > 0 ? sorted[negativeGuesses - 1] : Double.NEGATIVE_INFINITY;
    int topNeeded = positiveGuesses;
    int bottomNeeded = negativeGuesses;
    for (int i = 0; i < m; i++) {
      if (positiveGuesses > 0 && scores[i] > topCut) {
        guess[i] = 1;
        topNeeded--;
      } else if (negativeGuesses > 0 && scores[i] < bottomCut) {
        guess[i] = -1;
        bottomNeeded--;
      }
    }
    // Rows tied at a cut, in random order: the first fill the top, the last fill the bottom.
    int[] topTies = tiedRows(scores, topCut, guess, positiveGuesses > 0);
    Shuffle.inPlace(topTies, random);
    for (int j = 0; j < topNeeded; j++) {
      guess[topTies[j]] = 1;
    }
    int[] bottomTies = tiedRows(scores, bottomCut, guess, negativeGuesses > 0);
    Shuffle.inPlace(bottomTies, random);
    for (int j = 0; j < bottomNeeded; j++) {
      guess[bottomTies[bottomTies.length - 1 - j]] = -1;
    }
    int correct = 0;
    for (int i = 0; i < m; i++) {
      if ((guess[i] == 1 && included[i]) || (guess[i] == -1 && !included[i])) {
        correct++;
      }
    }
    int r = positiveGuesses + negativeGuesses;
    return new OneRunAuditResult(
        epsilonLowerBound(m, r, correct, delta, confidence),
        m,
        positiveGuesses,
        negativeGuesses,
        correct,
        confidence,
        delta);
  }

  /** Rows with score == cut that have no guess yet (empty when the cut is unused). */
  private static int[] tiedRows(double[] scores, double cut, byte[] guess, boolean used) {
    if (!used) {
      return new int[0];
    }
    int count = 0;
    for (int i = 0; i < scores.length; i++) {
      count += scores[i] == cut && guess[i] == 0 ? 1 : 0;
    }
    int[] rows = new int[count];
    int k = 0;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] == cut && guess[i] == 0) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  private static void checkCounts(int m, int r, int v) {
    if (!(0 <= v && v <= r && r <= m)) {
      throw new IllegalArgumentException(
          "need 0 <= v <= r <= m, got v=" + v + " r=" + r + " m=" + m);
    }
  }

  private static void checkDelta(double delta) {
    if (!(delta >= 0 && delta <= 1)) {
      throw new IllegalArgumentException("delta must be in [0, 1], got " + delta);
    }
  }
}
