package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the measured leakage says about the model's DP claim. Only a {@link BoundRigor#RIGOROUS}
 * bound can refute a claim; an estimate above the claim makes the model {@link #SUSPECT}.
 */
public enum Verdict {
  /** No bound, rigorous or estimated, exceeds the claimed epsilon. Not a proof of privacy. */
  CONSISTENT("consistent"),
  /**
   * Only an estimate exceeds the claim: the design (e.g. members and non-members not chosen at
   * random) cannot rule out that distribution shift, not leakage, produced it. Investigate.
   */
  SUSPECT("suspect"),
  /** A rigorous lower bound exceeds the claim: the DP claim is false or its accounting is wrong. */
  VIOLATED("violated"),
  /** The model claims no differential privacy; leakage is reported without a verdict. */
  NO_CLAIM("no-claim");

  private final String jsonName;

  Verdict(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static Verdict fromJson(String name) {
    for (Verdict v : values()) {
      if (v.jsonName.equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown verdict '" + name + "'");
  }

  /**
   * The verdict for a claimed epsilon (null when none), the largest rigorous lower bound (null when
   * the design allows none) and the largest estimate (null when none). Equality counts as
   * consistent: a bound can only refute a claim it exceeds.
   */
  public static Verdict decide(Double claimedEpsilon, Double rigorousMax, Double estimateMax) {
    check("a rigorous epsilon lower bound", rigorousMax);
    check("an estimated epsilon lower bound", estimateMax);
    if (claimedEpsilon == null) {
      return NO_CLAIM;
    }
    if (!(claimedEpsilon >= 0)) {
      throw new IllegalArgumentException("a claimed epsilon must be >= 0, got " + claimedEpsilon);
    }
    // Strict: a bound that only equals the claim is exactly what a tight claim predicts.
    if (rigorousMax != null && rigorousMax > claimedEpsilon) {
      return VIOLATED;
    }
    if (estimateMax != null && estimateMax > claimedEpsilon) {
      return SUSPECT;
    }
    return CONSISTENT;
  }

  private static void check(String what, Double value) {
    if (value != null && !(value >= 0)) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value);
    }
  }
}
