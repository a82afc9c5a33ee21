package dev.trustml.audit;

import dev.trustml.canary.BeamSearch;
import dev.trustml.canary.CanaryExtractor;
import dev.trustml.canary.CanarySearch;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.EnumerationSearch;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.modiva.ModivaConfig;
import dev.trustml.model.Classifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The searches {@code audit canary} can run, in the order {@code --method all} runs them. Adding a
 * search is one {@link CanarySearch} class and one entry in {@link #REGISTERED}: its name (a value
 * of {@code --method}), whether it needs the model's gradients, how to build it for a model and a
 * label, and when {@code all} runs it.
 */
final class CanarySearches {
  /**
   * The model access a search is built from.
   *
   * @param model the audited model (opened for white-box use when a white-box search may run)
   * @param label the canary's label index
   * @param scorer black-box access: the label's loss on candidate sentences
   * @param modiva ModIvA's settings, seeded
   */
  record Access(Classifier model, int label, ModelCandidateScorer scorer, ModivaConfig modiva) {}

  /**
   * One registered search.
   *
   * @param name its {@code --method} name
   * @param whiteBox whether it needs the model's gradients ({@link dev.trustml.model.WhiteBox})
   * @param build builds it for a model and a label
   * @param inAll whether {@code all} runs it on this template
   */
  record Entry(
      String name,
      boolean whiteBox,
      Function<Access, CanarySearch> build,
      BiPredicate<Access, Fit> inAll) {}

  /** The template and settings a search would run with, for {@link Entry#inAll}. */
  record Fit(CanaryTemplate template, ExtractionSettings settings) {
    boolean enumerable() {
      return template.spaceFitsInLong() && template.spaceSizeExact() <= settings.enumerationLimit();
    }
  }

  static final List<Entry> REGISTERED =
      List.of(
          new Entry(
              EnumerationSearch.NAME,
              false,
              a -> new EnumerationSearch(a.scorer()),
              (a, fit) -> fit.enumerable()),
          new Entry(BeamSearch.NAME, false, a -> new BeamSearch(a.scorer()), (a, fit) -> true),
          new Entry(
              ModivaSearch.NAME,
              true,
              a -> new ModivaSearch(a.model(), a.label(), a.modiva()),
              (a, fit) -> a.model().whiteBox().isPresent()));

  private CanarySearches() {}

  /** The registered search named {@code name}. */
  static Optional<Entry> byName(String name) {
    return REGISTERED.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /** The searches {@code method} runs on {@code template}, in order. */
  static List<CanarySearch> forMethod(
      CanaryMethod method, Access access, CanaryTemplate template, ExtractionSettings settings) {
    if (method.equals(CanaryMethod.AUTO)) {
      return List.of(new CanaryExtractor(access.scorer(), settings).chooseSearch(template));
    }
    List<CanarySearch> searches = new ArrayList<>();
    Fit fit = new Fit(template, settings);
    for (Entry e : REGISTERED) {
      boolean runs =
          method.equals(CanaryMethod.ALL)
              ? e.inAll().test(access, fit)
              : e.name().equals(method.name());
      if (runs) {
        searches.add(e.build().apply(access));
      }
    }
    return searches;
  }
}
