package dev.trustml.results;

/**
 * An attack's success restricted to the rows of one true label.
 *
 * @param attack the attack's name
 * @param label the label
 * @param members member rows with this label
 * @param nonMembers non-member rows with this label
 * @param auc AUC on these rows
 * @param tprAt1PctFpr TPR at FPR 1% on these rows (NaN when too few rows)
 */
public record SliceResult(
    String attack, String label, long members, long nonMembers, double auc, double tprAt1PctFpr) {}
