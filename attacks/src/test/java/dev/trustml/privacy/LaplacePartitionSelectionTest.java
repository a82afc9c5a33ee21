package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.stats.ClopperPearson;
import dev.trustml.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LaplacePartitionSelectionTest {
  private static final int TRIALS = 20_000;

  /**
   * Hand computation: epsilon 1, delta 1e-6, K 4 gives b = 4 and T = 1 + 4 (1 + ln(4 / 2e-6)) = 1 +
   * 4 (1 + 14.508657738524219) = 63.034630954096876; a key of one row is then released with
   * probability (1/2) e^{-(T - 1)/b} = (1/2) e^{-15.508657738524219} = 9.196986e-8 (= delta / (K
   * e)), and the mechanism's delta e^1 * 4 * that is exactly the delta asked for.
   */
  @Test
  void thresholdAndDeltaMatchTheClosedForm() {
    LaplacePartitionSelection m = new LaplacePartitionSelection(1.0, 1e-6, 4);
    assertEquals(4.0, m.scale());
    assertEquals(63.034630954096876, m.threshold(), 1e-12);
    assertEquals(1e-6 / (4 * Math.E), m.releaseProbability(1), 1e-20);
    assertEquals(9.196986029286058e-8, m.releaseProbability(1), 1e-20);
    assertEquals(1e-6, m.achievedDelta(), 1e-18);
    // Below T: the Laplace tail (1/2) e^{-(T - c)/b}; above: 1 - (1/2) e^{-(c - T)/b}.
    assertEquals(0.5 * Math.exp(-0.034630954096876 / 4), m.releaseProbability(63), 1e-14);
    assertEquals(
        1 - 0.5 * Math.exp(-(64 - 63.034630954096876) / 4), m.releaseProbability(64), 1e-14);
    assertTrue(m.releaseProbability(200) > 0.9999);
    // A huge delta would give T < 1: clamped to 1, which only lowers the delta.
    LaplacePartitionSelection loose = new LaplacePartitionSelection(1e-3, 0.9, 1);
    assertEquals(1.0, loose.threshold());
    assertTrue(loose.achievedDelta() <= 0.9);
  }

  /**
   * Neighbouring data sets D and D' = D plus one row whose K keys nobody else holds: under D' some
   * of them is released with probability 1 - (1 - p)^K, which must not exceed delta (it is at most
   * delta / e^epsilon). Measured over 20,000 runs: the 99.9% Clopper-Pearson interval holds the
   * closed form, and its lower end is below delta.
   */
  @Test
  void aRowOfUniqueKeysIsReleasedAtMostDeltaOfTheTime() {
    double epsilon = 1.0;
    double delta = 0.2;
    int k = 3;
    LaplacePartitionSelection m = new LaplacePartitionSelection(epsilon, delta, k);
    List<Set<String>> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(Set.of("common", "word" + (i % 5)));
    }
    rows.add(Set.of("u1", "u2", "u3"));
    SplittableRandom seeds = new SplittableRandom(11);
    int released = 0;
    for (int t = 0; t < TRIALS; t++) {
      boolean any =
          m.select(rows, new SplittableRandom(seeds.nextLong())).stream()
              .anyMatch(r -> r.key().startsWith("u"));
      released += any ? 1 : 0;
    }
    double p = m.releaseProbability(1);
    double closedForm = 1 - Math.pow(1 - p, k);
    assertTrue(closedForm <= delta / Math.exp(epsilon) + 1e-12, "union bound");
    Interval ci = ClopperPearson.twoSided(released, TRIALS, 0.999);
    assertTrue(
        ci.low() <= closedForm && closedForm <= ci.high(),
        released + " of " + TRIALS + " vs " + closedForm);
    assertTrue(ci.low() <= delta, "released more often than delta: " + ci);
  }

  /**
   * A key held by c rows in D and c + 1 in D' (the added row holds it): the probability of its
   * release, and of its non-release, changes by at most e^{1/b} <= e^epsilon. Measured over 20,000
   * runs each with c near the threshold: the ratio of the 99.9% Clopper-Pearson bounds (the least
   * favourable corners) stays below e^epsilon, and each frequency's interval holds its closed form.
   */
  @Test
  void aCommonKeysReleaseProbabilityChangesByAtMostEToTheEpsilon() {
    double epsilon = 1.0;
    LaplacePartitionSelection m = new LaplacePartitionSelection(epsilon, 1e-3, 1);
    int c = (int) Math.floor(m.threshold());
    List<Set<String>> d = new ArrayList<>(Collections.nCopies(c, Set.of("w")));
    List<Set<String>> dPrime = new ArrayList<>(Collections.nCopies(c + 1, Set.of("w")));
    int inD = releases(m, d, 3);
    int inDPrime = releases(m, dPrime, 5);
    Interval pd = ClopperPearson.twoSided(inD, TRIALS, 0.999);
    Interval pdPrime = ClopperPearson.twoSided(inDPrime, TRIALS, 0.999);
    assertTrue(pd.low() <= m.releaseProbability(c) && m.releaseProbability(c) <= pd.high());
    assertTrue(
        pdPrime.low() <= m.releaseProbability(c + 1)
            && m.releaseProbability(c + 1) <= pdPrime.high());
    double bound = Math.exp(epsilon);
    assertTrue(pdPrime.low() / pd.high() <= bound, pdPrime + " vs " + pd);
    assertTrue((1 - pd.high()) / (1 - pdPrime.low()) <= bound, pdPrime + " vs " + pd);
    // The closed-form ratio is e^{1/b} exactly while both counts are below the threshold.
    double ratio = m.releaseProbability(c) / m.releaseProbability(c - 1);
    assertEquals(Math.exp(1 / m.scale()), ratio, 1e-12);
  }

  private static int releases(LaplacePartitionSelection m, List<Set<String>> rows, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed);
    int n = 0;
    for (int t = 0; t < TRIALS; t++) {
      n += m.select(rows, new SplittableRandom(seeds.nextLong())).isEmpty() ? 0 : 1;
    }
    return n;
  }

  @Test
  void sameRowsAndSeedGiveTheSameReleaseWhateverTheRowOrder() {
    LaplacePartitionSelection m = new LaplacePartitionSelection(2.0, 1e-5, 2);
    List<Set<String>> rows = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 3000; i++) {
      rows.add(Set.of("w" + r.nextInt(40), "x" + r.nextInt(400)));
    }
    var first = m.select(rows, new SplittableRandom(99));
    List<Set<String>> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(3));
    assertEquals(first, m.select(shuffled, new SplittableRandom(99)));
    assertTrue(!first.isEmpty() && first.size() < 440, first.size() + " released");
    for (int i = 1; i < first.size(); i++) {
      assertTrue(first.get(i - 1).noisyCount() >= first.get(i).noisyCount(), "sorted");
    }
  }

  @Test
  void aRowAboveTheContributionBoundIsRefused() {
    LaplacePartitionSelection m = new LaplacePartitionSelection(1.0, 1e-5, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> m.select(List.of(Set.of("a", "b", "c")), new SplittableRandom(1)));
    assertThrows(IllegalArgumentException.class, () -> new LaplacePartitionSelection(0, 1e-5, 1));
    assertThrows(IllegalArgumentException.class, () -> new LaplacePartitionSelection(1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new LaplacePartitionSelection(1, 1e-5, 0));
  }

  @Test
  void scaleAndThresholdFollowEpsilonAndKeepTheirParameters() {
    // b = K / epsilon: epsilon 2, K 3 gives b = 1.5 and T = 1 + 1.5 (2 + ln(3 / 2e-5)).
    LaplacePartitionSelection m = new LaplacePartitionSelection(2.0, 1e-5, 3);
    assertEquals(1.5, m.scale(), 0.0);
    assertEquals(1 + 1.5 * (2 + Math.log(3 / 2e-5)), m.threshold(), 1e-12);
    assertEquals(1e-5, m.achievedDelta(), 1e-17);
    assertEquals(2.0, m.epsilon(), 0.0);
    assertEquals(1e-5, m.delta(), 0.0);
    assertEquals(3, m.maxKeysPerRow());
    assertEquals(
        "delta must be in (0, 1), got 0.0",
        assertThrows(IllegalArgumentException.class, () -> new LaplacePartitionSelection(1, 0, 1))
            .getMessage());
    assertEquals(
        "epsilon must be finite and > 0, got Infinity",
        assertThrows(
                IllegalArgumentException.class,
                () -> new LaplacePartitionSelection(Double.POSITIVE_INFINITY, 1e-5, 1))
            .getMessage());
    assertEquals(
        "keys per row must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> new LaplacePartitionSelection(1, 0.5, 0))
            .getMessage());
  }
}
