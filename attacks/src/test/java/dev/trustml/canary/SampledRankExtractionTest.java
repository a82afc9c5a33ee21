package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.progress.Progress;
import dev.trustml.stats.SampledRank;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The rank bound from the beam path's uniform sample, against ranks enumeration counts exactly. */
class SampledRankExtractionTest {
  /** Settings that keep the {@code k} best guesses. */
  private static ExtractionSettings top(int k) {
    return new ExtractionSettings(
        ExtractionSettings.DEFAULT_ENUMERATION_LIMIT, k, 1, PartialCanaryForm.OMIT_UNFILLED, 3, 0);
  }

  private static final String SIX_DIGITS = "my code is" + " {digit}".repeat(6);

  /** A pseudo-random loss per candidate, rounded to 1/500 so that ties occur. */
  private static double hashLoss(long index) {
    long z = index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
    z ^= z >>> 29;
    return Math.round((z >>> 11) * 0x1.0p-53 * 500) / 500.0;
  }

  private static long index(int[] positions) {
    long index = 0;
    for (int p : positions) {
      index = index * 10 + p;
    }
    return index;
  }

  @Test
  void sampledIntervalContainsTheEnumeratedRankInAMillionCandidateSpace() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(SIX_DIGITS);
    ToDoubleFunction<int[]> loss =
        p -> p.length == 6 ? hashLoss(index(p)) : 0.5; // partial canaries: uninformative
    int size = 1_000_000;
    double[] all = new double[size];
    for (int i = 0; i < size; i++) {
      all[i] = hashLoss(i);
    }
    // The enumeration agrees with counting directly (ties against the secret).
    Secret first = t.secretAt(123_456);
    ExtractionResult enumerated =
        new EnumerationSearch(new FakeScorer(t, 4096, loss))
            .search(t, Optional.of(first), top(3), Progress.NONE);
    assertEquals(exactRank(all, 123_456), enumerated.secret().orElseThrow().rank().getAsLong());

    // The beam path counts the secret against its uniform sample.
    Secret someSecret = t.secretAt(654_321);
    ExtractionSettings beamOnly =
        new ExtractionSettings(0, 3, 2, PartialCanaryForm.OMIT_UNFILLED, 2_000, 100);
    SecretOutcome o =
        new CanaryExtractor(new FakeScorer(t, 512, loss), beamOnly)
            .extract(t, Optional.of(someSecret), Progress.NONE)
            .secret()
            .orElseThrow();
    RankSample counted = o.rankSample().orElseThrow();
    assertEquals(2_000, counted.sampled());
    assertEquals(size - 1, counted.otherCandidates());
    double[] same =
        new BeamSearch(new FakeScorer(t, 512, loss))
            .sampleLosses(t, someSecret, beamOnly, Progress.NONE);
    assertEquals(RankSample.of(all[654_321], same, size - 1), counted);

    // Coverage: 40 secrets, each with its own sample (the beam search's sampler, seeded per
    // secret).
    SplittableRandom random = new SplittableRandom(21);
    int secrets = 40;
    int missed = 0;
    for (int s = 0; s < secrets; s++) {
      int secretIndex = random.nextInt(size);
      ExtractionSettings seeded =
          new ExtractionSettings(0, 3, 2, PartialCanaryForm.OMIT_UNFILLED, 2_000, 200 + s);
      double[] sampled =
          new BeamSearch(new FakeScorer(t, 512, loss))
              .sampleLosses(t, t.secretAt(secretIndex), seeded, Progress.NONE);
      RankSample sample = RankSample.of(all[secretIndex], sampled, size - 1);
      long exact = exactRank(all, secretIndex);
      boolean covered =
          SampledRank.interval(sample.atOrBelow(), sample.sampled(), size - 1, 0.95)
              .contains(exact);
      missed += covered ? 0 : 1;
    }
    // 95% intervals: 2 misses expected of 40; 6 would be 2.9 s.d. above.
    assertTrue(missed <= 5, "intervals missed the exact rank " + missed + " times of " + secrets);
  }

  private static long exactRank(double[] all, int secret) {
    long rank = 0;
    for (double l : all) {
      rank += l <= all[secret] ? 1 : 0;
    }
    return rank;
  }

  @Test
  void hundredMillionCandidatesFinishWithARankBound() throws Exception {
    // 8 digits, |R| = 10^8: beam search plus a 10,000-candidate sample, never enumeration.
    CanaryTemplate t = CanaryTemplate.parse("my code is" + " {digit}".repeat(8));
    Secret secret = t.parseSecret("2 7 1 8 2 8 1 8");
    // Hamming distance to the secret plus a small pseudo-random term: the secret is the unique
    // minimum and the sampled losses are continuous (as a model's are) for the skew-normal fit.
    FakeScorer scorer =
        new FakeScorer(
            t,
            1024,
            p -> FakeScorer.hamming(p, secret) + (p.length == 8 ? 0.5 * hashLoss(index(p)) : 0));
    long start = System.nanoTime();
    ExtractionResult r =
        new CanaryExtractor(scorer, ExtractionSettings.defaults())
            .extract(t, Optional.of(secret), Progress.NONE);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("10^8-candidate space: beam + sampled rank bound in %.2f s%n", seconds);
    assertEquals(BeamSearch.NAME, r.method());
    RankSample sample = r.secret().orElseThrow().rankSample().orElseThrow();
    assertEquals(10_000, sample.sampled());
    assertEquals(0, sample.atOrBelow(), "the secret is the unique minimum");
    double upper = SampledRank.upper(0, 10_000, 1e8 - 1, 0.975);
    assertTrue(upper >= 1 && upper < 40_000, "rank <= " + upper);
  }
}
