package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the measured leakage says about the model's DP claim. */
public enum Verdict {
  /** Every empirical lower bound on epsilon is at most the claimed epsilon. */
  CONSISTENT("consistent"),
  /** Some lower bound exceeds the claim: the DP claim is false or the accounting is wrong. */
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
   * The verdict for a claimed epsilon (null when none) and the largest lower bound measured.
   * Equality counts as consistent: a bound can only refute a claim it exceeds.
   */
  public static Verdict of(Double claimedEpsilon, double largestLowerBound) {
    if (!(largestLowerBound >= 0)) {
      throw new IllegalArgumentException(
          "an epsilon lower bound must be >= 0, got " + largestLowerBound);
    }
    if (claimedEpsilon == null) {
      return NO_CLAIM;
    }
    if (!(claimedEpsilon >= 0)) {
      throw new IllegalArgumentException("a claimed epsilon must be >= 0, got " + claimedEpsilon);
    }
    // Strict: a bound that only equals the claim is exactly what a tight claim predicts.
    return largestLowerBound > claimedEpsilon ? VIOLATED : CONSISTENT;
  }
}
