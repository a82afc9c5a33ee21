package dev.trustml.train;

import dev.trustml.model.ReferenceForward;
import dev.trustml.model.TextClassifierWeights;
import java.util.List;

/** Utility of trained weights, computed in plain Java with {@link ReferenceForward}. */
public final class Evaluation {
  private Evaluation() {}

  /** The predicted class: the largest logit, the first one on ties. */
  public static int predict(TextClassifierWeights weights, long[] tokens) {
    double[] z = ReferenceForward.logits(weights, tokens);
    int best = 0;
    for (int c = 1; c < z.length; c++) {
      if (z[c] > z[best]) {
        best = c;
      }
    }
    return best;
  }

  /** Share of examples whose predicted class is their label (NaN for no examples). */
  public static double accuracy(TextClassifierWeights weights, List<TokenizedExample> examples) {
    if (examples.isEmpty()) {
      return Double.NaN;
    }
    int correct = 0;
    for (TokenizedExample e : examples) {
      if (predict(weights, e.tokens()) == e.label()) {
        correct++;
      }
    }
    return (double) correct / examples.size();
  }
}
