package dev.trustml.audit;

import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.ModelRef;
import dev.trustml.results.Theoretical;

/**
 * What an audit is about: the model (or, for precomputed outputs, the file that stands for it) and
 * the privacy it claims on its own card.
 *
 * @param model path, name and SHA-256 of what was audited
 * @param claim the claim recorded with the model (its card), or null when none is recorded
 */
public record AuditSubject(ModelRef model, Theoretical claim) {

  /** The claim a model card records, or null. */
  public static Theoretical cardClaim(PrivacyClaim privacy) {
    return privacy == null
        ? null
        : new Theoretical(privacy.epsilon(), privacy.delta(), privacy.accountant(), "model-card");
  }

  /** The claim the audit sets its figures against: the override if given, else the recorded one. */
  public Theoretical claim(Theoretical override) {
    return override != null ? override : claim;
  }

  /** The model as provenance records it. */
  public Provenance.ModelRef provenance() {
    return new Provenance.ModelRef(model.path(), model.sha256());
  }
}
