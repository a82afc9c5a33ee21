package dev.trustml.results;

import dev.trustml.provenance.Provenance;

/**
 * Any audit result trustml writes: the membership and the canary report share a header, and the
 * renderers and the CI gate take either. Sealed so a {@code switch} over the two kinds is checked
 * by the compiler when a third kind is added.
 */
public sealed interface AuditResult permits MembershipResult, CanaryResult {
  /** The report format version. */
  int schemaVersion();

  /** {@code membership} or {@code canary}. */
  String kind();

  /** The audited model. */
  ModelRef model();

  /** The claimed privacy, or null when the model claims none. */
  Theoretical theoretical();

  /** Versions, hashes, seed, time. */
  Provenance provenance();
}
