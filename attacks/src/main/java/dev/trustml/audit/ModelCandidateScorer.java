package dev.trustml.audit;

import dev.trustml.canary.CandidateScorer;
import dev.trustml.model.Classifier;
import dev.trustml.scoring.BatchLogits;
import dev.trustml.scoring.Softmax;
import java.util.List;

/**
 * Black-box access for canary searches: the model's loss for the canary's label on each candidate
 * sentence, tokenised exactly as at training time.
 */
public final class ModelCandidateScorer implements CandidateScorer {
  private final Classifier model;
  private final int label;

  public ModelCandidateScorer(Classifier model, int label) {
    this.model = model;
    this.label = label;
  }

  @Override
  public double[] losses(List<String> sentences) {
    float[] z = BatchLogits.ofTexts(model, sentences);
    int k = model.numLabels();
    double[] out = new double[sentences.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Softmax.loss(z, i * k, k, label);
    }
    return out;
  }

  @Override
  public int preferredBatchSize() {
    return 1024;
  }
}
