package dev.trustml.results;

/**
 * The one-run canary audit (Steinke, Nasr &amp; Jagielski, NeurIPS 2023): an audit set of canaries,
 * each put into the training data by an independent fair coin, is scored; the highest-scoring are
 * guessed "in", the lowest "out", and the number of right guesses bounds epsilon. The guess counts
 * are chosen on a seeded half of the audit set and the bound is computed on the other half.
 *
 * @param canaries canaries in the audit set (m)
 * @param included how many of them the coins put into the data
 * @param selectionCanaries the half that chose the guess counts
 * @param boundCanaries the half the bound is computed on
 * @param positiveGuesses k+, canaries of the bound half guessed "in"
 * @param negativeGuesses k-, canaries of the bound half guessed "out"
 * @param correct right guesses among the k+ + k-
 * @param value the epsilon lower bound
 * @param rigor rigorous: the coins make it so, whatever the pipeline trained with
 * @param confidence the confidence the bound holds at, family-wise over every bound of the audit
 * @param delta the delta the bound assumes (the claim's, 0 without a claim)
 * @param pValue the p-value of the guesses under the claimed (epsilon, delta), or null without one
 * @param score how each canary was scored
 */
public record AuditSetResult(
    int canaries,
    int included,
    int selectionCanaries,
    int boundCanaries,
    int positiveGuesses,
    int negativeGuesses,
    int correct,
    double value,
    BoundRigor rigor,
    double confidence,
    double delta,
    Double pValue,
    String score) {}
