package dev.trustml.model.card;

/**
 * What the card says about a one-run canary audit set: how many canaries it has and how each was
 * put into the data. Never which ones were: their inclusion bits are the secret the audit tests,
 * and they live only in the secrets file of the audit kit.
 *
 * @param count canaries in the audit set (included or not)
 * @param inclusionProbability each canary's probability of being in the training data
 */
public record CanaryAuditSetInfo(int count, double inclusionProbability) {}
