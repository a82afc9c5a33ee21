package dev.trustml.membership;

/**
 * Numerically stable softmax statistics of one row of logits, computed in double.
 *
 * <p>Every quantity is derived from log-probabilities {@code log p_j = z_j - LSE(z)}, never from
 * probabilities that were rounded first: members of a well-fit model sit where {@code p_y} rounds
 * to 1 and {@code 1 - p_y} to 0, exactly where membership scores must keep their resolution. {@code
 * LSE} subtracts the maximum logit and adds the remaining mass with {@code log1p}, so a confident
 * row keeps its tiny loss (e.g. 1e-20) instead of collapsing to 0, and logits of 1e4 do not
 * overflow.
 */
final class SoftmaxRow {
  private SoftmaxRow() {}

  /**
   * Index (within the row) of the largest {@code scale * z_j} over {@code j != skip}; the first one
   * on ties. {@code skip = -1} considers all classes.
   */
  private static int argMaxExcept(
      float[] logits, int offset, int numClasses, double scale, int skip) {
    int argMax = -1;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < numClasses; j++) {
      double v = scale * logits[offset + j];
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
      float[] logits, int offset, int numClasses, double scale, int skip, int argMax) {
    double max = scale * logits[offset + argMax];
    double rest = 0.0;
    for (int j = 0; j < numClasses; j++) {
      if (j != skip && j != argMax) {
        rest += Math.exp(scale * logits[offset + j] - max);
      }
    }
    return Math.log1p(rest);
  }

  /** {@code log sum_{j != skip} exp(z_j)}; {@code skip = -1} sums over all classes. */
  static double logSumExpExcept(float[] logits, int offset, int numClasses, int skip) {
    int argMax = argMaxExcept(logits, offset, numClasses, 1.0, skip);
    return logits[offset + argMax]
        + shiftedLogSumExp(logits, offset, numClasses, 1.0, skip, argMax);
  }

  /**
   * {@code -log softmax(scale * z)_cls = (m - scale z_cls) + shifted LSE}, with {@code m} the max.
   */
  private static double negLogSoftmax(
      float[] logits, int offset, int numClasses, double scale, int cls) {
    int argMax = argMaxExcept(logits, offset, numClasses, scale, -1);
    double gap = scale * logits[offset + argMax] - scale * logits[offset + cls];
    return gap + shiftedLogSumExp(logits, offset, numClasses, scale, -1, argMax);
  }

  /** Cross-entropy loss {@code -log p_y = LSE(z) - z_y} (Yeom et al. 2018, the loss attack). */
  static double loss(float[] logits, int offset, int numClasses, int label) {
    return negLogSoftmax(logits, offset, numClasses, 1.0, label);
  }

  /** {@code log p_y} of the softmax at temperature {@code T}: {@code z_y/T - LSE(z/T)}. */
  static double logTrueClassProbability(
      float[] logits, int offset, int numClasses, int label, double temperature) {
    return -negLogSoftmax(logits, offset, numClasses, 1.0 / temperature, label);
  }

  /** Shannon entropy {@code -sum_j p_j log p_j = sum_j p_j (LSE - z_j)}; each term is >= 0. */
  static double entropy(float[] logits, int offset, int numClasses) {
    int argMax = argMaxExcept(logits, offset, numClasses, 1.0, -1);
    double shifted = shiftedLogSumExp(logits, offset, numClasses, 1.0, -1, argMax);
    double max = logits[offset + argMax];
    double h = 0.0;
    for (int j = 0; j < numClasses; j++) {
      double negLogP = (max - logits[offset + j]) + shifted;
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
  static double modifiedEntropy(float[] logits, int offset, int numClasses, int label) {
    int argMax = argMaxExcept(logits, offset, numClasses, 1.0, -1);
    double shifted = shiftedLogSumExp(logits, offset, numClasses, 1.0, -1, argMax);
    double max = logits[offset + argMax];
    double logPy = -((max - logits[offset + label]) + shifted);
    double oneMinusPy = 0.0;
    double otherTerms = 0.0;
    for (int j = 0; j < numClasses; j++) {
      if (j == label) {
        continue;
      }
      double p = Math.exp(-((max - logits[offset + j]) + shifted));
      oneMinusPy += p;
      if (p == 0.0) {
        continue;
      }
      double logOneMinusP;
      if (p < 0.5) {
        logOneMinusP = Math.log1p(-p);
      } else {
        // log(1 - p_j) = LSE_{i != j}(z) - LSE(z), both relative to their own maxima.
        int otherMax = argMaxExcept(logits, offset, numClasses, 1.0, j);
        logOneMinusP =
            (logits[offset + otherMax] - max)
                + shiftedLogSumExp(logits, offset, numClasses, 1.0, j, otherMax)
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
  static double logitScaledConfidence(float[] logits, int offset, int numClasses, int label) {
    int otherMax = argMaxExcept(logits, offset, numClasses, 1.0, label);
    return ((double) logits[offset + label] - logits[offset + otherMax])
        - shiftedLogSumExp(logits, offset, numClasses, 1.0, label, otherMax);
  }
}
