package dev.trustml.samples;

import dev.trustml.error.BadInputException;
import dev.trustml.train.DpSgdTargetEpsilon;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TrainingConfig;

/**
 * One sample model's training recipe. The DP variants calibrate sigma with the RDP accountant so
 * the final epsilon is at most the target.
 *
 * @param variant directory name ({@code nodp}, {@code eps8}, {@code eps1})
 * @param targetEpsilon the epsilon target, or null for non-private training
 * @param optimizer the optimiser
 * @param learningRate its step size
 * @param batchSize (expected) batch size
 * @param epochs passes over the data
 */
record SampleRecipe(
    String variant,
    Double targetEpsilon,
    OptimizerKind optimizer,
    double learningRate,
    int batchSize,
    int epochs) {

  static final int EMBEDDING_DIM = 32;
  static final int HIDDEN_DIM = 64;
  static final double CLIPPING_NORM = 1.0;

  TrainingConfig config(long seed, DpSgdTargetEpsilon.NoiseCalibration calibration)
      throws BadInputException {
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(EMBEDDING_DIM)
            .hiddenDim(HIDDEN_DIM)
            .optimizer(optimizer)
            .learningRate(learningRate)
            .epochs(epochs)
            .batchSize(batchSize)
            .seed(seed);
    if (targetEpsilon != null) {
      b.dpSgd(new DpSgdTargetEpsilon(batchSize, epochs, CLIPPING_NORM, calibration));
    }
    return b.build();
  }
}
