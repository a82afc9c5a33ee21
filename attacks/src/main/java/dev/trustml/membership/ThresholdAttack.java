package dev.trustml.membership;

import dev.trustml.error.BadInputException;

/**
 * Global-threshold attack: the score is the signal itself, so sweeping one threshold over it is the
 * attack of Yeom et al. (2018) on the loss and of Song &amp; Mittal (2021) on confidence, entropy
 * and modified entropy.
 */
public final class ThresholdAttack implements Attack {
  private final ThresholdSignal signal;
  private final AttackInfo info;

  public ThresholdAttack(ThresholdSignal signal) {
    this.signal = signal;
    this.info =
        new AttackInfo(
            signal.cliName(),
            signal.threatModel(),
            signal.requirements(),
            signal.citation(),
            signal.description() + ", one global threshold");
  }

  public ThresholdSignal signal() {
    return signal;
  }

  @Override
  public AttackInfo info() {
    return info;
  }

  @Override
  public double[] score(AttackInput input) throws BadInputException {
    Requirement.check(info, input);
    ModelOutputs target = input.target();
    double[] scores = signal.memberScores(target);
    return scores;
  }
}
