package dev.trustml.audit.shadow;

import dev.trustml.membership.ModelOutputs;
import java.util.List;

/**
 * Reference models as the attacks see them, however they were obtained (trained here, given as
 * bundles, or trained by the user from a plan): their outputs on the audit rows with which rows
 * each trained on, and the same on the population rows.
 *
 * @param outputs each model's outputs on the audit rows
 * @param in {@code in[m][i]}: whether model m trained on audit row i
 * @param populationOutputs each model's outputs on the population rows (empty without them)
 * @param populationIn {@code populationIn[m][j]} for population row j, or null without them
 */
public record ReferenceSet(
    List<ModelOutputs> outputs,
    boolean[][] in,
    List<ModelOutputs> populationOutputs,
    boolean[][] populationIn) {
  public ReferenceSet {
    outputs = List.copyOf(outputs);
    populationOutputs = List.copyOf(populationOutputs);
  }

  public int count() {
    return outputs.size();
  }
}
