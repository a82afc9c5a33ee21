package dev.trustml.results;

/**
 * The counts behind a one-training-run epsilon lower bound (Steinke, Nasr &amp; Jagielski, NeurIPS
 * 2023): the attack guesses "member" for its {@code positiveGuesses} highest-scoring canaries and
 * "non-member" for its {@code negativeGuesses} lowest, and the number of correct guesses bounds
 * epsilon. Rigorous only when each row was included in training by an independent fair coin.
 *
 * @param positiveGuesses k+, canaries guessed members
 * @param negativeGuesses k-, canaries guessed non-members
 * @param correct correct guesses among the k+ + k-
 * @param rows m, the canaries: the rows the bound is about
 * @param selectionRows rows that chose the guess counts with their membership and are not canaries
 *     (0 when the counts were given)
 * @param excludedRows audit rows left out: rows whose text and label occur more than once in the
 *     audit are one group, not independent trials
 * @param guessTotals the numbers of guesses that could have been chosen, fixed in advance; the
 *     confidence is Bonferroni over them (1 when the counts were given)
 */
public record OneRunBound(
    int positiveGuesses,
    int negativeGuesses,
    int correct,
    int rows,
    int selectionRows,
    int excludedRows,
    int guessTotals) {}
