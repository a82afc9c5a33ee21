package dev.trustml.results;

import dev.trustml.provenance.Provenance;
import java.util.List;

/**
 * The result of {@code trustml audit canary}: the JSON report contract.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind always {@code canary}
 * @param model the audited model
 * @param theoretical the claimed privacy, or null
 * @param verdict the canaries' epsilon lower bounds against the claim
 * @param verdictReason one sentence explaining the verdict
 * @param verdictBasis the figure that decided it and the largest rigorous and estimated bounds, or
 *     null when no bound was computed
 * @param confidence the family-wise confidence of the epsilon lower bounds
 * @param familySize how many rigorous bounds share that confidence (Bonferroni); null in files of
 *     schema version 1
 * @param secretsRevealed whether secrets and guesses are included
 * @param canaries one finding per always-planted canary
 * @param auditSet the one-run audit over the audit set, or null when there is none
 * @param provenance versions, hashes, seed, time
 */
public record CanaryResult(
    int schemaVersion,
    String kind,
    ModelRef model,
    Theoretical theoretical,
    Verdict verdict,
    String verdictReason,
    VerdictBasis verdictBasis,
    double confidence,
    Integer familySize,
    boolean secretsRevealed,
    List<CanaryFinding> canaries,
    AuditSetResult auditSet,
    Provenance provenance)
    implements AuditResult {

  /** 2: verdict, epsilon bounds per canary and the one-run audit set (schema 1 had none). */
  public static final int SCHEMA_VERSION = 2;

  public static final String KIND = "canary";

  public CanaryResult {
    canaries = List.copyOf(canaries);
  }

  /** The same result without secrets and guesses. */
  public CanaryResult withoutSecrets() {
    return new CanaryResult(
        schemaVersion,
        kind,
        model,
        theoretical,
        verdict,
        verdictReason,
        verdictBasis,
        confidence,
        familySize,
        false,
        canaries.stream().map(CanaryFinding::withoutSecrets).toList(),
        auditSet,
        provenance);
  }
}
