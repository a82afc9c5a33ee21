package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

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
public final class BeamSearch implements CanarySearch {
  /** This search's name. */
  public static final String NAME = "beam";

  private final CandidateScorer scorer;

  /**
   * @param scorer the model's loss for the canary's label
   */
  public BeamSearch(CandidateScorer scorer) {
    this.scorer = scorer;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Number of candidates the beam will score for {@code template} (without the secret). */
  public static long plannedCandidates(CanaryTemplate template, int beamWidth) {
    long total = 0;
    long beams = 1;
    for (Alphabet a : template.alphabets()) {
      total = saturatingAdd(total, beams * a.size());
      beams = Math.min(beamWidth, beams * a.size());
    }
    return total;
  }

  /**
   * Runs the search with {@code settings.beamWidth()} partial canaries kept per slot and the {@code
   * settings.topK()} best full guesses returned. With the secret known, its loss and top-1
   * comparison are reported, and its exposure is extrapolated from a skew-normal fitted to {@code
   * settings.exposureSampleSize()} uniformly sampled candidates (Carlini et al. 2019, Sec. 4.3),
   * drawn with {@code settings.seed()}; the sample also bounds its rank ({@link RankSample}).
   *
   * @throws TrustmlException if the model fails
   */
  @Override
  public ExtractionResult search(
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    long start = System.nanoTime();
    long sample = secret.isPresent() ? settings.exposureSampleSize() : 0;
    long planned = plannedCandidates(template, settings.beamWidth());
    progress.start(
        secret.isPresent() ? "beam search + exposure sample" : "beam search",
        planned + (secret.isPresent() ? 1 : 0) + sample);
    try {
      ExtractionResult result = beam(template, secret, settings, progress);
      if (result.secret().isEmpty()) {
        return result;
      }
      SecretOutcome outcome = result.secret().get();
      double[] sampled = sampleLosses(template, outcome.secret(), settings, progress);
      ExposureEstimate exposure =
          Exposure.extrapolated(outcome.loss(), sampled, template.log2SpaceSize());
      RankSample counted =
          RankSample.of(
              outcome.loss(), sampled, template.spaceSize().subtract(BigInteger.ONE).doubleValue());
      return result.withSecret(
          outcome.withExposure(exposure, counted), sampled.length, System.nanoTime() - start);
    } finally {
      progress.done();
    }
  }

  /**
   * Losses of {@code settings.exposureSampleSize()} candidates drawn uniformly (with replacement,
   * never the secret itself, as exposure ranks the secret against the others) with the settings'
   * seed.
   */
  double[] sampleLosses(
      CanaryTemplate template, Secret secret, ExtractionSettings settings, Progress progress)
      throws TrustmlException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    List<String> sentences = new ArrayList<>(settings.exposureSampleSize());
    while (sentences.size() < settings.exposureSampleSize()) {
      Secret s = template.randomSecret(random);
      if (!s.equals(secret)) {
        sentences.add(template.render(s));
      }
    }
    return BatchScoring.score(scorer, sentences, progress);
  }

  /**
   * The beam itself: at most {@code beamWidth * sum_j |A_j|} candidates; with the secret known, its
   * loss (scored if it fell out of the beam) and the top-1 comparison.
   */
  private ExtractionResult beam(
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    int beamWidth = settings.beamWidth();
    int topK = settings.topK();
    PartialCanaryForm form = settings.partialForm();
    long start = System.nanoTime();
    int slots = template.slotCount();
    List<int[]> beams = List.of(new int[slots]);
    List<Candidate> finals = List.of();
    long scored = 0;
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
    return ExtractionResult.of(NAME, template, top, outcome, scored, System.nanoTime() - start);
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
