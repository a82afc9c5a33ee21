package dev.trustml.results;

/**
 * The counts behind a one-training-run epsilon lower bound (Steinke, Nasr &amp; Jagielski, NeurIPS
 * 2023): the attack guesses "member" for its {@code positiveGuesses} highest-scoring rows and
 * "non-member" for its {@code negativeGuesses} lowest, and the number of correct guesses bounds
 * epsilon. Rigorous only when each row was included in training by an independent fair coin.
 *
 * @param positiveGuesses k+, rows guessed members
 * @param negativeGuesses k-, rows guessed non-members
 * @param correct correct guesses among the k+ + k-
 * @param rows m, the rows (canaries) the bound is about
 * @param excludedRows audit rows left out: rows whose text and label occur more than once in the
 *     audit are one group, not independent trials
 * @param gridPoints the (k+, k-) pairs tried, fixed in advance; the confidence is Bonferroni over
 *     them (1 when the counts were given)
 */
public record OneRunBound(
    int positiveGuesses,
    int negativeGuesses,
    int correct,
    int rows,
    int excludedRows,
    int gridPoints) {}
