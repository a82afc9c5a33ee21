package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;

/** Inputs beyond the target's outputs that an attack needs. */
public enum Requirement {
  /** Reference-model outputs on the audit rows. */
  NEEDS_REFERENCE_MODELS("reference-model outputs on the audit rows"),
  /** Some reference models trained on audit rows (the "online" setting: IN and OUT models). */
  NEEDS_IN_REFERENCES("reference models trained on some audit rows (online: IN and OUT models)"),
  /** How the bundle's vocabulary covers each audit row's text. */
  NEEDS_VOCABULARY(
      "the bundle's vocabulary or tokenizer with an unknown token, and the audit rows' texts"),
  /** Every class's logit from every model, not only each row's loss (precomputed outputs). */
  NEEDS_LOGITS("every model's logits for every class (per-row losses are not enough)");

  private final String description;

  Requirement(String description) {
    this.description = description;
  }

  /** What the attack needs, as a phrase for listings and error messages. */
  public String description() {
    return description;
  }

  /** Stable lower-case, hyphenated name for listings. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether {@code input} provides what this requirement asks for. */
  public boolean isMetBy(AttackInput input) {
    switch (this) {
      case NEEDS_REFERENCE_MODELS:
        return input.hasReferences();
      case NEEDS_IN_REFERENCES:
        return input.hasReferences() && input.references().anyIn();
      case NEEDS_VOCABULARY:
        return input.vocabulary() != null;
      case NEEDS_LOGITS:
        return allHaveLogits(input);
    }
    throw new AssertionError(this);
  }

  private static boolean allHaveLogits(AttackInput input) {
    boolean all = input.target().hasLogits();
    if (input.hasReferences()) {
      all &= input.references().models().stream().allMatch(ModelOutputs::hasLogits);
    }
    if (input.hasPopulation()) {
      all &= input.population().target().hasLogits();
      all &= input.population().references().stream().allMatch(ModelOutputs::hasLogits);
    }
    return all;
  }

  /** Whether every requirement of {@code info} is met by {@code input}. */
  public static boolean allMet(AttackInfo info, AttackInput input) {
    for (Requirement requirement : info.requirements()) {
      if (!requirement.isMetBy(input)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks the input's consistency and that it meets every requirement of {@code info}.
   *
   * @throws BadInputException naming the attack and the missing input
   */
  public static void check(AttackInfo info, AttackInput input) throws BadInputException {
    input.checkConsistent();
    for (Requirement requirement : info.requirements()) {
      if (!requirement.isMetBy(input)) {
        throw new BadInputException(
            Message.of(
                "attack '",
                info.name(),
                "' needs ",
                requirement.description(),
                "; supply them or choose an attack that does not (see ",
                Message.ref(Setting.ATTACK_LIST, "the attack list"),
                ")"));
      }
    }
  }
}
