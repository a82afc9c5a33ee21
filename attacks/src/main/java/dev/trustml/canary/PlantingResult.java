package dev.trustml.canary;

import dev.trustml.data.LabeledText;
import java.util.List;

/**
 * Training rows with canaries inserted, and the canaries (keep them secret from the model, give
 * them to the audit).
 *
 * @param rows the original rows in their order, with the canary copies interleaved
 * @param canaries the planted canaries in the order of the specs
 */
public record PlantingResult(List<LabeledText> rows, List<PlantedCanary> canaries) {
  /** Copies both lists. */
  public PlantingResult {
    rows = List.copyOf(rows);
    canaries = List.copyOf(canaries);
  }
}
