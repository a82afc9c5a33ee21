package dev.trustml.canary;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The exposure of a planted secret, in bits: 0 means the model ranks the secret last among all |R|
 * candidates, {@code maxBits} = log2|R| means it ranks the secret first; a secret the model has not
 * learnt sits around 1 bit (median rank |R|/2).
 *
 * @param method how {@code bits} was obtained
 * @param bits the exposure, in [0, maxBits]
 * @param maxBits log2 |R|, the largest possible exposure
 * @param rank the exact rank (1 = best; ties counted against the secret), when known
 * @param fit the fitted skew-normal, for {@link ExposureMethod#SKEW_NORMAL_EXTRAPOLATION}
 * @param sampleSize number of candidate losses the value rests on (|R| - 1 for an exact rank)
 */
public record ExposureEstimate(
    ExposureMethod method,
    double bits,
    double maxBits,
    OptionalLong rank,
    Optional<SkewNormal> fit,
    long sampleSize) {}
