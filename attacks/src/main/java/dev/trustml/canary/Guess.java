package dev.trustml.canary;

/**
 * One candidate secret proposed by an extraction.
 *
 * @param secret the candidate
 * @param text the candidate written as slot values, e.g. "4 8 2 1"
 * @param loss the model's loss of the canary's label for the rendered candidate sentence
 */
public record Guess(Secret secret, String text, double loss) {}
