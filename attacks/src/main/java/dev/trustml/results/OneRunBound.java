package dev.trustml.results;

/**
 * The one-training-run epsilon lower bound of Steinke, Nasr &amp; Jagielski (NeurIPS 2023): the
 * attack guesses "member" for its k highest-scoring rows and "non-member" for its k lowest, and the
 * number of correct guesses bounds epsilon. Valid only when each audited row was included in
 * training independently at random (as trustml's seeded split does); k is fixed in advance.
 *
 * @param value the bound
 * @param confidence its confidence
 * @param guessesPerSide k
 * @param correct correct guesses among the 2k
 * @param rows rows (canaries) audited
 */
public record OneRunBound(
    double value, double confidence, int guessesPerSide, int correct, int rows) {}
