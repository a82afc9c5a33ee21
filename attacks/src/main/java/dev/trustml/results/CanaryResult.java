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
 * @param secretsRevealed whether secrets and guesses are included
 * @param canaries one finding per canary
 * @param provenance versions, hashes, seed, time
 */
public record CanaryResult(
    int schemaVersion,
    String kind,
    ModelRef model,
    Theoretical theoretical,
    boolean secretsRevealed,
    List<CanaryFinding> canaries,
    Provenance provenance)
    implements AuditResult {

  public static final int SCHEMA_VERSION = 1;
  public static final String KIND = "canary";

  public CanaryResult {
    canaries = List.copyOf(canaries);
  }
}
