package dev.trustml.stats;

/**
 * The outcome of a one-training-run audit (Steinke, Nasr &amp; Jagielski 2023).
 *
 * @param epsilonLowerBound with probability &gt;= confidence the mechanism is not (eps, delta)-DP
 *     for any eps below this value; &gt;= 0
 * @param canaries m, the canaries each included in training independently with probability 1/2
 * @param positiveGuesses k+, highest-scoring canaries guessed "included"
 * @param negativeGuesses k-, lowest-scoring canaries guessed "excluded"
 * @param correctGuesses v, correct guesses among the r = k+ + k- made
 * @param confidence the confidence level, 1 - p-value threshold
 * @param delta the delta of the audited claim
 */
public record OneRunAuditResult(
    double epsilonLowerBound,
    int canaries,
    int positiveGuesses,
    int negativeGuesses,
    int correctGuesses,
    double confidence,
    double delta) {
  /** r = k+ + k-, the number of guesses (the other canaries are abstentions). */
  public int guesses() {
    return positiveGuesses + negativeGuesses;
  }
}
