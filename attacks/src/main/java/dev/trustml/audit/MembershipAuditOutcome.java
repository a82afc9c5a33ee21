package dev.trustml.audit;

import dev.trustml.results.MembershipResult;

/**
 * The audit's result and the per-row scores behind it.
 *
 * @param result the report contract
 * @param scores per-row scores (for the optional CSV; not part of the JSON report)
 */
public record MembershipAuditOutcome(MembershipResult result, AuditScores scores) {}
