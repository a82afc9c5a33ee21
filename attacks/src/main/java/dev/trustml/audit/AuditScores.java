package dev.trustml.audit;

import java.util.List;

/**
 * Per-row attack scores, for the per-example CSV. Rows are identified by file and row number, never
 * by their text.
 *
 * @param rowNumbers 1-based data row within its file
 * @param isMember whether the row came from the member file
 * @param labels label index of each row
 * @param labelNames the model's labels
 * @param attacks attack names, in the order of {@code scores}
 * @param scores one array per attack, higher = more likely member
 */
public record AuditScores(
    long[] rowNumbers,
    boolean[] isMember,
    int[] labels,
    List<String> labelNames,
    List<String> attacks,
    List<double[]> scores) {}
