package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.List;

/**
 * Outputs on "population" rows: data from the same distribution that is known to be outside the
 * target's training data and is never itself evaluated.
 *
 * <p>RMIA compares each audit row against these rows (its {@code z} samples, Zarifzadeh et al.
 * 2024) and so needs the target's and every reference model's outputs on them, with the reference
 * models in the same order as in {@link ReferenceOutputs}, and which population rows each reference
 * model trained on: a row's marginal uses only the reference models it is OUT for. The
 * class-dependent threshold attacks use only the target's outputs, as a non-member reference for
 * per-class calibration.
 */
public final class PopulationOutputs {
  private final ModelOutputs target;
  private final List<ModelOutputs> references;
  private final boolean[][] in;

  private PopulationOutputs(ModelOutputs target, List<ModelOutputs> references, boolean[][] in) {
    this.target = target;
    this.references = references;
    this.in = in;
  }

  /** Population outputs no reference model trained on (every reference is OUT for every row). */
  public static PopulationOutputs of(ModelOutputs target, List<ModelOutputs> references)
      throws BadInputException {
    return of(target, references, null);
  }

  /**
   * Validates population outputs.
   *
   * @param target the target model's outputs on the population rows
   * @param references each reference model's outputs on the same population rows (same order as the
   *     reference models on the audit rows); may be empty when no attack needs them
   * @param in {@code in[j][i]}: population row {@code i} was in reference model {@code j}'s
   *     training data; null when no reference model trained on any population row
   * @throws BadInputException if a reference model scored different rows
   */
  public static PopulationOutputs of(
      ModelOutputs target, List<ModelOutputs> references, boolean[][] in) throws BadInputException {
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
    if (in != null) {
      if (in.length != refs.size()) {
        throw new BadInputException(
            "population membership: has "
                + in.length
                + " model rows but "
                + refs.size()
                + " reference models scored the population; give one IN/OUT row per model");
      }
      for (boolean[] flags : in) {
        if (flags == null || flags.length != target.numRows()) {
          throw new BadInputException(
              "population membership: a reference model has "
                  + (flags == null ? 0 : flags.length)
                  + " IN/OUT flags but there are "
                  + target.numRows()
                  + " population rows; give one flag per row");
        }
      }
    }
    return new PopulationOutputs(target, refs, in);
  }

  /** The target model's outputs on the population rows. */
  public ModelOutputs target() {
    return target;
  }

  /** Reference models' outputs on the population rows (possibly empty). */
  public List<ModelOutputs> references() {
    return references;
  }

  /** The reference models' outputs with their IN/OUT flags (null when there are none). */
  ReferenceOutputs referenceOutputs() throws BadInputException {
    return references.isEmpty() ? null : ReferenceOutputs.of(references, in);
  }

  public int numRows() {
    return target.numRows();
  }
}
