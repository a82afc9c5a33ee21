package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SampledRankTest {
  @Test
  void noSampledCandidateBeatingGivesTheZeroSuccessClosedForm() {
    // b = 0 of n: CP upper = 1 - (1 - level)^(1/n); rank <= 1 + floor(that * (|R| - 1)).
    double share = 1 - Math.pow(0.025, 1.0 / 10_000);
    double others = 1e8 - 1;
    assertEquals(1 + Math.floor(share * others), SampledRank.upper(0, 10_000, others, 0.975));
    assertEquals(36_882, SampledRank.upper(0, 10_000, others, 0.975));
    // Everything beats the secret: it may be last.
    assertEquals(1e8, SampledRank.upper(10_000, 10_000, others, 0.975));
  }

  @Test
  void intervalCoversTheExactRankOfSecretsInAMillionCandidateSpace() {
    // Losses of 10^6 candidates (ties included: rounded to 1/1000), exact ranks by counting; then
    // 400 secrets at random quantiles, each with its own uniform sample of 2,000 other candidates.
    int size = 1_000_000;
    SplittableRandom random = new SplittableRandom(11);
    double[] losses = new double[size];
    for (int i = 0; i < size; i++) {
      double g = -Math.log(random.nextDouble());
      losses[i] = Math.round(g * 1000) / 1000.0;
    }
    double[] sorted = losses.clone();
    Arrays.sort(sorted);
    int trials = 400;
    int missedUpper = 0;
    int missedInterval = 0;
    for (int t = 0; t < trials; t++) {
      int secret = random.nextInt(size);
      // Exact rank, ties against the secret: every candidate with loss <= the secret's.
      long exact = upperIndex(sorted, losses[secret]);
      long beating = 0;
      int n = 2_000;
      for (int s = 0; s < n; s++) {
        int c;
        do {
          c = random.nextInt(size);
        } while (c == secret);
        beating += losses[c] <= losses[secret] ? 1 : 0;
      }
      if (SampledRank.upper(beating, n, size - 1, 0.95) < exact) {
        missedUpper++;
      }
      if (!SampledRank.interval(beating, n, size - 1, 0.95).contains(exact)) {
        missedInterval++;
      }
    }
    // Nominal 5% misses each; 3 s.d. over 400 trials is 3.3%.
    assertTrue(missedUpper <= 0.083 * trials, "upper bound missed " + missedUpper);
    assertTrue(missedInterval <= 0.083 * trials, "interval missed " + missedInterval);
  }

  /** Number of values <= x in a sorted array. */
  private static long upperIndex(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Test
  void intervalEndsAreTheClopperPearsonEndsScaledToTheSpace() {
    // 5 of 10 sampled candidates beat the secret, 99 others: the 95% interval's ends are the
    // two-sided Clopper-Pearson ends [0.187086, 0.812914] (R binom.test(5, 10)) times 99, rounded
    // outwards, plus 1: [1 + ceil(18.52), 1 + floor(80.48)] = [20, 81].
    Interval rank = SampledRank.interval(5, 10, 99, 0.95);
    assertEquals(20.0, rank.low(), 0.0);
    assertEquals(81.0, rank.high(), 0.0);
    assertEquals(0.95, rank.confidence(), 0.0);
    // A single other candidate is a valid space: the secret is first or second.
    assertEquals(1.0, SampledRank.upper(0, 10, 1, 0.95), 0.0);
    assertEquals(2.0, SampledRank.upper(10, 10, 1, 0.95), 0.0);
    for (double others : new double[] {0.5, 0, Double.POSITIVE_INFINITY, Double.NaN}) {
      String message = "a sampled rank needs at least one other candidate, got " + others;
      assertEquals(
          message,
          assertThrows(IllegalArgumentException.class, () -> SampledRank.upper(0, 10, others, 0.9))
              .getMessage());
      assertEquals(
          message,
          assertThrows(
                  IllegalArgumentException.class, () -> SampledRank.interval(0, 10, others, 0.9))
              .getMessage());
    }
  }
}
