package dev.trustml.membership.eval;

import dev.trustml.stats.Interval;

/**
 * TPR at a false-positive budget: the largest TPR among operating points with FPR &lt;= fpr (see
 * {@link dev.trustml.stats.RocCurve#tprAtFpr(double)}).
 *
 * @param fpr the false-positive budget
 * @param tpr the true-positive rate achieved within it
 * @param ci bootstrap percentile interval for tpr, or null when bootstrapping was switched off
 */
public record TprAtFpr(double fpr, double tpr, Interval ci) {}
