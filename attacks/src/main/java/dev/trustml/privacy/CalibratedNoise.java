package dev.trustml.privacy;

/**
 * The result of calibrating the noise multiplier to a privacy budget.
 *
 * @param noiseMultiplier sigma; the accountant certifies epsilon <= the target at this sigma
 * @param epsilon the epsilon the accountant reports at {@code noiseMultiplier}
 */
public record CalibratedNoise(double noiseMultiplier, double epsilon) {}
