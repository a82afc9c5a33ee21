package dev.trustml.canary;

/**
 * How a secret fared against candidates drawn uniformly (with replacement) from the rest of its
 * space: the raw counts from which {@link dev.trustml.stats.SampledRank} bounds its rank.
 *
 * @param sampled candidates drawn, never the secret itself
 * @param atOrBelow those whose loss is at or below the secret's (ties count against the secret)
 * @param otherCandidates |R| - 1, the candidates they were drawn from (a double: |R| may exceed a
 *     long)
 */
public record RankSample(long sampled, long atOrBelow, double otherCandidates) {
  /** Validates the counts. */
  public RankSample {
    if (sampled < 1 || atOrBelow < 0 || atOrBelow > sampled || !(otherCandidates >= 1)) {
      throw new IllegalArgumentException(
          "need 0 <= atOrBelow <= sampled, sampled >= 1 and at least one other candidate, got "
              + atOrBelow
              + " of "
              + sampled
              + " from "
              + otherCandidates);
    }
  }

  /** Counts the sampled losses at or below {@code secretLoss}. */
  static RankSample of(double secretLoss, double[] sampledLosses, double otherCandidates) {
    long atOrBelow = 0;
    for (double loss : sampledLosses) {
      atOrBelow += loss <= secretLoss ? 1 : 0;
    }
    return new RankSample(sampledLosses.length, atOrBelow, otherCandidates);
  }
}
