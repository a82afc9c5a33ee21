package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import dev.trustml.scoring.Softmax;

/**
 * One model's outputs on {@code n} rows: the true class of each row and the row-major {@code n x k}
 * logits, stored columnar as primitive arrays so a million rows with two classes cost 12 MB.
 *
 * <p>The arrays are taken over, not copied (copying would double the footprint of the largest
 * objects in an audit): callers must not modify them afterwards. Per-row features are computed on
 * demand in double with the stable formulas of {@link Softmax}.
 */
public final class ModelOutputs {
  private final String source;
  private final int numClasses;
  private final int[] labels;
  private final float[] logits;

  private ModelOutputs(String source, int numClasses, int[] labels, float[] logits) {
    this.source = source;
    this.numClasses = numClasses;
    this.labels = labels;
    this.logits = logits;
  }

  /**
   * Validates and wraps model outputs.
   *
   * @param source what these outputs are, for error messages (e.g. {@code "target outputs
   *     (scores.csv)"})
   * @param numClasses {@code k >= 2}
   * @param labels true class of each row, each in {@code [0, k)}
   * @param logits row-major {@code n x k} finite logits
   * @throws BadInputException if the shapes disagree, a label is out of range or a logit is not
   *     finite; the message names the row
   */
  public static ModelOutputs of(String source, int numClasses, int[] labels, float[] logits)
      throws BadInputException {
    if (numClasses < 2) {
      throw new BadInputException(
          source + ": has " + numClasses + " class(es); membership attacks need at least 2");
    }
    if (labels == null || logits == null) {
      throw new BadInputException(source + ": labels and logits are both required");
    }
    if (labels.length == 0) {
      throw new BadInputException(source + ": has no rows; supply outputs for at least one row");
    }
    long expected = (long) labels.length * numClasses;
    if (logits.length != expected) {
      throw new BadInputException(
          source
              + ": has "
              + labels.length
              + " labels and "
              + logits.length
              + " logits, expected "
              + expected
              + " (rows x "
              + numClasses
              + " classes, row-major)");
    }
    for (int row = 0; row < labels.length; row++) {
      int label = labels[row];
      if (label < 0 || label >= numClasses) {
        throw new BadInputException(
            source
                + ": row "
                + row
                + " has label "
                + label
                + " but labels must be in 0.."
                + (numClasses - 1));
      }
    }
    for (int i = 0; i < logits.length; i++) {
      if (!Float.isFinite(logits[i])) {
        throw new BadInputException(
            source
                + ": row "
                + i / numClasses
                + " class "
                + i % numClasses
                + " has logit "
                + logits[i]
                + "; logits must be finite numbers");
      }
    }
    return new ModelOutputs(source, numClasses, labels, logits);
  }

  /** What these outputs are (used in error messages). */
  public String source() {
    return source;
  }

  public int numClasses() {
    return numClasses;
  }

  public int numRows() {
    return labels.length;
  }

  /** True class of {@code row}. */
  public int label(int row) {
    return labels[row];
  }

  /** Logit of class {@code cls} on {@code row}. */
  public float logit(int row, int cls) {
    return logits[row * numClasses + cls];
  }

  /** Cross-entropy loss {@code -log p_y} (>= 0). */
  public double loss(int row) {
    return Softmax.loss(row(row), 0, numClasses, labels[row]);
  }

  /**
   * True-class softmax probability {@code p_y}. Saturates at 1.0 in double once the margin exceeds
   * about 37; use {@link #loss(int)} where confident rows must stay apart.
   */
  public double trueClassProbability(int row) {
    return Math.exp(logTrueClassProbability(row, 1.0));
  }

  /** {@code log p_y} of the softmax of {@code logits / temperature}, exact for tiny {@code p_y}. */
  public double logTrueClassProbability(int row, double temperature) {
    return Softmax.logProbability(row(row), 0, numClasses, labels[row], temperature);
  }

  /** Shannon entropy (nats) of the predicted distribution; {@code log k} for uniform logits. */
  public double entropy(int row) {
    return Softmax.entropy(row(row), 0, numClasses);
  }

  /** Modified entropy {@code Mentr} of Song &amp; Mittal (2021); lower for members. */
  public double modifiedEntropy(int row) {
    return Softmax.modifiedEntropy(row(row), 0, numClasses, labels[row]);
  }

  /**
   * LiRA's logit-scaled confidence {@code phi = log p_y - log sum_{j != y} p_j = z_y - LSE_{j != y}
   * z_j} (Carlini et al. 2022, "logit scaling").
   */
  public double logitScaledConfidence(int row) {
    return Softmax.logitScaledConfidence(row(row), 0, numClasses, labels[row]);
  }

  /** The logits of {@code row}, widened to double (exactly). */
  private double[] row(int row) {
    return Softmax.widen(logits, row * numClasses, numClasses);
  }

  /** First row whose label differs from {@code other}'s, or -1 if all agree. */
  int firstLabelMismatch(ModelOutputs other) {
    if (other.labels == labels) {
      return -1;
    }
    int n = Math.min(labels.length, other.labels.length);
    for (int row = 0; row < n; row++) {
      if (labels[row] != other.labels[row]) {
        return row;
      }
    }
    return labels.length == other.labels.length ? -1 : n;
  }
}
