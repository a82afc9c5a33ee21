package dev.trustml.stats;

/**
 * A differential-privacy test on one canary: how unlikely is the rank its secret reached, if the
 * training were (eps, delta)-DP?
 *
 * <p>Setting (Carlini et al. 2019, "The Secret Sharer", USENIX Security, Sec. 4 "Exposure"): a
 * canary whose secret s was drawn uniformly at random from a candidate space R is planted k times;
 * after training, every candidate is ranked by the model's loss and the secret's rank is read off,
 * ties counted against the secret: rank(s) = #{c in R : loss(c) &lt;= loss(s)}.
 *
 * <p>Derivation. Let D be the training data with the k copies and D' the data without them.
 *
 * <ol>
 *   <li>Without the canary, the model is independent of s. For any fixed model, at most r
 *       candidates have rank &lt;= r (the one with the largest loss among j such candidates has
 *       rank &gt;= j), so for s uniform on R: P_{D'}[rank(s) &lt;= r] &lt;= r/|R|.
 *   <li>Group privacy (Dwork &amp; Roth 2014, "The Algorithmic Foundations of Differential
 *       Privacy", Theorem 2.2 and the remark after it for (eps, delta)): chaining the DP inequality
 *       over the k copies one at a time gives, for every event S,
 *       <pre>P_D[S] &lt;= e^{k eps} P_{D'}[S] + delta (1 + e^eps + ... + e^{(k-1) eps})
 *        = e^{k eps} P_{D'}[S] + delta_k,   delta_k = delta (e^{k eps} - 1)/(e^eps - 1),</pre>
 *       and delta_k &lt;= k e^{(k-1) eps} delta, the usual textbook form (equal when k = 1).
 *   <li>For each fixed secret s the event {rank(s) &lt;= r} is an event on the model, so 2. applies
 *       to it; averaging over the uniform s and using 1.:
 *       <pre>P_D[rank(s) &lt;= r] &lt;= e^{k eps} r/|R| + delta_k.</pre>
 * </ol>
 *
 * Hence the p-value of an observed rank r against the hypothesis "(eps, delta)-DP" is
 *
 * <pre>p(eps) = min(1, e^{k eps} r/|R| + delta_k(eps)),</pre>
 *
 * a valid (super-uniform) p-value under the hypothesis: P[p(eps) &lt;= a] &lt;= a for every a.
 * p(eps) increases with eps, so the rank refutes every eps with p(eps) &lt; 1 - confidence, and the
 * canary's epsilon lower bound is the root of p(eps) = 1 - confidence (0 when even eps = 0 is not
 * refuted): the bound exceeds the true eps with probability at most 1 - confidence. For k = 1 it is
 * the closed form eps_lb = ln((1 - confidence - delta) |R| / r); e.g. rank 1 of 10^4 at delta =
 * 1e-5 and 95% confidence gives ln(499.9) = 6.2144.
 *
 * <p>A rank that is only an upper bound on the true rank (e.g. {@link SampledRank}) can be used in
 * place of r: p(eps) grows with r, so the test stays valid on the event that the bound holds. The
 * bound needs the secret to have been drawn uniformly (a hand-picked secret is not uniform) and k
 * to be at least the number of copies trained on.
 */
public final class SecretRankBound {
  private static final int BISECTION_STEPS = 200;

  private SecretRankBound() {}

  /**
   * delta_k = delta (1 + e^eps + ... + e^{(k-1) eps}): the delta of a group of k records under
   * (eps, delta)-DP (Dwork &amp; Roth 2014, Theorem 2.2).
   */
  public static double groupDelta(int repetitions, double eps, double delta) {
    checkRepetitions(repetitions);
    if (eps == 0) {
      return repetitions * delta;
    }
    return delta * Math.expm1(repetitions * eps) / Math.expm1(eps);
  }

  /**
   * The p-value of a rank under "(eps, delta)-DP": min(1, e^{k eps} rank/|R| + delta_k).
   *
   * @param rank the secret's rank (ties against it), or an upper bound on it; &gt;= 1
   * @param log2Candidates log2 |R|
   * @param repetitions k, the copies planted
   */
  public static double pValue(
      double rank, double log2Candidates, int repetitions, double eps, double delta) {
    checkRank(rank, log2Candidates);
    checkRepetitions(repetitions);
    checkDelta(delta);
    if (!(eps >= 0)) {
      throw new IllegalArgumentException("eps must be >= 0, got " + eps);
    }
    double logShare = Math.log(rank) - log2Candidates * Math.log(2);
    double p = Math.exp(repetitions * eps + logShare) + groupDelta(repetitions, eps, delta);
    return Math.min(1.0, p);
  }

  /**
   * The largest eps the rank refutes at {@code confidence}: the root of {@link #pValue} = 1 -
   * confidence, or 0 when the rank does not refute eps = 0.
   */
  public static double epsilonLowerBound(
      double rank, double log2Candidates, int repetitions, double delta, double confidence) {
    checkRank(rank, log2Candidates);
    checkRepetitions(repetitions);
    checkDelta(delta);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    double alpha = 1.0 - confidence;
    if (pValue(rank, log2Candidates, repetitions, 0.0, delta) >= alpha) {
      return 0.0;
    }
    if (repetitions == 1) {
      // e^eps r/|R| + delta = alpha.
      return Math.log(alpha - delta) + log2Candidates * Math.log(2) - Math.log(rank);
    }
    double lo = 0.0;
    double hi = 1.0;
    // p grows without bound in eps (rank >= 1), so this ends.
    while (pValue(rank, log2Candidates, repetitions, hi, delta) < alpha) {
      lo = hi;
      hi *= 2.0;
    }
    for (int i = 0; i < BISECTION_STEPS && hi - lo > 1e-13 * hi; i++) {
      double mid = 0.5 * (lo + hi);
      if (pValue(rank, log2Candidates, repetitions, mid, delta) < alpha) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkRank(double rank, double log2Candidates) {
    if (!(log2Candidates >= 0) || Double.isInfinite(log2Candidates)) {
      throw new IllegalArgumentException("log2 |R| must be finite and >= 0, got " + log2Candidates);
    }
    // The rank may exceed |R| by rounding when it is a bound; only its lower end is checked.
    if (!(rank >= 1) || Double.isInfinite(rank)) {
      throw new IllegalArgumentException("rank must be finite and >= 1, got " + rank);
    }
  }

  private static void checkRepetitions(int repetitions) {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be >= 1, got " + repetitions);
    }
  }

  private static void checkDelta(double delta) {
    if (!(delta >= 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in [0, 1), got " + delta);
    }
  }
}
