package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.Exposure;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SecretRankBoundTest {
  private static final double LOG2_1E4 = Math.log(1e4) / Math.log(2);

  @Test
  void singleCopyRankOneOfTenThousandByHand() {
    // k = 1, |R| = 10^4, rank 1, delta = 1e-5, 95%: e^eps / 10^4 + 1e-5 = 0.05.
    double expected = Math.log((0.05 - 1e-5) / 1e-4);
    assertEquals(6.21440808, expected, 1e-8);
    assertEquals(expected, SecretRankBound.epsilonLowerBound(1, LOG2_1E4, 1, 1e-5, 0.95), 1e-12);
    // At the bound the p-value is exactly the significance.
    assertEquals(0.05, SecretRankBound.pValue(1, LOG2_1E4, 1, expected, 1e-5), 1e-15);
  }

  @Test
  void pValueIsTheGroupPrivacyTail() {
    // k = 4, eps = 0.5, delta = 1e-5, rank 3 of 10^4: e^2 * 3e-4 + 1e-5 (1 + e^.5 + e + e^1.5).
    double groupDelta = 1e-5 * (1 + Math.exp(0.5) + Math.exp(1.0) + Math.exp(1.5));
    assertEquals(groupDelta, SecretRankBound.groupDelta(4, 0.5, 1e-5), 1e-18);
    assertTrue(groupDelta <= 4 * Math.exp(3 * 0.5) * 1e-5, "never above k e^{(k-1) eps} delta");
    assertEquals(
        Math.exp(2.0) * 3e-4 + groupDelta,
        SecretRankBound.pValue(3, LOG2_1E4, 4, 0.5, 1e-5),
        1e-15);
    assertEquals(1.0, SecretRankBound.pValue(5000, LOG2_1E4, 1, 3, 0));
  }

  @Test
  void severalCopiesBoundSitsWhereThePValueCrossesTheSignificance() {
    for (int k : new int[] {2, 4, 16}) {
      double eps = SecretRankBound.epsilonLowerBound(1, LOG2_1E4, k, 1e-5, 0.95);
      assertTrue(eps > 0);
      assertEquals(0.05, SecretRankBound.pValue(1, LOG2_1E4, k, eps, 1e-5), 1e-12, "k=" + k);
      assertTrue(SecretRankBound.pValue(1, LOG2_1E4, k, eps * (1 + 1e-9), 1e-5) > 0.05);
    }
    // Without delta, k copies divide the single-copy bound by k exactly.
    assertEquals(
        Math.log(0.05 * 1e4) / 16,
        SecretRankBound.epsilonLowerBound(1, LOG2_1E4, 16, 0, 0.95),
        1e-12);
  }

  @Test
  void chanceRanksRefuteNothing() {
    assertEquals(0.0, SecretRankBound.epsilonLowerBound(600, LOG2_1E4, 1, 0, 0.95));
    assertEquals(0.0, SecretRankBound.epsilonLowerBound(5000, LOG2_1E4, 1, 1e-5, 0.95));
    // delta alone can swamp the test: k delta >= 5%.
    assertEquals(0.0, SecretRankBound.epsilonLowerBound(1, LOG2_1E4, 10, 0.01, 0.95));
    assertThrows(
        IllegalArgumentException.class,
        () -> SecretRankBound.epsilonLowerBound(0, LOG2_1E4, 1, 0, 0.95));
  }

  /**
   * A mechanism with known privacy that is (nearly) tight for this test: the "model" is a ranking
   * of all N candidates (losses = positions). Without the canary it is a uniform permutation. With
   * the canary, the secret's position is drawn with weight {@code topWeight} on the top J positions
   * and {@code bottomWeight} elsewhere (randomised response over the secret's rank), and the other
   * candidates fill the other positions uniformly, so an output's probability is the uniform one
   * times N w / Z (w the weight of the secret's position, Z the total weight). With probability
   * delta the secret is put first outright, which adds delta.
   */
  private static int failures(
      int n,
      int top,
      double topWeight,
      double bottomWeight,
      int copies,
      double eps,
      double delta,
      int trials,
      long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double topMass = top * topWeight / (top * topWeight + (n - top) * bottomWeight);
    double truth = eps;
    int exceed = 0;
    double[] losses = new double[n];
    int[] order = new int[n];
    for (int t = 0; t < trials; t++) {
      int secret = random.nextInt(n); // drawn uniformly, as trustml plants
      int position;
      if (delta > 0 && random.nextDouble() < delta) {
        position = 0;
      } else if (random.nextDouble() < topMass) {
        position = random.nextInt(top);
      } else {
        position = top + random.nextInt(n - top);
      }
      // A uniform permutation of the other candidates around the secret's position.
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Shuffle.inPlace(order, random);
      int swapWith = 0;
      while (order[swapWith] != secret) {
        swapWith++;
      }
      order[swapWith] = order[position];
      order[position] = secret;
      for (int p = 0; p < n; p++) {
        losses[order[p]] = p;
      }
      double[] others = new double[n - 1];
      int k = 0;
      for (int c = 0; c < n; c++) {
        if (c != secret) {
          others[k++] = losses[c];
        }
      }
      long rank = Exposure.rank(losses[secret], others);
      assertEquals(position + 1, rank);
      double lb =
          SecretRankBound.epsilonLowerBound(rank, Math.log(n) / Math.log(2), copies, delta, 0.95);
      if (lb > truth) {
        exceed++;
      }
    }
    return exceed;
  }

  @Test
  void boundExceedsTheTrueEpsilonAtMostFivePercentOfTheTime() {
    int trials = 20_000;
    // 3 s.d. of a 5% rate over 20,000 trials is 0.46%.
    double limit = 0.05 + 3 * Math.sqrt(0.05 * 0.95 / trials);
    // k = 1, eps = ln 3: weights e^eps on top and e^-eps below with J = N/(e^eps + 1) = 250 make
    // Z = N, so every output is e^eps or e^-eps times as likely as without the canary: eps-DP,
    // and the top ranks are exactly e^eps times uniform, where the test rejects.
    double eps = Math.log(3);
    double single = failures(1000, 250, 3, 1.0 / 3, 1, eps, 0, trials, 1) / (double) trials;
    // k = 1 with delta = 1% on top: (eps, delta)-DP.
    double withDelta = failures(1000, 250, 3, 1.0 / 3, 1, eps, 0.01, trials, 2) / (double) trials;
    // k = 4 copies at eps = 0.5 each: with j copies the weights are e^{j eps} on top and 1 below;
    // one more copy multiplies each output's probability by e^eps Z_j/Z_{j+1} or Z_j/Z_{j+1},
    // both in [e^-eps, e^eps] since Z_j <= Z_{j+1} <= e^eps Z_j: each copy is eps-DP.
    double group = failures(1000, 6, Math.exp(4 * 0.5), 1, 4, 0.5, 0, trials, 3) / (double) trials;
    System.out.printf(
        "per-canary rank test at 95%%: failure rate %.4f (k=1), %.4f (k=1, delta=0.01), %.4f"
            + " (k=4)%n",
        single, withDelta, group);
    assertTrue(single <= limit, "k=1: " + single);
    assertTrue(withDelta <= limit, "delta: " + withDelta);
    assertTrue(group <= limit, "k=4: " + group);
    // The mechanism is tight for the test, so the rate is close to 5%, not vacuously 0.
    assertTrue(single > 0.04, "k=1 is tight: " + single);
    assertTrue(withDelta > 0.04, "delta is tight: " + withDelta);
    assertTrue(group > 0.03, "k=4 is nearly tight: " + group);
  }

  private static void assertRejected(String message, Executable call) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, call).getMessage());
  }

  @Test
  void groupDeltaAtEpsilonZeroIsKTimesDelta() {
    // delta (1 + e^eps + ... + e^{(k-1) eps}) at eps = 0: k terms of delta.
    assertEquals(3e-5, SecretRankBound.groupDelta(3, 0, 1e-5), 1e-20);
    assertEquals(
        1e-5 * (1 + Math.E + Math.E * Math.E), SecretRankBound.groupDelta(3, 1, 1e-5), 1e-18);
    // A space of one candidate (log2 |R| = 0): rank 1 is certain, p = 1.
    assertEquals(1.0, SecretRankBound.pValue(1, 0, 1, 0, 0), 0.0);
    // delta = 0 is a valid claim (pure DP).
    assertEquals(1.0 / 16, SecretRankBound.pValue(1, 4, 1, 0, 0), 1e-15);
  }

  @Test
  void badArgumentsAreNamed() {
    assertRejected("repetitions must be >= 1, got 0", () -> SecretRankBound.groupDelta(0, 1, 1e-5));
    assertRejected(
        "rank must be finite and >= 1, got 0.5", () -> SecretRankBound.pValue(0.5, 10, 1, 0, 0));
    assertRejected(
        "log2 |R| must be finite and >= 0, got -1.0", () -> SecretRankBound.pValue(1, -1, 1, 0, 0));
    assertRejected("repetitions must be >= 1, got 0", () -> SecretRankBound.pValue(1, 10, 0, 0, 0));
    assertRejected(
        "delta must be in [0, 1), got 1.0", () -> SecretRankBound.pValue(1, 10, 1, 0, 1));
    assertRejected("eps must be >= 0, got -1.0", () -> SecretRankBound.pValue(1, 10, 1, -1, 0));
    String confidence = "confidence must be in (0, 1), got ";
    assertRejected(confidence + "0.0", () -> SecretRankBound.epsilonLowerBound(1, 10, 1, 0, 0));
    assertRejected(confidence + "1.0", () -> SecretRankBound.epsilonLowerBound(1, 10, 1, 0, 1));
    // Every argument is checked before the confidence level, in argument order.
    assertRejected(
        "rank must be finite and >= 1, got 0.5",
        () -> SecretRankBound.epsilonLowerBound(0.5, 10, 1, 0, 2));
    assertRejected(
        "repetitions must be >= 1, got 0", () -> SecretRankBound.epsilonLowerBound(1, 10, 0, 0, 2));
    assertRejected(
        "delta must be in [0, 1), got -1.0",
        () -> SecretRankBound.epsilonLowerBound(1, 10, 1, -1, 2));
  }
}
