package dev.trustml.audit;

import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.modiva.ModivaConfig;
import dev.trustml.results.Theoretical;
import java.util.List;

/**
 * What {@code audit canary} does.
 *
 * @param canaries the canaries
 * @param method which methods to run
 * @param extraction black-box search settings (enumeration limit, top-k, beam width, seed)
 * @param modiva white-box settings
 * @param claimOverride the claim from the command line, or null for the card's
 * @param revealSecrets include secrets and guesses in the result
 * @param seed the seed
 */
public record CanaryAuditRequest(
    List<CanaryTarget> canaries,
    CanaryMethod method,
    ExtractionSettings extraction,
    ModivaConfig modiva,
    Theoretical claimOverride,
    boolean revealSecrets,
    long seed) {
  public CanaryAuditRequest {
    canaries = List.copyOf(canaries);
  }
}
