package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExposureTest {
  private static final double LOG2_10 = Math.log(10) / Math.log(2);

  /** The 15 other candidates of a 16-candidate space, losses 1, 2, ..., 15. */
  private static double[] oneToFifteen() {
    double[] r = new double[15];
    for (int i = 0; i < r.length; i++) {
      r[i] = i + 1;
    }
    return r;
  }

  @Test
  void referenceVectorsOfSixteenCandidates() {
    // |R| = 16 (secret + 15 others), so log2|R| = 4 bits (Carlini et al. 2019, Def. 4).
    ExposureEstimate between = Exposure.exact(3.5, oneToFifteen());
    assertEquals(4, between.rank().getAsLong(), "1, 2, 3 are below 3.5");
    assertEquals(2.0, between.bits(), 1e-15);
    assertEquals(4.0, between.maxBits(), 1e-15);
    assertEquals(ExposureMethod.EXACT_RANK, between.method());

    ExposureEstimate best = Exposure.exact(0.5, oneToFifteen());
    assertEquals(1, best.rank().getAsLong());
    assertEquals(4.0, best.bits(), 1e-15);

    ExposureEstimate worst = Exposure.exact(99, oneToFifteen());
    assertEquals(16, worst.rank().getAsLong());
    assertEquals(0.0, worst.bits(), 1e-15);
  }

  @Test
  void sixteenOtherCandidatesMakeSeventeen() {
    double[] others = Arrays.copyOf(oneToFifteen(), 16);
    others[15] = 16;
    ExposureEstimate e = Exposure.exact(3.5, others);
    assertEquals(4, e.rank().getAsLong());
    assertEquals(Math.log(17) / Math.log(2) - 2, e.bits(), 1e-14);
  }

  @Test
  void tiesCountAgainstTheSecret() {
    // Loss 3 ties with the candidate of loss 3: rank 4, not 3.
    assertEquals(4, Exposure.rank(3.0, oneToFifteen()));
    assertEquals(2.0, Exposure.exact(3.0, oneToFifteen()).bits(), 1e-15);
    // A model that scores every candidate the same has extracted nothing: exposure 0.
    double[] flat = new double[15];
    Arrays.fill(flat, 2.5);
    assertEquals(16, Exposure.rank(2.5, flat));
    assertEquals(0.0, Exposure.exact(2.5, flat).bits(), 1e-15);
  }

  @Test
  void fromRankIsLog2SpaceMinusLog2Rank() {
    assertEquals(4 * LOG2_10, Exposure.fromRank(1, 4 * LOG2_10), 1e-12);
    assertEquals(3 * LOG2_10, Exposure.fromRank(10, 4 * LOG2_10), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Exposure.fromRank(0, 4));
  }

  @Test
  void extrapolationAgreesWithTheExactRankOfALargePopulation() {
    // 100,000 candidate losses from a skew-normal; the secret sits where about 200 are below it.
    SkewNormal population = new SkewNormal(1, 2, 4);
    SplittableRandom random = new SplittableRandom(2024);
    double[] all = new double[100_000];
    for (int i = 0; i < all.length; i++) {
      all[i] = population.sample(random);
    }
    double[] sorted = all.clone();
    Arrays.sort(sorted);
    double secretLoss = 0.5 * (sorted[199] + sorted[200]);
    ExposureEstimate exact = Exposure.exact(secretLoss, all);
    assertEquals(201, exact.rank().getAsLong());

    double[] sample = Arrays.copyOf(all, 5_000); // i.i.d., so any 5,000 are a random sample
    ExposureEstimate estimate = Exposure.extrapolated(secretLoss, sample, exact.maxBits());
    assertEquals(ExposureMethod.SKEW_NORMAL_EXTRAPOLATION, estimate.method());
    assertTrue(estimate.fit().isPresent());
    assertTrue(estimate.rank().isEmpty());
    // With n = 5,000 the fitted tail at ~2e-3 scatters by about 0.2 bits (one standard deviation,
    // over seeds) around the exact value; 0.6 bits is about 3 of them. A fit that ignores the skew
    // (a normal) is off by more than 2 bits here.
    assertEquals(exact.bits(), estimate.bits(), 0.6);
  }

  @Test
  void extrapolationFollowsTheNormalTailFarBeyondTheSample() {
    // Sample from N(0,1); a secret at -6 has P = Phi(-6) = 9.86587645037698e-10 (Stan math
    // normal lcdf_tails), i.e. 29.92 bits, far below any of the 5,000 sampled losses.
    SplittableRandom random = new SplittableRandom(5);
    double[] sample = new double[5_000];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = random.nextGaussian();
    }
    double expected = -Math.log(9.86587645037698e-10) / Math.log(2);
    ExposureEstimate e = Exposure.extrapolated(-6, sample, 64);
    // The shape of a near-normal sample is poorly determined (the skew-normal likelihood is flat
    // at alpha = 0), so at this depth the estimate scatters by about 1.5 bits over seeds; 4.5 bits
    // is 3 of them. A CDF that loses the tail (cancellation in Phi - 2T) would give 64 (the cap).
    assertEquals(expected, e.bits(), 4.5);
  }

  @Test
  void extrapolationIsCappedAtLog2SpaceSize() {
    double[] sample = {1, 2, 3, 4, 5, 2, 3, 4, 3, 3.5};
    ExposureEstimate e = Exposure.extrapolated(-1e6, sample, 13.2877);
    assertEquals(13.2877, e.bits(), 0);
    assertTrue(Exposure.extrapolated(1e6, sample, 13.2877).bits() < 1e-9);
  }

  @Test
  void constantSampleGivesZeroOrFullExposure() {
    double[] flat = {2, 2, 2, 2};
    ExposureEstimate tie = Exposure.extrapolated(2, flat, 10);
    assertEquals(ExposureMethod.DEGENERATE_SAMPLE, tie.method());
    assertEquals(0, tie.bits(), 0, "ties count against the secret");
    assertEquals(10, Exposure.extrapolated(1.9, flat, 10).bits(), 0);
  }
}
