package dev.trustml.train;

import dev.trustml.error.BadInputException;

/**
 * How DP-SGD should sample and add noise, either fully explicit ({@link DpSgdConfig}) or by
 * expected batch size and epochs ({@link DpSgdEpochs}), which need the training set size to become
 * a sampling rate and a number of steps.
 */
public sealed interface DpSgdPlan permits DpSgdConfig, DpSgdEpochs, DpSgdTargetEpsilon {

  /**
   * The explicit mechanism for a training set of {@code trainRows} examples (the expected size
   * under the membership design, see {@link TrainingSet#expectedRows()}).
   */
  DpSgdConfig resolve(double trainRows) throws BadInputException;

  /** Checks every value is in range; the message names the parameter. */
  void validate() throws BadInputException;
}
