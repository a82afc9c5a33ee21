package dev.trustml.train;

import dev.trustml.error.BadInputException;

/**
 * DP-SGD by expected batch size and epochs with the noise multiplier chosen by a privacy accountant
 * so that the final epsilon is at most a target (never above it). The training-set size is only
 * known once the data is split, so calibration happens in {@link #resolve}.
 *
 * @param expectedBatchSize B: the sampling rate is q = B / N
 * @param epochs passes: T = ceil(epochs / q) steps
 * @param clippingNorm C
 * @param calibration the accountant's sigma for (q, T) at the target epsilon and delta
 */
public record DpSgdTargetEpsilon(
    int expectedBatchSize, int epochs, double clippingNorm, NoiseCalibration calibration)
    implements DpSgdPlan {

  /** Finds the smallest noise multiplier whose epsilon is at most the target. */
  @FunctionalInterface
  public interface NoiseCalibration {
    double noiseMultiplier(double samplingRate, long steps) throws BadInputException;
  }

  @Override
  public DpSgdConfig resolve(double trainRows) throws BadInputException {
    validate();
    DpSgdConfig shape =
        new DpSgdEpochs(expectedBatchSize, epochs, 1.0, clippingNorm).resolve(trainRows);
    double sigma = calibration.noiseMultiplier(shape.samplingRate(), shape.steps());
    DpSgdConfig config = new DpSgdConfig(shape.samplingRate(), sigma, clippingNorm, shape.steps());
    config.validate();
    return config;
  }

  @Override
  public void validate() throws BadInputException {
    new DpSgdEpochs(expectedBatchSize, epochs, 1.0, clippingNorm).validate();
  }
}
