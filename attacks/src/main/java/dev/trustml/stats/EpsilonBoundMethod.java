package dev.trustml.stats;

/** How the decision threshold behind an epsilon lower bound was chosen. */
public enum EpsilonBoundMethod {
  /**
   * The caller fixed the threshold before seeing the rows; every row enters the Clopper-Pearson
   * counts.
   */
  FIXED_THRESHOLD(
      "threshold fixed in advance; Clopper-Pearson upper bounds on FPR and FNR over all rows"),
  /**
   * A seeded, membership-stratified random half of the rows picks the threshold that maximises the
   * bound on that half; the bound is then computed on the other half only, so the choice cannot
   * inflate it.
   */
  SPLIT_HALF(
      "threshold chosen on a seeded membership-stratified random half (maximising the bound"
          + " there); Clopper-Pearson upper bounds on FPR and FNR from the other half only");

  private final String description;

  EpsilonBoundMethod(String description) {
    this.description = description;
  }

  /** A one-line explanation for reports. */
  public String description() {
    return description;
  }
}
