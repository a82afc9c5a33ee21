package dev.trustml.train;

import dev.trustml.error.BadInputException;

/**
 * DP-SGD stated the way people think about training: an expected batch size and a number of epochs.
 * For N training rows (expected, under a membership design) it becomes q = min(1, batch / N) and T
 * = ceil(epochs / q) steps, so each example is expected to be seen {@code epochs} times.
 *
 * @param expectedBatchSize the expected Poisson batch size, &gt;= 1
 * @param epochs expected passes over the data, &gt;= 1
 * @param noiseMultiplier sigma, &gt; 0
 * @param clippingNorm C, &gt; 0
 */
public record DpSgdEpochs(
    int expectedBatchSize, int epochs, double noiseMultiplier, double clippingNorm)
    implements DpSgdPlan {

  @Override
  public DpSgdConfig resolve(double trainRows) throws BadInputException {
    validate();
    if (!(trainRows > 0)) {
      throw new BadInputException("DP-SGD needs at least one training row, got " + trainRows);
    }
    double q = Math.min(1.0, (double) expectedBatchSize / trainRows);
    long steps = (long) Math.ceil(epochs / q - 1e-9);
    DpSgdConfig config = new DpSgdConfig(q, noiseMultiplier, clippingNorm, Math.max(1, steps));
    config.validate();
    return config;
  }

  @Override
  public void validate() throws BadInputException {
    if (expectedBatchSize < 1) {
      throw TrainingConfig.outOfRange("batch size", expectedBatchSize, ">= 1");
    }
    if (epochs < 1) {
      throw TrainingConfig.outOfRange("epochs", epochs, ">= 1");
    }
    DpSgdConfig.checkNoise(noiseMultiplier, clippingNorm);
  }
}
