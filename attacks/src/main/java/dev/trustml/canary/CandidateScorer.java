package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import java.util.List;

/**
 * The attacker's black-box access to the model: the loss of the canary's label for each candidate
 * sentence. Implementations bind the model, its tokenizer and the label; this package never sees
 * tokens, because how a sentence becomes tokens is the model's business.
 *
 * <p>Contract: {@code losses(s)[i]} is the cross-entropy {@code -ln p(label | s.get(i))} (natural
 * log; any strictly increasing function of it ranks candidates identically), finite, and
 * independent of the other sentences in the call. Lower means the model finds the candidate more
 * likely, which is what both the attack (Parikh et al., ACL 2022, Sec. 3) and exposure (Carlini et
 * al. 2019, Sec. 4, with log-perplexity replaced by the classifier's loss) rank by. Callers pass at
 * most {@link #preferredBatchSize()} sentences per call.
 */
public interface CandidateScorer {

  /**
   * Scores one batch.
   *
   * @return one loss per sentence, in order
   * @throws TrustmlException if the model cannot score the input (e.g. a sentence longer than the
   *     model accepts)
   */
  double[] losses(List<String> sentences) throws TrustmlException;

  /** The batch size the model runs best at; searches send batches no larger than this. */
  default int preferredBatchSize() {
    return 256;
  }
}
