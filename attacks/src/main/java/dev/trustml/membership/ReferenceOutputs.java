package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import java.util.List;

/**
 * Outputs of {@code m} reference (shadow) models on the same {@code n} audit rows as the target,
 * plus which rows each reference model trained on: {@code in[j][i]} is true when row {@code i} was
 * in reference model {@code j}'s training set (LiRA and RMIA "IN" models; "OUT" otherwise).
 *
 * <p>Offline attacks use only OUT entries; online attacks also use IN entries. The {@code in}
 * matrix is taken over, not copied.
 */
public final class ReferenceOutputs {
  private final List<ModelOutputs> models;
  private final boolean[][] in;

  private ReferenceOutputs(List<ModelOutputs> models, boolean[][] in) {
    this.models = models;
    this.in = in;
  }

  /**
   * Validates reference outputs.
   *
   * @param models at least one model, all with the same rows and classes
   * @param in {@code m x n} membership of each audit row in each reference model's training set;
   *     {@code null} means no reference model trained on any audit row (pure offline references)
   * @throws BadInputException if shapes disagree
   */
  public static ReferenceOutputs of(List<ModelOutputs> models, boolean[][] in)
      throws BadInputException {
    if (models == null || models.isEmpty()) {
      throw new BadInputException(
          "reference outputs: no reference models given; supply at least one or drop them");
    }
    ModelOutputs first = models.get(0);
    int n = first.numRows();
    for (ModelOutputs model : models) {
      if (model.numRows() != n || model.numClasses() != first.numClasses()) {
        throw new BadInputException(
            model.source()
                + ": has "
                + model.numRows()
                + " rows x "
                + model.numClasses()
                + " classes but "
                + first.source()
                + " has "
                + n
                + " x "
                + first.numClasses()
                + "; all reference models must score the same audit rows");
      }
      int mismatch = model.firstLabelMismatch(first);
      if (mismatch >= 0) {
        throw new BadInputException(
            model.source()
                + ": row "
                + mismatch
                + " has a different label than in "
                + first.source()
                + "; all reference models must score the same audit rows in the same order");
      }
    }
    if (in != null) {
      if (in.length != models.size()) {
        throw new BadInputException(
            "reference membership: has "
                + in.length
                + " model rows but "
                + models.size()
                + " reference models were given; give one IN/OUT row per reference model");
      }
      for (int j = 0; j < in.length; j++) {
        if (in[j] == null || in[j].length != n) {
          throw new BadInputException(
              "reference membership: model "
                  + j
                  + " has "
                  + (in[j] == null ? 0 : in[j].length)
                  + " IN/OUT flags but there are "
                  + n
                  + " audit rows; give one flag per audit row");
        }
      }
    }
    return new ReferenceOutputs(List.copyOf(models), in);
  }

  /** The reference models, in input order. */
  public List<ModelOutputs> models() {
    return models;
  }

  public int numModels() {
    return models.size();
  }

  public ModelOutputs model(int j) {
    return models.get(j);
  }

  /** Number of audit rows every reference model scored. */
  public int numRows() {
    return models.get(0).numRows();
  }

  /** Whether audit row {@code row} was in reference model {@code model}'s training set. */
  public boolean isIn(int model, int row) {
    return in != null && in[model][row];
  }

  /** Whether any reference model trained on any audit row (needed by online attacks). */
  public boolean anyIn() {
    if (in == null) {
      return false;
    }
    for (boolean[] flags : in) {
      for (boolean flag : flags) {
        if (flag) {
          return true;
        }
      }
    }
    return false;
  }
}
