package dev.trustml.audit;

import dev.trustml.canary.CandidateScorer;
import dev.trustml.model.LoadedModel;
import dev.trustml.scoring.BatchLogits;
import dev.trustml.scoring.Softmax;
import java.util.List;

/**
 * Black-box access for canary searches: the model's loss for the canary's label on each candidate
 * sentence, tokenised exactly as at training time.
 */
public final class ModelCandidateScorer implements CandidateScorer {
  private final LoadedModel model;
  private final int label;

  public ModelCandidateScorer(LoadedModel model, int label) {
    this.model = model;
    this.label = label;
  }

  @Override
  public double[] losses(List<String> sentences) {
    long[][] tokens = new long[sentences.size()][];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = model.tokenizer().encode(sentences.get(i), model.card().maxLength());
    }
    float[] z = BatchLogits.of(model, tokens);
    int k = model.card().labels().size();
    double[] out = new double[tokens.length];
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
