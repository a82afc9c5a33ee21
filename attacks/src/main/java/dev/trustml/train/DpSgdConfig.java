package dev.trustml.train;

import dev.trustml.error.BadInputException;

/**
 * The DP-SGD mechanism of Abadi et al. 2016 ("Deep learning with differential privacy", Alg. 1),
 * with Poisson sampling as the privacy accountants assume: at each of {@code steps} steps every
 * example joins the batch independently with probability {@code samplingRate}; each example's
 * gradient is clipped to L2 norm {@code clippingNorm} over all parameters jointly; Gaussian noise
 * N(0, (noiseMultiplier * clippingNorm)^2) is added to every coordinate of the sum; the sum is
 * divided by the expected batch size q * N.
 *
 * @param samplingRate q, in (0, 1]
 * @param noiseMultiplier sigma, &gt; 0
 * @param clippingNorm C, &gt; 0
 * @param steps T, &gt;= 1
 */
public record DpSgdConfig(
    double samplingRate, double noiseMultiplier, double clippingNorm, long steps)
    implements DpSgdPlan {

  @Override
  public DpSgdConfig resolve(double trainRows) throws BadInputException {
    validate();
    return this;
  }

  @Override
  public void validate() throws BadInputException {
    if (!(samplingRate > 0 && samplingRate <= 1)) {
      throw TrainingConfig.outOfRange("sampling rate q", samplingRate, "in (0, 1]");
    }
    checkNoise(noiseMultiplier, clippingNorm);
    if (steps < 1) {
      throw TrainingConfig.outOfRange("DP-SGD steps", steps, ">= 1");
    }
  }

  static void checkNoise(double noiseMultiplier, double clippingNorm) throws BadInputException {
    if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
      throw TrainingConfig.outOfRange("noise multiplier sigma", noiseMultiplier, "finite and > 0");
    }
    if (!(clippingNorm > 0) || Double.isInfinite(clippingNorm)) {
      throw TrainingConfig.outOfRange("clipping norm C", clippingNorm, "finite and > 0");
    }
  }

  /** The expected batch size q * N for {@code trainRows} examples. */
  public double expectedBatchSize(double trainRows) {
    return samplingRate * trainRows;
  }
}
