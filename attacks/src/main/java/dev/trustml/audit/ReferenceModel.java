package dev.trustml.audit;

import dev.trustml.audit.shadow.ReferenceSet;
import dev.trustml.membership.ModelOutputs;
import java.util.ArrayList;
import java.util.List;

/**
 * One reference model as the audit uses it: its outputs on the audit rows (in audit order) and
 * which of them it trained on, and the same for the population rows when the audit has any. Where
 * the model came from (trained here, a given bundle, precomputed outputs, a plan) no longer
 * matters.
 *
 * @param name what the model is, for error messages (e.g. a directory or a file)
 * @param audit its outputs on the audit rows
 * @param auditIn {@code auditIn[i]}: audit row {@code i} was in its training data
 * @param population its outputs on the population rows, or null without population rows
 * @param populationIn {@code populationIn[i]}: population row {@code i} was in its training data;
 *     null without population rows
 */
public record ReferenceModel(
    String name,
    ModelOutputs audit,
    boolean[] auditIn,
    ModelOutputs population,
    boolean[] populationIn) {

  /** Copies the flags in, so the model cannot change behind the audit's back. */
  public ReferenceModel {
    auditIn = auditIn.clone();
    populationIn = populationIn == null ? null : populationIn.clone();
    if (auditIn.length != audit.numRows()) {
      throw new IllegalArgumentException(
          name + ": " + auditIn.length + " IN flags for " + audit.numRows() + " audit rows");
    }
    if ((population == null) != (populationIn == null)) {
      throw new IllegalArgumentException(
          name + ": population outputs and population IN flags come together");
    }
    if (population != null && populationIn.length != population.numRows()) {
      throw new IllegalArgumentException(
          name
              + ": "
              + populationIn.length
              + " IN flags for "
              + population.numRows()
              + " population rows");
    }
  }

  /**
   * The models of a set obtained in {@link dev.trustml.audit.shadow} (trained here or from a plan),
   * each named by its outputs' source.
   */
  static List<ReferenceModel> all(ReferenceSet set) {
    List<ReferenceModel> models = new ArrayList<>(set.count());
    for (int m = 0; m < set.count(); m++) {
      ModelOutputs audit = set.outputs().get(m);
      boolean hasPopulation = set.populationIn() != null;
      models.add(
          new ReferenceModel(
              audit.source(),
              audit,
              set.in()[m],
              hasPopulation ? set.populationOutputs().get(m) : null,
              hasPopulation ? set.populationIn()[m] : null));
    }
    return models;
  }

  /** A copy of the audit rows' IN flags. */
  @Override
  public boolean[] auditIn() {
    return auditIn.clone();
  }

  /** A copy of the population rows' IN flags, or null. */
  @Override
  public boolean[] populationIn() {
    return populationIn == null ? null : populationIn.clone();
  }
}
