package dev.trustml.canary;

/**
 * Knobs of {@link CanaryExtractor}.
 *
 * @param enumerationLimit enumerate every candidate when |R| is at most this, else beam search
 * @param topK guesses reported
 * @param beamWidth partial canaries kept per slot by the beam search
 * @param partialForm how the beam search scores partial canaries
 * @param exposureSampleSize random candidates scored to fit the skew-normal when |R| is above the
 *     enumeration limit and the secret is known (Carlini et al. 2019, Sec. 4.3)
 * @param seed seed of that sample
 */
public record ExtractionSettings(
    long enumerationLimit,
    int topK,
    int beamWidth,
    PartialCanaryForm partialForm,
    int exposureSampleSize,
    long seed) {
  /** 10^5: a 4-digit PIN (10^4) is enumerated, a 6-digit one (10^6) is beam-searched. */
  public static final long DEFAULT_ENUMERATION_LIMIT = 100_000;

  /** Validates ranges. */
  public ExtractionSettings {
    if (enumerationLimit < 0 || topK < 1 || beamWidth < 1 || exposureSampleSize < 3) {
      throw new IllegalArgumentException(
          "need enumerationLimit >= 0, topK >= 1, beamWidth >= 1, exposureSampleSize >= 3");
    }
  }

  /** Limit 10^5, top 10, beam 100, unfilled slots omitted, 10,000 exposure samples, seed 0. */
  public static ExtractionSettings defaults() {
    return new ExtractionSettings(
        DEFAULT_ENUMERATION_LIMIT, 10, 100, PartialCanaryForm.OMIT_UNFILLED, 10_000, 0L);
  }
}
