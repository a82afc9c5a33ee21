/**
 * Statistics behind privacy-audit metrics: special functions ({@link dev.trustml.stats.Normal},
 * {@link dev.trustml.stats.Beta}, {@link dev.trustml.stats.Gamma}), exact ROC curves, the
 * bootstrap, Clopper-Pearson bounds, and empirical epsilon lower bounds (membership tests, the
 * one-run audit, and a canary's rank test {@link dev.trustml.stats.SecretRankBound} with ranks
 * bounded from samples by {@link dev.trustml.stats.SampledRank}). Pure Java; every random choice
 * takes an explicit seed.
 */
package dev.trustml.stats;
