/**
 * Canary planting, extraction and exposure for text classifiers (black-box parts).
 *
 * <p>A canary is a sentence built from a {@link dev.trustml.canary.CanaryTemplate} and a random
 * {@link dev.trustml.canary.Secret}, planted K times in the training data with a chosen label
 * (Parikh, Dupuy &amp; Gupta, "Canary extraction in natural language understanding models", ACL
 * 2022). An attacker who can query the model's loss for that label ranks every candidate secret;
 * the rank of the true secret gives its exposure (Carlini et al., "The Secret Sharer", USENIX
 * Security 2019, Sec. 4). {@link dev.trustml.canary.AuditSetPlanter} plants the audit set of a
 * one-run audit: many canaries, each in the data by its own coin. The model is reached only through
 * {@link dev.trustml.canary.CandidateScorer}, so this package needs no deep-learning engine.
 */
package dev.trustml.canary;
