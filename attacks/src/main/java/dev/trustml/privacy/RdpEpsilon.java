package dev.trustml.privacy;

/**
 * An RDP accountant's answer: the epsilon and the Renyi order alpha that achieved it.
 *
 * @param epsilon the smallest epsilon over the order grid (+inf if no order gives a bound)
 * @param order the order that achieved it (NaN if none did)
 */
public record RdpEpsilon(double epsilon, double order) {}
