package dev.trustml.audit;

import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.PlantedCanary;
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
 * @param auditSet the canaries of a one-run audit set, each with its inclusion bit (empty for none)
 * @param confidence the family-wise confidence of the epsilon lower bounds, in (0, 1)
 */
public record CanaryAuditRequest(
    List<CanaryTarget> canaries,
    CanaryMethod method,
    ExtractionSettings extraction,
    ModivaConfig modiva,
    Theoretical claimOverride,
    boolean revealSecrets,
    long seed,
    List<PlantedCanary> auditSet,
    double confidence) {

  /** The smallest audit set worth splitting into a selection half and a bound half. */
  public static final int MIN_AUDIT_SET = AuditSetAudit.MIN_CANARIES;

  /** The confidence when none is given. */
  public static final double DEFAULT_CONFIDENCE = 0.95;

  /** Validates: audit-set canaries carry inclusion bits and are planted once. */
  public CanaryAuditRequest {
    canaries = List.copyOf(canaries);
    auditSet = auditSet == null ? List.of() : List.copyOf(auditSet);
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }
    if (!auditSet.isEmpty() && auditSet.size() < AuditSetAudit.MIN_CANARIES) {
      throw new IllegalArgumentException(
          "an audit set needs at least " + AuditSetAudit.MIN_CANARIES + " canaries");
    }
    for (PlantedCanary c : auditSet) {
      if (c.included() == null || c.repetitions() != 1) {
        throw new IllegalArgumentException(
            "audit-set canaries need an inclusion bit and one copy each: " + c.id());
      }
    }
  }

  /** A request without an audit set, at 95% confidence. */
  public CanaryAuditRequest(
      List<CanaryTarget> canaries,
      CanaryMethod method,
      ExtractionSettings extraction,
      ModivaConfig modiva,
      Theoretical claimOverride,
      boolean revealSecrets,
      long seed) {
    this(
        canaries,
        method,
        extraction,
        modiva,
        claimOverride,
        revealSecrets,
        seed,
        List.of(),
        DEFAULT_CONFIDENCE);
  }
}
