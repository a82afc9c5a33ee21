package dev.trustml.model.card;

/**
 * The differential-privacy guarantee a model claims, and the mechanism parameters it came from.
 * Every leakage figure trustml reports is set against {@link #epsilon()}.
 *
 * @param mechanism e.g. {@code "dp-sgd"}
 * @param epsilon the claimed epsilon
 * @param delta the claimed delta
 * @param noiseMultiplier sigma: noise standard deviation relative to the clipping norm
 * @param samplingRate q: the Poisson sampling probability per step
 * @param steps T: the number of noisy steps
 * @param clippingNorm C: the per-example gradient norm bound
 * @param accountant which accountant computed epsilon ({@code rdp} or {@code pld})
 */
public record PrivacyClaim(
    String mechanism,
    double epsilon,
    double delta,
    Double noiseMultiplier,
    Double samplingRate,
    Long steps,
    Double clippingNorm,
    String accountant) {}
