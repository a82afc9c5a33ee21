package dev.trustml.stats;

/** How an empirical epsilon lower bound compares with a claimed (model-card) epsilon. */
public enum Verdict {
  /** The lower bound does not exceed the claim: the audit found no contradiction. */
  CONSISTENT,
  /** The lower bound exceeds the claim: at the bound's confidence, the claim is false. */
  VIOLATED,
  /** No epsilon was claimed, so there is nothing to check. */
  NO_CLAIM;

  /**
   * The verdict for a claim.
   *
   * @param claimedEpsilon the claimed epsilon, or null when the model makes no DP claim (+infinity
   *     is a claim that nothing can violate)
   * @param epsLowerBound the audited lower bound, &gt;= 0
   */
  public static Verdict of(Double claimedEpsilon, double epsLowerBound) {
    if (!(epsLowerBound >= 0)) {
      throw new IllegalArgumentException(
          "an epsilon lower bound must be >= 0, got " + epsLowerBound);
    }
    if (claimedEpsilon == null) {
      return NO_CLAIM;
    }
    if (!(claimedEpsilon >= 0)) {
      throw new IllegalArgumentException("a claimed epsilon must be >= 0, got " + claimedEpsilon);
    }
    // Strict: a bound that only equals the claim is exactly what a tight claim predicts.
    return epsLowerBound > claimedEpsilon ? VIOLATED : CONSISTENT;
  }
}
