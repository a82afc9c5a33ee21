package dev.trustml.canary;

import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.progress.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * Scores every candidate secret (Parikh et al., ACL 2022, Sec. 3: feasible for 4-digit PINs, |R| =
 * 10^4) and keeps the k with the lowest loss. With the true secret known it also counts its exact
 * rank, ties against it, and so its exact exposure (Carlini et al. 2019, Def. 4).
 *
 * <p>Memory is O(batch + k), not O(|R|): the batch that contains the secret is scored first, so its
 * loss is known before the other candidates stream past and are counted.
 */
public final class EnumerationSearch implements CanarySearch {
  /** This search's name. */
  public static final String NAME = "enumerate";

  /** Beyond this many candidates enumeration is refused (it would take hours): search instead. */
  public static final long HARD_LIMIT = 20_000_000L;

  private final CandidateScorer scorer;

  /**
   * @param scorer the model's loss for the canary's label
   */
  public EnumerationSearch(CandidateScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Enumerates all |R| candidates of {@code template}, keeping the {@code settings.topK()} best.
   *
   * @param secret the planted secret, if known (enables rank, exposure, exact-extraction checks)
   * @throws UsageException if |R| is above {@link #HARD_LIMIT}
   * @throws TrustmlException if the model fails
   */
  @Override
  public ExtractionResult search(
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    if (!template.spaceFitsInLong() || template.spaceSizeExact() > HARD_LIMIT) {
      throw new UsageException(
          Message.of(
              String.format(
                  "canary '%s' has 2^%.1f candidates, too many to enumerate (limit %,d); use ",
                  template.source(), template.log2SpaceSize(), HARD_LIMIT),
              Message.ref(Setting.CANARY_METHOD, "the method"),
              " beam or modiva"));
    }
    int topK = settings.topK();
    long start = System.nanoTime();
    long size = template.spaceSizeExact();
    int batch = BatchScoring.batchSize(scorer);
    long batches = (size + batch - 1) / batch;
    long secretIndex = secret.map(template::indexOf).orElse(-1L);
    long firstBatch = secretIndex >= 0 ? secretIndex / batch : 0;

    // Max-heap on (loss, index): its head is the worst of the k kept. Index order equals slot-value
    // order, the tie-break every search uses.
    PriorityQueue<Scored> kept = new PriorityQueue<>(topK + 1, Scored.BEST_FIRST.reversed());
    double secretLoss = Double.NaN;
    long atOrBelowSecret = 0;
    progress.start("enumerate", size);
    try {
      for (long step = 0; step < batches; step++) {
        // Visit the secret's batch first, then the others in index order.
        long b = step == 0 ? firstBatch : (step <= firstBatch ? step - 1 : step);
        long from = b * batch;
        int count = (int) Math.min(batch, size - from);
        List<String> sentences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          sentences.add(template.render(template.secretAt(from + i)));
        }
        double[] losses = BatchScoring.scoreOneBatch(scorer, sentences);
        if (secretIndex >= 0 && step == 0) {
          secretLoss = losses[(int) (secretIndex - from)];
        }
        for (int i = 0; i < count; i++) {
          if (secretIndex >= 0 && from + i != secretIndex && losses[i] <= secretLoss) {
            atOrBelowSecret++;
          }
          keep(kept, new Scored(losses[i], from + i), topK);
        }
        progress.advance(count);
      }
    } finally {
      progress.done();
    }
    List<Scored> best = new ArrayList<>(kept);
    best.sort(Scored.BEST_FIRST);
    List<Guess> top = new ArrayList<>(best.size());
    for (Scored c : best) {
      Secret s = template.secretAt(c.index());
      top.add(new Guess(s, template.format(s), c.loss()));
    }
    Optional<SecretOutcome> outcome = Optional.empty();
    if (secret.isPresent()) {
      Secret truth = secret.get();
      long rank = 1 + atOrBelowSecret;
      ExposureEstimate exposure = Exposure.exactFromRank(rank, template.log2SpaceSize(), size - 1);
      outcome =
          Optional.of(
              new SecretOutcome(
                  truth,
                  template.format(truth),
                  secretLoss,
                  top.get(0).secret().equals(truth),
                  BatchScoring.perSlotAccuracy(top.get(0).secret(), truth),
                  OptionalLong.of(rank),
                  Optional.of(exposure)));
    }
    return ExtractionResult.of(NAME, template, top, outcome, size, System.nanoTime() - start);
  }

  private static void keep(PriorityQueue<Scored> kept, Scored candidate, int topK) {
    if (kept.size() < topK) {
      kept.add(candidate);
    } else if (Scored.BEST_FIRST.compare(candidate, kept.peek()) < 0) {
      kept.poll();
      kept.add(candidate);
    }
  }

  /** A scored candidate by mixed-radix index; turned into a {@link Guess} only if kept. */
  private record Scored(double loss, long index) {
    static final Comparator<Scored> BEST_FIRST =
        Comparator.comparingDouble(Scored::loss).thenComparingLong(Scored::index);
  }
}
