package dev.trustml.membership;

import java.util.Set;

/**
 * Per-row signals of the metric-based (threshold) attacks, oriented so that higher means "more
 * likely a member": members of an overfit model have lower loss, higher true-class confidence,
 * lower entropy and lower modified entropy than non-members (Yeom et al. 2018; Song &amp; Mittal
 * 2021, metric-based attacks).
 */
public enum ThresholdSignal {
  /** {@code -loss} (Yeom et al. 2018). */
  LOSS("loss", ThreatModel.BLACK_BOX_LOSS, Citations.YEOM_2018, "negative cross-entropy loss"),
  /**
   * True-class probability {@code p_y}. Same order as {@code -loss} except that it saturates at 1.0
   * for very confident rows; kept because the class-dependent variant calibrates it differently.
   */
  CONFIDENCE(
      "confidence",
      ThreatModel.BLACK_BOX_CONFIDENCE,
      Citations.SONG_MITTAL_2021,
      "true-class probability p_y"),
  /** {@code -entropy} of the predicted distribution; needs no label. */
  ENTROPY(
      "entropy",
      ThreatModel.BLACK_BOX_CONFIDENCE,
      Citations.SONG_MITTAL_2021,
      "negative prediction entropy"),
  /** {@code -Mentr}, the label-aware modified entropy. */
  MODIFIED_ENTROPY(
      "mentr",
      ThreatModel.BLACK_BOX_CONFIDENCE,
      Citations.SONG_MITTAL_2021,
      "negative modified entropy (Mentr)");

  private final String cliName;
  private final ThreatModel threatModel;
  private final String citation;
  private final String description;

  ThresholdSignal(String cliName, ThreatModel threatModel, String citation, String description) {
    this.cliName = cliName;
    this.threatModel = threatModel;
    this.citation = citation;
    this.description = description;
  }

  /** Stable CLI name of the global-threshold attack on this signal. */
  public String cliName() {
    return cliName;
  }

  public ThreatModel threatModel() {
    return threatModel;
  }

  public String citation() {
    return citation;
  }

  public String description() {
    return description;
  }

  /** What the signal needs beyond the target's per-row losses: the entropies need every logit. */
  public Set<Requirement> requirements() {
    return this == ENTROPY || this == MODIFIED_ENTROPY
        ? Set.of(Requirement.NEEDS_LOGITS)
        : Set.of();
  }

  /** The member score of every row of {@code outputs}, in row order. */
  public double[] memberScores(ModelOutputs outputs) {
    double[] scores = new double[outputs.numRows()];
    for (int row = 0; row < scores.length; row++) {
      scores[row] = memberScore(outputs, row);
    }
    return scores;
  }

  /** The signal of {@code row}, higher = more likely a member. */
  public double memberScore(ModelOutputs outputs, int row) {
    switch (this) {
      case LOSS:
        return -outputs.loss(row);
      case CONFIDENCE:
        return outputs.trueClassProbability(row);
      case ENTROPY:
        return -outputs.entropy(row);
      case MODIFIED_ENTROPY:
        return -outputs.modifiedEntropy(row);
    }
    throw new AssertionError(this);
  }
}
