package dev.trustml.membership;

import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.UsageException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The attacks trustml knows, by stable CLI name, in listing order; and which of them run by
 * default.
 *
 * <p>Built-in names: {@code loss, loss-class, confidence, confidence-class, entropy, entropy-class,
 * mentr, mentr-class, lira-online, lira-online-fixed-var, lira-offline, lira-offline-fixed-var,
 * rmia, rmia-offline, vocab}.
 *
 * <p>Default set: the global and class-dependent threshold attacks on loss and modified entropy,
 * the global confidence and entropy attacks, both RMIA variants, LiRA online and offline with a
 * global ("fixed") variance, and the vocabulary attack on the bundle's artifacts. Fixed variance
 * because audits here typically have few reference models (training a text classifier many times is
 * costly), and Carlini et al. (2022) recommend it then: a per-row variance from a handful of values
 * is noise (with one IN and one OUT model per row it does not exist). The per-example variants stay
 * available by name. {@link #defaultsFor} keeps the defaults whose requirements an input meets.
 */
public final class AttackRegistry {
  private static final List<String> DEFAULT_NAMES =
      List.of(
          "loss",
          "loss-class",
          "confidence",
          "entropy",
          "mentr",
          "mentr-class",
          "lira-online-fixed-var",
          "lira-offline-fixed-var",
          "rmia",
          "rmia-offline",
          "vocab");

  private final Map<String, Attack> byName;
  private final List<Attack> defaults;

  private AttackRegistry(List<Attack> attacks, List<String> defaultNames) {
    Map<String, Attack> map = new LinkedHashMap<>();
    for (Attack attack : attacks) {
      if (map.put(attack.info().name(), attack) != null) {
        throw new IllegalArgumentException("duplicate attack name " + attack.info().name());
      }
    }
    this.byName = Collections.unmodifiableMap(map);
    List<Attack> defaultAttacks = new ArrayList<>();
    for (String name : defaultNames) {
      Attack attack = map.get(name);
      if (attack == null) {
        throw new IllegalArgumentException("default attack " + name + " is not registered");
      }
      defaultAttacks.add(attack);
    }
    this.defaults = List.copyOf(defaultAttacks);
  }

  /** The built-in attacks with default parameters. */
  public static AttackRegistry builtIn() {
    return builtIn(RmiaParameters.defaults());
  }

  /** The built-in attacks, RMIA with the given parameters. */
  public static AttackRegistry builtIn(RmiaParameters rmia) {
    List<Attack> attacks = new ArrayList<>();
    for (ThresholdSignal signal : ThresholdSignal.values()) {
      attacks.add(new ThresholdAttack(signal));
      attacks.add(new ClassDependentThresholdAttack(signal));
    }
    for (LiraAttack.Mode mode : LiraAttack.Mode.values()) {
      for (LiraAttack.Variance variance : LiraAttack.Variance.values()) {
        attacks.add(new LiraAttack(mode, variance));
      }
    }
    attacks.add(new RmiaAttack(RmiaAttack.Mode.ONLINE, rmia));
    attacks.add(new RmiaAttack(RmiaAttack.Mode.OFFLINE, rmia));
    attacks.add(new VocabularyAttack());
    return new AttackRegistry(attacks, DEFAULT_NAMES);
  }

  /** Every registered attack, in listing order. */
  public List<Attack> all() {
    return List.copyOf(byName.values());
  }

  /** Metadata of every registered attack, in listing order. */
  public List<AttackInfo> infos() {
    return byName.values().stream().map(Attack::info).collect(Collectors.toUnmodifiableList());
  }

  /** Registered names, in listing order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /**
   * The attack registered under {@code name}.
   *
   * @throws UsageException one line listing the valid names
   */
  public Attack byName(String name) throws UsageException {
    Attack attack = name == null ? null : byName.get(name.trim());
    if (attack == null) {
      throw new UsageException(
          Message.of(
              "unknown attack '",
              name,
              "'; valid attacks: ",
              String.join(", ", byName.keySet()),
              " (see ",
              Message.ref(Setting.ATTACK_LIST, "the attack list"),
              ")"));
    }
    return attack;
  }

  /**
   * The attacks registered under {@code names}, in the given order.
   *
   * @throws UsageException for an unknown or repeated name
   */
  public List<Attack> byNames(List<String> names) throws UsageException {
    List<Attack> attacks = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      Attack attack = byName(name);
      if (!seen.add(attack.info().name())) {
        throw new UsageException(
            "attack '" + attack.info().name() + "' is listed twice; name each attack once");
      }
      attacks.add(attack);
    }
    return List.copyOf(attacks);
  }

  /** The default attack set, whatever the input provides. */
  public List<Attack> defaults() {
    return defaults;
  }

  /** The default attacks whose requirements {@code input} meets. */
  public List<Attack> defaultsFor(AttackInput input) {
    return defaults.stream()
        .filter(attack -> Requirement.allMet(attack.info(), input))
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * One line per attack for {@code --list-attacks}: name, default marker, threat model,
   * requirements, description and citation, separated by two spaces.
   */
  public List<String> listing() {
    List<String> lines = new ArrayList<>();
    for (Attack attack : byName.values()) {
      AttackInfo info = attack.info();
      String requirements =
          info.requirements().isEmpty()
              ? "needs target outputs only"
              : "needs "
                  + info.requirements().stream()
                      .map(Requirement::cliName)
                      .collect(Collectors.joining(","));
      lines.add(
          Stream.of(
                  info.name(),
                  defaults.contains(attack) ? "[default]" : "[optional]",
                  info.threatModel().cliName(),
                  requirements,
                  info.description(),
                  "(" + info.citation() + ")")
              .collect(Collectors.joining("  ")));
    }
    return List.copyOf(lines);
  }
}
