package dev.trustml.stats;

/**
 * One operating point of a membership attack: flag a row as a member when its score is &gt;=
 * threshold. The first point of every curve is (0, 0) with threshold +infinity, meaning "flag
 * nobody".
 *
 * @param fpr false-positive rate: flagged non-members / non-members
 * @param tpr true-positive rate: flagged members / members
 * @param threshold the score threshold of the rule "score &gt;= threshold"
 */
public record RocPoint(double fpr, double tpr, double threshold) {}
