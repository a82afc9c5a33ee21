package dev.trustml.model.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mechanism that touched the training rows (or, with epsilon 0, a public input that did not),
 * as listed under {@code privacy.components}. The card's total claim composes them as {@code
 * privacy.composition} says.
 *
 * @param mechanism e.g. {@code dp-sgd}, {@code dp-partition-selection}, {@code public-word-list}
 * @param epsilon this component's epsilon (0 for public inputs)
 * @param delta this component's delta (0 for public inputs)
 * @param parameters what determines the guarantee (snake_case keys, in a stable order)
 */
public record PrivacyComponent(
    String mechanism, double epsilon, double delta, Map<String, Object> parameters) {
  public PrivacyComponent {
    parameters =
        parameters == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
