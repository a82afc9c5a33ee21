package dev.trustml.results;

import dev.trustml.provenance.Provenance;
import java.util.List;

/**
 * The result of {@code trustml audit membership}: the JSON report contract.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param kind always {@code membership}
 * @param model the audited model
 * @param theoretical the claimed privacy, or null when the model claims none
 * @param verdict the verdict
 * @param verdictReason one sentence explaining the verdict
 * @param verdictBasis which figure decided the verdict, its rigor and the membership design
 * @param members member rows audited
 * @param nonMembers non-member rows audited
 * @param referenceModels reference (shadow) models used, 0 when none
 * @param attacks one result per attack
 * @param slices per-label results
 * @param conventions how the figures are defined (for readers of the report)
 * @param provenance versions, hashes, seed, time
 */
public record MembershipResult(
    int schemaVersion,
    String kind,
    ModelRef model,
    Theoretical theoretical,
    Verdict verdict,
    String verdictReason,
    VerdictBasis verdictBasis,
    long members,
    long nonMembers,
    int referenceModels,
    List<AttackResult> attacks,
    List<SliceResult> slices,
    List<String> conventions,
    Provenance provenance)
    implements AuditResult {

  public static final int SCHEMA_VERSION = 2;
  public static final String KIND = "membership";

  public MembershipResult {
    attacks = List.copyOf(attacks);
    slices = slices == null ? List.of() : List.copyOf(slices);
    conventions = conventions == null ? List.of() : List.copyOf(conventions);
  }
}
