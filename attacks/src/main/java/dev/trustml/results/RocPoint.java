package dev.trustml.results;

/**
 * One point of a ROC curve.
 *
 * @param fpr false-positive rate
 * @param tpr true-positive rate
 */
public record RocPoint(double fpr, double tpr) {}
