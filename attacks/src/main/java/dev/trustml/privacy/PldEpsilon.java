package dev.trustml.privacy;

/**
 * A PLD accountant's answer.
 *
 * @param epsilon upper bound on epsilon (+inf if delta is below the mass of infinite loss)
 * @param discretizationInterval the loss grid spacing h actually used
 */
public record PldEpsilon(double epsilon, double discretizationInterval) {}
