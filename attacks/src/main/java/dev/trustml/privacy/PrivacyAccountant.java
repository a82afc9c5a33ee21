package dev.trustml.privacy;

import dev.trustml.error.BadInputException;

/**
 * Turns DP-SGD parameters into an (epsilon, delta) guarantee under add-or-remove-one-example
 * adjacency. Every implementation returns an UPPER bound on the true epsilon (never an estimate
 * that may fall below it), so a reported budget is always safe to publish.
 */
public interface PrivacyAccountant {

  /** Which accountant this is. */
  AccountantKind kind();

  /**
   * The smallest epsilon this accountant can certify for the given delta.
   *
   * @throws BadInputException if delta is not in (0, 1)
   */
  double epsilon(DpSgdParameters parameters, double delta) throws BadInputException;

  /**
   * The delta this accountant certifies for the given epsilon.
   *
   * @throws BadInputException if epsilon is negative or not finite
   */
  double delta(DpSgdParameters parameters, double epsilon) throws BadInputException;
}
