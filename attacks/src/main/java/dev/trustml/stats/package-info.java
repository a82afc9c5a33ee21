/**
 * Statistics behind privacy-audit metrics: special functions ({@link dev.trustml.stats.Normal},
 * {@link dev.trustml.stats.Beta}, {@link dev.trustml.stats.Gamma}), exact ROC curves, the
 * bootstrap, Clopper-Pearson bounds, and empirical epsilon lower bounds. Pure Java; every random
 * choice takes an explicit seed.
 */
package dev.trustml.stats;
