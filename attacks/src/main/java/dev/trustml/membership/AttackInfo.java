package dev.trustml.membership;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Metadata of an attack, for listings, reports and requirement checks.
 *
 * @param name stable CLI name, e.g. {@code lira-offline}
 * @param threatModel what the attacker observes
 * @param requirements inputs needed beyond the target's outputs (unmodifiable, enum order)
 * @param citation paper the attack comes from
 * @param description one line: what the score is
 */
public record AttackInfo(
    String name,
    ThreatModel threatModel,
    Set<Requirement> requirements,
    String citation,
    String description) {

  public AttackInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(threatModel, "threatModel");
    Objects.requireNonNull(citation, "citation");
    Objects.requireNonNull(description, "description");
    EnumSet<Requirement> copy = EnumSet.noneOf(Requirement.class);
    copy.addAll(requirements);
    requirements = Collections.unmodifiableSet(copy);
  }
}
