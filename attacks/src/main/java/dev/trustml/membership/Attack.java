package dev.trustml.membership;

import dev.trustml.error.BadInputException;

/**
 * A membership-inference attack over model outputs. Implementations are stateless and immutable;
 * their parameters are fixed at construction.
 */
public interface Attack {
  /** Name, threat model, requirements and citation. */
  AttackInfo info();

  /**
   * Scores every audit row of {@code input}: higher means more likely a member of the target's
   * training set. Scores are finite or {@code +-Infinity}, never NaN, and only their order and ties
   * are meaningful across rows (evaluation thresholds them).
   *
   * @return {@code input.numRows()} scores, in audit-row order
   * @throws BadInputException if the input lacks what {@link AttackInfo#requirements()} lists or is
   *     inconsistent; the message names the row or file and says what to supply
   */
  double[] score(AttackInput input) throws BadInputException;
}
