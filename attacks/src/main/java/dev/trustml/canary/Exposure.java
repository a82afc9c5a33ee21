package dev.trustml.canary;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exposure of a secret (Carlini et al., "The Secret Sharer", USENIX Security 2019, Sec. 4, Def.
 * 3-4), adapted to a classifier: candidates are ranked by the loss of the canary's label instead of
 * a language model's log-perplexity.
 *
 * <p>rank = 1 + #{candidates r != secret : loss(r) &lt;= loss(secret)}, so ties count against the
 * secret (an attacker that cannot separate two candidates has not extracted either), and exposure =
 * log2|R| - log2 rank (Def. 4).
 */
public final class Exposure {
  private static final double LN2 = Math.log(2);

  private Exposure() {}

  /** The secret's rank among itself and the other candidates; ties count against the secret. */
  public static long rank(double secretLoss, double[] otherCandidateLosses) {
    long rank = 1;
    for (double loss : otherCandidateLosses) {
      if (loss <= secretLoss) {
        rank++;
      }
    }
    return rank;
  }

  /** log2|R| - log2 rank (Carlini et al. 2019, Def. 4). */
  public static double fromRank(long rank, double log2SpaceSize) {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    return log2SpaceSize - Math.log(rank) / LN2;
  }

  /**
   * Exact exposure when every other candidate's loss is known: |R| = {@code
   * otherCandidateLosses.length + 1}.
   */
  public static ExposureEstimate exact(double secretLoss, double[] otherCandidateLosses) {
    long size = otherCandidateLosses.length + 1L;
    double maxBits = Math.log(size) / LN2;
    long rank = rank(secretLoss, otherCandidateLosses);
    return exactFromRank(rank, maxBits, otherCandidateLosses.length);
  }

  /** Exact exposure from a rank already counted (e.g. while enumerating). */
  public static ExposureEstimate exactFromRank(long rank, double log2SpaceSize, long others) {
    return new ExposureEstimate(
        ExposureMethod.EXACT_RANK,
        fromRank(rank, log2SpaceSize),
        log2SpaceSize,
        OptionalLong.of(rank),
        Optional.empty(),
        others);
  }

  /**
   * Extrapolated exposure (Carlini et al. 2019, Sec. 4.3): fit a skew-normal to the losses of
   * uniformly sampled candidates and take exposure ~= -log2 P_fit(loss &lt;= loss(secret)), i.e.
   * the rank is estimated as |R| times the fitted fraction of candidates at or below the secret.
   * The result is clamped to [0, log2|R|], since the rank is at least 1.
   *
   * <p>If all sampled losses are equal there is nothing to fit: the exposure is 0 when the secret
   * is no better than them (ties count against it) and log2|R| when it is strictly better.
   */
  public static ExposureEstimate extrapolated(
      double secretLoss, double[] sampledLosses, double log2SpaceSize) {
    if (isConstant(sampledLosses)) {
      double bits = secretLoss < sampledLosses[0] ? log2SpaceSize : 0;
      return new ExposureEstimate(
          ExposureMethod.DEGENERATE_SAMPLE,
          bits,
          log2SpaceSize,
          OptionalLong.empty(),
          Optional.empty(),
          sampledLosses.length);
    }
    SkewNormal fit = SkewNormalFit.maximumLikelihood(sampledLosses);
    return extrapolated(secretLoss, fit, log2SpaceSize, sampledLosses.length);
  }

  /** Extrapolated exposure from an already fitted distribution. */
  public static ExposureEstimate extrapolated(
      double secretLoss, SkewNormal fit, double log2SpaceSize, long sampleSize) {
    double bits = -fit.logCdf(secretLoss) / LN2;
    bits = Math.max(0, Math.min(log2SpaceSize, bits));
    return new ExposureEstimate(
        ExposureMethod.SKEW_NORMAL_EXTRAPOLATION,
        bits,
        log2SpaceSize,
        OptionalLong.empty(),
        Optional.of(fit),
        sampleSize);
  }

  private static boolean isConstant(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no sampled losses to extrapolate from");
    }
    for (double v : values) {
      if (v != values[0]) {
        return false;
      }
    }
    return true;
  }
}
