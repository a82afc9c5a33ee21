package dev.trustml.membership.eval;

/**
 * Attack metrics restricted to the audit rows of one true class label. Slices are never refused for
 * being small: a number that cannot be computed is NaN and the evaluator adds a warning.
 *
 * @param label the class index
 * @param members member rows with this label
 * @param nonMembers non-member rows with this label
 * @param auc the slice's AUC; NaN when one of the two classes is empty
 * @param fpr the slice's false-positive budget ({@link MembershipEvaluator#SLICE_FPR})
 * @param tprAtFpr TPR at that budget; NaN when the slice has fewer than 1/fpr non-members or no
 *     members
 */
public record SliceMetrics(
    int label, int members, int nonMembers, double auc, double fpr, double tprAtFpr) {}
