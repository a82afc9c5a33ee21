package dev.trustml.results;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Whether an epsilon lower bound holds at its stated confidence by a theorem whose assumptions the
 * audit's design meets, or is only an estimate.
 *
 * <p>A bound is rigorous only under the randomness it assumes: rows included in training by
 * independent coin flips (the one-run theorem of Steinke, Nasr &amp; Jagielski 2023), a canary
 * secret drawn uniformly from its candidate space, or independent training runs. A bound computed
 * over rows whose membership was not randomised (any two files a user supplies, a fixed-size
 * stratified split treated as independent trials) is an estimate: distribution shift alone between
 * the two files can produce it. Only rigorous bounds can make a verdict {@link Verdict#VIOLATED}.
 */
public enum BoundRigor {
  /** Holds at the stated confidence under the design the audit recorded. */
  RIGOROUS("rigorous"),
  /** A point of evidence, not a proof: the design does not meet the theorem's assumptions. */
  ESTIMATE("estimate");

  private final String jsonName;

  BoundRigor(String jsonName) {
    this.jsonName = jsonName;
  }

  @JsonValue
  public String jsonName() {
    return jsonName;
  }

  @JsonCreator
  public static BoundRigor fromJson(String name) {
    for (BoundRigor r : values()) {
      if (r.jsonName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown bound rigor '" + name + "'");
  }
}
