package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Slot-by-slot beam search for candidate spaces too large to enumerate (10^6 and up).
 *
 * <p>At slot j every kept partial canary is extended with every value of slot j's alphabet, the
 * extensions are scored as partial sentences (see {@link PartialCanaryForm}; unfilled slots are
 * left out by default) and the {@code beamWidth} with the lowest loss survive. The last slot is
 * scored as full sentences and the best {@code topK} are returned. Cost: at most {@code beamWidth *
 * sum_j |A_j|} model calls instead of {@code prod_j |A_j|}.
 *
 * <p>This is exact when the loss decomposes over slots (each slot's contribution can be judged
 * without the later ones), and otherwise a heuristic: if the partial losses mislead, the secret's
 * prefix drops out of the beam and the result simply reports a wrong top guess.
 */
public final class BeamSearch {
  private final CandidateScorer scorer;
  private final int beamWidth;
  private final int topK;
  private final PartialCanaryForm form;

  /**
   * @param scorer the model's loss for the canary's label
   * @param beamWidth partial canaries kept after each slot (at least 1)
   * @param topK full guesses returned (at least 1)
   * @param form how a partial canary becomes a sentence
   */
  public BeamSearch(CandidateScorer scorer, int beamWidth, int topK, PartialCanaryForm form) {
    if (beamWidth < 1 || topK < 1) {
      throw new IllegalArgumentException(
          "beamWidth and topK must be >= 1, got " + beamWidth + " and " + topK);
    }
    this.scorer = scorer;
    this.beamWidth = beamWidth;
    this.topK = topK;
    this.form = form;
  }

  /** Number of candidates {@link #run} will score for {@code template} (without the secret). */
  public long plannedCandidates(CanaryTemplate template) {
    long total = 0;
    long beams = 1;
    for (Alphabet a : template.alphabets()) {
      total = saturatingAdd(total, beams * a.size());
      beams = Math.min(beamWidth, beams * a.size());
    }
    return total;
  }

  /**
   * Runs the search.
   *
   * @param secret the planted secret, if known (its loss and top-1 comparison are reported; rank
   *     and exposure are left to {@link CanaryExtractor}, which samples the space)
   * @throws TrustmlException if the model fails
   */
  public ExtractionResult run(CanaryTemplate template, Optional<Secret> secret, Progress progress)
      throws TrustmlException {
    long start = System.nanoTime();
    int slots = template.slotCount();
    List<int[]> beams = List.of(new int[slots]);
    List<Candidate> finals = List.of();
    long scored = 0;
    progress.start("beam search", plannedCandidates(template) + (secret.isPresent() ? 1 : 0));
    try {
      for (int slot = 0; slot < slots; slot++) {
        boolean last = slot == slots - 1;
        int filled = slot + 1;
        List<int[]> extensions = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (int[] beam : beams) {
          for (int v = 0; v < template.alphabet(slot).size(); v++) {
            int[] p = beam.clone();
            p[slot] = v;
            extensions.add(p);
            sentences.add(template.renderPartial(p, filled, form));
          }
        }
        double[] losses = BatchScoring.score(scorer, sentences, progress);
        scored += losses.length;
        List<Candidate> ranked = new ArrayList<>(extensions.size());
        for (int i = 0; i < losses.length; i++) {
          ranked.add(new Candidate(extensions.get(i), losses[i]));
        }
        // Positions of unfilled slots are all 0, so comparing whole arrays orders by filled prefix.
        ranked.sort(Candidate.BEST_FIRST);
        int keep = Math.min(ranked.size(), last ? topK : beamWidth);
        if (last) {
          finals = ranked;
        } else {
          List<int[]> next = new ArrayList<>(keep);
          for (Candidate c : ranked.subList(0, keep)) {
            next.add(c.positions());
          }
          beams = next;
        }
      }
      List<Guess> top = new ArrayList<>();
      for (Candidate c : finals.subList(0, Math.min(topK, finals.size()))) {
        Secret s = Secret.of(c.positions());
        top.add(new Guess(s, template.format(s), c.loss()));
      }
      Optional<SecretOutcome> outcome = Optional.empty();
      if (secret.isPresent()) {
        Secret truth = secret.get();
        double secretLoss = lossFromFinals(finals, truth);
        if (Double.isNaN(secretLoss)) {
          secretLoss = BatchScoring.score(scorer, List.of(template.render(truth)), progress)[0];
          scored++;
        } else {
          progress.advance(1);
        }
        outcome =
            Optional.of(
                new SecretOutcome(
                    truth,
                    template.format(truth),
                    secretLoss,
                    top.get(0).secret().equals(truth),
                    BatchScoring.perSlotAccuracy(top.get(0).secret(), truth),
                    OptionalLong.empty(),
                    Optional.empty()));
      }
      return ExtractionResult.of(
          ExtractionMethod.BEAM, template, top, outcome, scored, System.nanoTime() - start);
    } finally {
      progress.done();
    }
  }

  private static double lossFromFinals(List<Candidate> finals, Secret truth) {
    int[] target = truth.positions();
    for (Candidate c : finals) {
      if (Arrays.equals(c.positions(), target)) {
        return c.loss();
      }
    }
    return Double.NaN;
  }

  private static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  private record Candidate(int[] positions, double loss) {
    static final Comparator<Candidate> BEST_FIRST =
        Comparator.comparingDouble(Candidate::loss)
            .thenComparing((a, b) -> Arrays.compare(a.positions, b.positions));
  }
}
