package dev.trustml.scoring;

/**
 * Softmax arithmetic on one row of logits {@code z[offset .. offset+k)}, in double: trustml's one
 * implementation, for membership signals, scoring, canary losses, the trainers and ModIvA. Rows of
 * {@code float} model outputs are widened first ({@link #widen}); widening is exact, so the float
 * and double paths give the same numbers.
 *
 * <p>Every log-quantity is derived from log-probabilities {@code log p_j = z_j - LSE(z)}, never
 * from probabilities that were rounded first: members of a well-fit model sit where {@code p_y}
 * rounds to 1 and {@code 1 - p_y} to 0, exactly where membership scores and canary ranks must keep
 * their resolution. {@code LSE} subtracts the maximum logit and adds the remaining mass with {@code
 * log1p}, so a confident row keeps its tiny loss (losses of 1e-20 and 2e-20 stay distinct and
 * ordered) instead of collapsing to 0, and logits of 1e4 do not overflow.
 *
 * <p>{@link #probabilitiesInPlace} is the trainers' form {@code exp(z_j - max) / sum_i exp(z_i -
 * max)}: gradients need probabilities, not their logarithms.
 */
public final class Softmax {
  private Softmax() {}

  /** {@code z[offset .. offset+k)} as doubles. */
  public static double[] widen(float[] z, int offset, int k) {
    double[] out = new double[k];
    for (int j = 0; j < k; j++) {
      out[j] = z[offset + j];
    }
    return out;
  }

  /** Index (within the row) of the largest logit; the first one on ties. */
  public static int argMax(double[] z, int offset, int k) {
    return argMaxExcept(z, offset, k, 1.0, -1);
  }

  /** Index (within the row) of the largest logit; the first one on ties. */
  public static int argMax(float[] z, int offset, int k) {
    return argMax(widen(z, offset, k), 0, k);
  }

  /**
   * Index (within the row) of the largest {@code scale * z_j} over {@code j != skip}; the first one
   * on ties. {@code skip = -1} considers all classes.
   */
  private static int argMaxExcept(double[] z, int offset, int k, double scale, int skip) {
    int argMax = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      double v = scale * z[offset + j];
      if (j != skip && (argMax < 0 || v > max)) {
        max = v;
        argMax = j;
      }
    }
    return argMax;
  }

  /**
   * {@code LSE_{j != skip}(scale * z) - scale * z_argMax = log1p(sum_{j != skip, argMax} exp(scale
   * * (z_j - z_argMax)))}: the shifted log-sum-exp, in [0, log k]. Keeping it apart from the max
   * logit preserves its small values (e.g. 1e-22 next to a logit of 50).
   */
  private static double shiftedLogSumExp(
      double[] z, int offset, int k, double scale, int skip, int argMax) {
    double max = scale * z[offset + argMax];
    double rest = 0.0;
    for (int j = 0; j < k; j++) {
      if (j != skip && j != argMax) {
        rest += Math.exp(scale * z[offset + j] - max);
      }
    }
    return Math.log1p(rest);
  }

  /** {@code log sum_j exp(z_j)}. */
  public static double logSumExp(double[] z, int offset, int k) {
    return logSumExpExcept(z, offset, k, -1);
  }

  /** {@code log sum_{j != skip} exp(z_j)}; {@code skip = -1} sums over all classes. */
  public static double logSumExpExcept(double[] z, int offset, int k, int skip) {
    int argMax = argMaxExcept(z, offset, k, 1.0, skip);
    return z[offset + argMax] + shiftedLogSumExp(z, offset, k, 1.0, skip, argMax);
  }

  /**
   * {@code -log softmax(scale * z)_cls = (m - scale z_cls) + shifted LSE}, with {@code m} the max.
   */
  private static double negLogSoftmax(double[] z, int offset, int k, double scale, int cls) {
    int argMax = argMaxExcept(z, offset, k, scale, -1);
    double gap = scale * z[offset + argMax] - scale * z[offset + cls];
    return gap + shiftedLogSumExp(z, offset, k, scale, -1, argMax);
  }

  /**
   * Cross-entropy loss of class {@code y}, {@code -log p_y = LSE(z) - z_y} (&gt;= 0; Yeom et al.
   * 2018, the loss attack; the canary loss of Carlini et al. 2019).
   */
  public static double loss(double[] z, int offset, int k, int y) {
    return negLogSoftmax(z, offset, k, 1.0, y);
  }

  /** {@link #loss(double[], int, int, int)} of a row of model outputs. */
  public static double loss(float[] z, int offset, int k, int y) {
    return loss(widen(z, offset, k), 0, k, y);
  }

  /** {@code log p_y} of the softmax at temperature {@code T}: {@code z_y/T - LSE(z/T)}. */
  public static double logProbability(double[] z, int offset, int k, int y, double temperature) {
    return -negLogSoftmax(z, offset, k, 1.0 / temperature, y);
  }

  /** {@code log p_j} for every class j, each exact however small p_j is. */
  public static double[] logProbabilities(double[] z, int offset, int k) {
    int argMax = argMaxExcept(z, offset, k, 1.0, -1);
    double shifted = shiftedLogSumExp(z, offset, k, 1.0, -1, argMax);
    double max = z[offset + argMax];
    double[] out = new double[k];
    for (int j = 0; j < k; j++) {
      out[j] = -((max - z[offset + j]) + shifted);
    }
    return out;
  }

  /** Shannon entropy {@code -sum_j p_j log p_j = sum_j p_j (LSE - z_j)}; each term is >= 0. */
  public static double entropy(double[] z, int offset, int k) {
    int argMax = argMaxExcept(z, offset, k, 1.0, -1);
    double shifted = shiftedLogSumExp(z, offset, k, 1.0, -1, argMax);
    double max = z[offset + argMax];
    double h = 0.0;
    for (int j = 0; j < k; j++) {
      double negLogP = (max - z[offset + j]) + shifted;
      double p = Math.exp(-negLogP);
      // p underflows to 0 only when p*log(p) is far below double resolution of h: its limit is 0.
      if (p > 0.0) {
        h += p * negLogP;
      }
    }
    return h;
  }

  /**
   * Modified prediction entropy of Song &amp; Mittal (2021, metric-based attacks): {@code Mentr =
   * -(1 - p_y) log p_y - sum_{j != y} p_j log(1 - p_j)}.
   *
   * <p>Stable evaluation: {@code log p_y} comes straight from logits; {@code 1 - p_y} is summed
   * from the other classes' probabilities (no cancellation); {@code log(1 - p_j)} uses {@code
   * log1p} when {@code p_j < 1/2} and otherwise the log-sum-exp of all classes but {@code j} (at
   * most one class can exceed 1/2, so the row stays O(k)). The reference code (inspire-group
   * membership-inference-evaluation, {@code _m_entr_comp}) clamps probabilities at 1e-30 instead;
   * the two agree wherever no probability is below 1e-30 or above 1 - 1e-16.
   */
  public static double modifiedEntropy(double[] z, int offset, int k, int y) {
    int argMax = argMaxExcept(z, offset, k, 1.0, -1);
    double shifted = shiftedLogSumExp(z, offset, k, 1.0, -1, argMax);
    double max = z[offset + argMax];
    double logPy = -((max - z[offset + y]) + shifted);
    double oneMinusPy = 0.0;
    double otherTerms = 0.0;
    for (int j = 0; j < k; j++) {
      if (j == y) {
        continue;
      }
      double p = Math.exp(-((max - z[offset + j]) + shifted));
      oneMinusPy += p;
      if (p == 0.0) {
        continue;
      }
      double logOneMinusP;
      if (p < 0.5) {
        logOneMinusP = Math.log1p(-p);
      } else {
        // log(1 - p_j) = LSE_{i != j}(z) - LSE(z), both relative to their own maxima.
        int otherMax = argMaxExcept(z, offset, k, 1.0, j);
        logOneMinusP =
            (z[offset + otherMax] - max)
                + shiftedLogSumExp(z, offset, k, 1.0, j, otherMax)
                - shifted;
      }
      otherTerms -= p * logOneMinusP;
    }
    return -oneMinusPy * logPy + otherTerms;
  }

  /**
   * LiRA's logit-scaled confidence (Carlini et al. 2022, "logit scaling"): {@code phi = log(p_y /
   * (1 - p_y))} evaluated as {@code z_y - LSE_{j != y}(z_j)}, which never forms {@code 1 - p_y}.
   * With two classes it is exactly {@code z_y - z_other}.
   */
  public static double logitScaledConfidence(double[] z, int offset, int k, int y) {
    int otherMax = argMaxExcept(z, offset, k, 1.0, y);
    return (z[offset + y] - z[offset + otherMax])
        - shiftedLogSumExp(z, offset, k, 1.0, y, otherMax);
  }

  /**
   * Replaces {@code z[offset .. offset+k)} by its softmax probabilities {@code exp(z_j - max) /
   * sum_i exp(z_i - max)}.
   */
  public static void probabilitiesInPlace(double[] z, int offset, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, z[offset + j]);
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double e = Math.exp(z[offset + j] - max);
      z[offset + j] = e;
      sum += e;
    }
    for (int j = 0; j < k; j++) {
      z[offset + j] /= sum;
    }
  }

  /**
   * The logit-scaled confidence from the loss {@code L = -log p_y} alone: {@code phi = log(p_y / (1
   * - p_y)) = -L - log(1 - e^-L)}, with {@code 1 - e^-L} taken as {@code -expm1(-L)} so that small
   * losses keep their digits. Equals {@link #logitScaledConfidence} of any logits with that loss.
   */
  public static double logitScaledConfidenceOfLoss(double loss) {
    return -loss - Math.log(-Math.expm1(-loss));
  }

  /** The softmax probabilities of a row of model outputs. */
  public static double[] probabilities(float[] z, int offset, int k) {
    double[] p = widen(z, offset, k);
    probabilitiesInPlace(p, 0, k);
    return p;
  }
}
