/**
 * Membership-inference evaluation: turns attack scores and ground truth into {@link
 * dev.trustml.membership.eval.AttackMetrics} (AUC, TPR at fixed FPRs, advantage, bootstrap
 * intervals, an empirical epsilon lower bound, per-label slices).
 */
package dev.trustml.membership.eval;
