package dev.trustml.audit;

import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.membership.Attack;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.AttackRegistry;
import dev.trustml.membership.Requirement;
import java.util.List;

/**
 * The attacks an audit runs: the named ones, checked against the registry before any work, or the
 * defaults that the collected data allows.
 */
final class AttackSelection {
  private final AttackRegistry registry;
  private final List<Attack> named;

  private AttackSelection(AttackRegistry registry, List<Attack> named) {
    this.registry = registry;
    this.named = named;
  }

  /**
   * The selection the settings ask for.
   *
   * @throws UsageException for an unknown or repeated attack name
   */
  static AttackSelection of(MembershipAnalysisSettings settings) throws UsageException {
    AttackRegistry registry = AttackRegistry.builtIn(settings.rmia());
    return new AttackSelection(registry, registry.byNames(settings.attacks()));
  }

  /**
   * Whether an attack may read the vocabulary's coverage of the rows (tokenising every text twice
   * costs time on big audits, so it is computed only then).
   */
  boolean mayNeedVocabulary() {
    return named.isEmpty()
        || named.stream()
            .anyMatch(a -> a.info().requirements().contains(Requirement.NEEDS_VOCABULARY));
  }

  /**
   * The attacks to run on {@code input}: the named ones, each checked against what the input
   * provides, or the defaults it allows.
   *
   * @throws TrustmlException naming an attack and the input it lacks
   */
  List<Attack> attacksFor(AttackInput input) throws TrustmlException {
    List<Attack> attacks = named.isEmpty() ? registry.defaultsFor(input) : named;
    for (Attack a : attacks) {
      Requirement.check(a.info(), input);
    }
    return attacks;
  }
}
