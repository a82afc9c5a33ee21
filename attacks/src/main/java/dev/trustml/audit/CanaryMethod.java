package dev.trustml.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which searches {@code audit canary} runs: {@link #AUTO} (enumerate when the candidate space is
 * small, else beam search with extrapolated exposure), {@link #ALL} (every registered search that
 * applies), or one registered search by name ({@link CanarySearches}).
 *
 * @param name {@code auto}, {@code all} or a registered search's name
 */
public record CanaryMethod(String name) {
  /** Enumerate when the candidate space is small, else beam search + extrapolated exposure. */
  public static final CanaryMethod AUTO = new CanaryMethod("auto");

  /** Every search that applies. */
  public static final CanaryMethod ALL = new CanaryMethod("all");

  /** Every name: {@code auto}, the registered searches, {@code all}. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(List.of(AUTO.name));
    CanarySearches.REGISTERED.forEach(e -> names.add(e.name()));
    names.add(ALL.name);
    return List.copyOf(names);
  }

  /** The method called {@code name}, if there is one. */
  public static Optional<CanaryMethod> of(String name) {
    return names().contains(name) ? Optional.of(new CanaryMethod(name)) : Optional.empty();
  }

  /** Whether the model must be loaded with gradients (a white-box search may run). */
  public boolean needsWhiteBox() {
    return equals(ALL)
        || CanarySearches.byName(name).map(CanarySearches.Entry::whiteBox).orElse(false);
  }
}
