package dev.trustml.canary;

/** How an exposure value was obtained. */
public enum ExposureMethod {
  /** From the exact rank among all candidates (Carlini et al. 2019, Def. 4). */
  EXACT_RANK,
  /** From a skew-normal fitted to sampled candidate losses (Carlini et al. 2019, Sec. 4.3). */
  SKEW_NORMAL_EXTRAPOLATION,
  /**
   * The sampled losses were all equal, so no distribution could be fitted (see {@link Exposure}).
   */
  DEGENERATE_SAMPLE
}
