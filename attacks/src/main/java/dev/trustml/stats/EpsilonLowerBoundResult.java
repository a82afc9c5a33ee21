package dev.trustml.stats;

/**
 * An empirical lower bound on the epsilon of a (epsilon, delta)-DP claim, from one attack
 * threshold: with probability at least {@code confidence} over the audit rows, the mechanism is not
 * (epsilon', delta)-DP for any epsilon' &lt; value.
 *
 * @param value the bound, &gt;= 0
 * @param confidence overall confidence of the bound (both Clopper-Pearson bounds hold jointly)
 * @param delta the delta of the DP claim being audited
 * @param method how the threshold was chosen
 * @param threshold the rule "score &gt;= threshold" flags a row as member (+infinity: flag none)
 * @param rowsUsed rows whose counts entered the bound (half of the rows for SPLIT_HALF)
 * @param falsePositives flagged non-members among the rows used
 * @param nonMembers non-members among the rows used
 * @param falseNegatives unflagged members among the rows used
 * @param members members among the rows used
 * @param fprUpper Clopper-Pearson upper bound on the false-positive rate
 * @param fnrUpper Clopper-Pearson upper bound on the false-negative rate
 */
public record EpsilonLowerBoundResult(
    double value,
    double confidence,
    double delta,
    EpsilonBoundMethod method,
    double threshold,
    int rowsUsed,
    long falsePositives,
    long nonMembers,
    long falseNegatives,
    long members,
    double fprUpper,
    double fnrUpper) {}
