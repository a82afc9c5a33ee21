package dev.trustml.canary;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Sends sentences to a {@link CandidateScorer} in batches and checks what comes back. */
final class BatchScoring {
  /** Lower loss first; equal losses by slot values in alphabet order, so results are stable. */
  static final Comparator<Guess> BEST_FIRST =
      Comparator.comparingDouble(Guess::loss)
          .thenComparing((a, b) -> Arrays.compare(a.secret().positions(), b.secret().positions()));

  private BatchScoring() {}

  /** Scores {@code sentences} (any number) in batches of the scorer's preferred size. */
  static double[] score(CandidateScorer scorer, List<String> sentences, Progress progress)
      throws TrustmlException {
    int batch = batchSize(scorer);
    double[] out = new double[sentences.size()];
    for (int from = 0; from < sentences.size(); from += batch) {
      int to = Math.min(sentences.size(), from + batch);
      double[] losses = scoreOneBatch(scorer, sentences.subList(from, to));
      System.arraycopy(losses, 0, out, from, losses.length);
      progress.advance(to - from);
    }
    return out;
  }

  /** Scores one batch (at most the preferred size) and validates the answer. */
  static double[] scoreOneBatch(CandidateScorer scorer, List<String> sentences)
      throws TrustmlException {
    double[] losses = scorer.losses(sentences);
    if (losses == null || losses.length != sentences.size()) {
      throw new IllegalStateException(
          "scorer returned "
              + (losses == null ? "null" : losses.length + " losses")
              + " for "
              + sentences.size()
              + " sentences");
    }
    for (int i = 0; i < losses.length; i++) {
      if (Double.isNaN(losses[i])) {
        throw new BadInputException(
            "the model returned a NaN loss for candidate '"
                + sentences.get(i)
                + "'; check that the model and its label list match");
      }
    }
    return losses;
  }

  static int batchSize(CandidateScorer scorer) {
    int batch = scorer.preferredBatchSize();
    if (batch < 1) {
      throw new IllegalStateException("scorer's preferred batch size is " + batch);
    }
    return batch;
  }

  static double perSlotAccuracy(Secret guess, Secret truth) {
    return (double) guess.matchingSlots(truth) / truth.slotCount();
  }
}
