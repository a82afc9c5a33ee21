package dev.trustml.results;

/**
 * One canary's differential-privacy test (see {@code dev.trustml.stats.SecretRankBound}): the rank
 * its secret reached, and the largest epsilon that rank refutes.
 *
 * @param value the epsilon lower bound (0 when the rank refutes nothing)
 * @param rigor {@code rigorous} when the secret was drawn uniformly by trustml and the rank is
 *     exact or a rigorous upper bound; else {@code estimate}
 * @param basis how the rank was obtained: {@code exact-rank} (every candidate scored), {@code
 *     sampled-rank} (Clopper-Pearson upper bound from uniformly sampled candidates) or {@code
 *     extrapolated-rank} (skew-normal fit; an estimate)
 * @param rank the rank the test used: exact, an upper bound, or an estimate
 * @param sampled candidates sampled, for {@code sampled-rank}; else null
 * @param sampledAtOrBelow sampled candidates at or below the secret's loss, for {@code
 *     sampled-rank}; else null
 * @param repetitions k, the copies planted (group privacy over k records)
 * @param delta the delta the test assumes (the claim's, 0 without a claim)
 * @param confidence the confidence the bound holds at, family-wise over every bound of the audit
 * @param pValue the p-value of the rank under the claimed (epsilon, delta), or null without a claim
 * @param note why the bound is only an estimate; null when rigorous
 */
public record CanaryBound(
    double value,
    BoundRigor rigor,
    String basis,
    double rank,
    Long sampled,
    Long sampledAtOrBelow,
    int repetitions,
    double delta,
    double confidence,
    Double pValue,
    String note) {
  /** Basis: every candidate was scored. */
  public static final String EXACT_RANK = "exact-rank";

  /** Basis: a Clopper-Pearson upper bound on the rank from uniformly sampled candidates. */
  public static final String SAMPLED_RANK = "sampled-rank";

  /** Basis: the rank implied by the skew-normal extrapolated exposure. */
  public static final String EXTRAPOLATED_RANK = "extrapolated-rank";
}
