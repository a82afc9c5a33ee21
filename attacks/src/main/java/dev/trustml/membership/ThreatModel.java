package dev.trustml.membership;

/** What the attacker can observe or build; reports group attacks by it. */
public enum ThreatModel {
  /** The target's loss on a labelled example (equivalently {@code p_y}). */
  BLACK_BOX_LOSS("target loss on labelled examples"),
  /** The target's full predicted probability vector. */
  BLACK_BOX_CONFIDENCE("target probability vector"),
  /** Target outputs plus reference models trained like the target on data from its distribution. */
  REFERENCE_MODELS("target outputs + reference models trained like the target"),
  /**
   * The files shipped beside the model (its vocabulary or tokenizer), not its outputs: anything
   * built from training rows outside the DP mechanism leaks membership without a single query.
   */
  BUNDLE_ARTIFACTS("files shipped beside the model (vocabulary, tokenizer), not its outputs");

  private final String description;

  ThreatModel(String description) {
    this.description = description;
  }

  /** One-phrase description for listings. */
  public String description() {
    return description;
  }

  /** Stable lower-case, hyphenated name for listings and reports. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
