package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An attack's success restricted to the rows of one true label.
 *
 * @param attack the attack's name
 * @param label the label
 * @param members member rows with this label
 * @param nonMembers non-member rows with this label
 * @param auc AUC on these rows
 * @param tprAt1PctFpr TPR at FPR 1% on these rows (NaN when too few rows; JSON key {@code
 *     tpr_at_1pct_fpr})
 */
public record SliceResult(
    String attack,
    String label,
    long members,
    long nonMembers,
    double auc,
    // Named explicitly: the snake_case strategy would write the unreadable "tpr_at1_pct_fpr".
    @JsonProperty("tpr_at_1pct_fpr") double tprAt1PctFpr) {}
