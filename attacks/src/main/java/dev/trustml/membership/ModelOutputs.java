package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import dev.trustml.scoring.Softmax;

/**
 * One model's outputs on {@code n} rows: the true class of each row and either the row-major {@code
 * n x k} logits or, when a framework gives no logits, each row's cross-entropy loss {@code -log
 * p_y}. Stored columnar as primitive arrays so a million rows with two classes cost 12 MB.
 *
 * <p>The arrays are taken over, not copied (copying would double the footprint of the largest
 * objects in an audit): callers must not modify them afterwards. Per-row features are computed on
 * demand in double with the stable formulas of {@link Softmax}. From losses alone only what depends
 * on {@code p_y} can be computed (loss, confidence, LiRA's logit-scaled confidence, RMIA's
 * probability at temperature 1); the entropies need every class's logit ({@link
 * Requirement#NEEDS_LOGITS}).
 */
public final class ModelOutputs {
  private final String source;
  private final int numClasses;
  private final int[] labels;
  private final float[] logits;
  private final double[] losses;

  private ModelOutputs(
      String source, int numClasses, int[] labels, float[] logits, double[] losses) {
    this.source = source;
    this.numClasses = numClasses;
    this.labels = labels;
    this.logits = logits;
    this.losses = losses;
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
    checkLabels(source, numClasses, labels, logits);
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
    return new ModelOutputs(source, numClasses, labels, logits, null);
  }

  /**
   * Validates and wraps per-row losses, for models whose logits are not available.
   *
   * @param numClasses {@code k >= 2}
   * @param labels true class of each row, each in {@code [0, k)}
   * @param losses each row's cross-entropy {@code -log p_y}, finite and {@code > 0} (a loss of
   *     exactly 0 says {@code p_y = 1} and leaves LiRA's logit-scaled confidence infinite)
   * @throws BadInputException naming the first bad row
   */
  public static ModelOutputs ofLosses(String source, int numClasses, int[] labels, double[] losses)
      throws BadInputException {
    checkLabels(source, numClasses, labels, losses);
    if (losses.length != labels.length) {
      throw new BadInputException(
          source + ": has " + labels.length + " labels and " + losses.length + " losses");
    }
    for (int row = 0; row < losses.length; row++) {
      if (!(losses[row] > 0) || Double.isInfinite(losses[row])) {
        throw new BadInputException(
            source
                + ": row "
                + row
                + " has loss "
                + losses[row]
                + "; losses must be finite and > 0 (compute -log p in double precision from a"
                + " log-softmax, or give logits)");
      }
    }
    return new ModelOutputs(source, numClasses, labels, null, losses);
  }

  private static void checkLabels(String source, int numClasses, int[] labels, Object values)
      throws BadInputException {
    if (numClasses < 2) {
      throw new BadInputException(
          source + ": has " + numClasses + " class(es); membership attacks need at least 2");
    }
    if (labels == null || values == null) {
      throw new BadInputException(source + ": labels and outputs are both required");
    }
    if (labels.length == 0) {
      throw new BadInputException(source + ": has no rows; supply outputs for at least one row");
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
  }

  /** Whether every class's logit is known (else only each row's loss). */
  public boolean hasLogits() {
    return logits != null;
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

  /** Logit of class {@code cls} on {@code row}; only when {@link #hasLogits()}. */
  public float logit(int row, int cls) {
    return logits()[row * numClasses + cls];
  }

  /** Cross-entropy loss {@code -log p_y} (>= 0). */
  public double loss(int row) {
    return logits == null ? losses[row] : Softmax.loss(row(row), 0, numClasses, labels[row]);
  }

  /**
   * True-class softmax probability {@code p_y}. Saturates at 1.0 in double once the margin exceeds
   * about 37; use {@link #loss(int)} where confident rows must stay apart.
   */
  public double trueClassProbability(int row) {
    return Math.exp(logTrueClassProbability(row, 1.0));
  }

  /**
   * {@code log p_y} of the softmax of {@code logits / temperature}, exact for tiny {@code p_y}.
   * Without logits only temperature 1 is known: {@code -loss}.
   */
  public double logTrueClassProbability(int row, double temperature) {
    if (logits == null) {
      if (temperature != 1.0) {
        throw new IllegalStateException(
            source + ": softmax at temperature " + temperature + " needs logits, not losses");
      }
      return -losses[row];
    }
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
   * z_j} (Carlini et al. 2022, "logit scaling"). From a loss {@code L}: {@code phi = -L - log(1 -
   * e^-L)}, with {@code 1 - e^-L} computed as {@code -expm1(-L)} so small losses keep their digits.
   */
  public double logitScaledConfidence(int row) {
    if (logits == null) {
      return Softmax.logitScaledConfidenceOfLoss(losses[row]);
    }
    return Softmax.logitScaledConfidence(row(row), 0, numClasses, labels[row]);
  }

  /** The logits of {@code row}, widened to double (exactly). */
  private double[] row(int row) {
    return Softmax.widen(logits(), row * numClasses, numClasses);
  }

  private float[] logits() {
    if (logits == null) {
      throw new IllegalStateException(source + ": only per-row losses are known, not logits");
    }
    return logits;
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
