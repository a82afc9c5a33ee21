package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.List;

/**
 * Outputs on "population" rows: data from the same distribution that neither the target nor any
 * reference model trained on (known non-members).
 *
 * <p>RMIA compares each audit row against these rows (its {@code z} samples, Zarifzadeh et al.
 * 2024) and so needs the target's and every reference model's outputs on them, with the reference
 * models in the same order as in {@link ReferenceOutputs}. The class-dependent threshold attacks
 * use only the target's outputs, as a non-member reference for per-class calibration.
 */
public final class PopulationOutputs {
  private final ModelOutputs target;
  private final List<ModelOutputs> references;

  private PopulationOutputs(ModelOutputs target, List<ModelOutputs> references) {
    this.target = target;
    this.references = references;
  }

  /**
   * Validates population outputs.
   *
   * @param target the target model's outputs on the population rows
   * @param references each reference model's outputs on the same population rows (same order as the
   *     reference models on the audit rows); may be empty when no attack needs them
   * @throws BadInputException if a reference model scored different rows
   */
  public static PopulationOutputs of(ModelOutputs target, List<ModelOutputs> references)
      throws BadInputException {
    if (target == null) {
      throw new BadInputException(
          "population outputs: the target model's outputs on the population rows are required");
    }
    List<ModelOutputs> refs = references == null ? List.of() : List.copyOf(references);
    for (ModelOutputs ref : refs) {
      if (ref.numRows() != target.numRows() || ref.numClasses() != target.numClasses()) {
        throw new BadInputException(
            ref.source()
                + ": has "
                + ref.numRows()
                + " population rows x "
                + ref.numClasses()
                + " classes but "
                + target.source()
                + " has "
                + target.numRows()
                + " x "
                + target.numClasses()
                + "; every model must score the same population rows");
      }
      int mismatch = ref.firstLabelMismatch(target);
      if (mismatch >= 0) {
        throw new BadInputException(
            ref.source()
                + ": population row "
                + mismatch
                + " has a different label than in "
                + target.source()
                + "; every model must score the same population rows in the same order");
      }
    }
    return new PopulationOutputs(target, refs);
  }

  /** The target model's outputs on the population rows. */
  public ModelOutputs target() {
    return target;
  }

  /** Reference models' outputs on the population rows (possibly empty). */
  public List<ModelOutputs> references() {
    return references;
  }

  public int numRows() {
    return target.numRows();
  }
}
