package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the rows of a data set were assigned to members (trained on) and non-members (held out), as
 * recorded on the model card by {@code trustml train}. The membership audit's rigorous bounds rest
 * on it: the one-run theorem (Steinke, Nasr &amp; Jagielski 2023) needs every row included
 * independently with probability 1/2.
 *
 * @param kind how rows were assigned
 * @param inclusionProbability for {@link Kind#BERNOULLI}: each row's probability of being a member;
 *     for {@link Kind#STRATIFIED}: the share of each label's rows trained on
 */
public record MembershipDesign(Kind kind, double inclusionProbability) {
  /** How rows were assigned. */
  public enum Kind {
    /**
     * Each distinct row (text and label) is a member by an independent seeded coin flip with
     * probability p; identical rows land on the same side.
     */
    BERNOULLI("bernoulli"),
    /** A fixed number of each label's rows, chosen by a seeded shuffle: trials are dependent. */
    STRATIFIED("stratified");

    private final String jsonName;

    Kind(String jsonName) {
      this.jsonName = jsonName;
    }

    @JsonValue
    public String jsonName() {
      return jsonName;
    }

    @JsonCreator
    public static Kind fromJson(String name) {
      for (Kind k : values()) {
        if (k.jsonName.equals(name)) {
          return k;
        }
      }
      throw new IllegalArgumentException(
          "unknown membership design '" + name + "' (bernoulli or stratified)");
    }
  }

  /** Whether the one-run theorem applies: independent inclusion with probability exactly 1/2. */
  public boolean supportsOneRunBound() {
    return kind == Kind.BERNOULLI && inclusionProbability == 0.5;
  }
}
