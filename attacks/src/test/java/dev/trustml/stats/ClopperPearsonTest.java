package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Reference intervals: R {@code binom.test(5, 10)$conf.int} = [0.187086, 0.812914] and {@code
 * binom.test(0, 10)} upper 0.3084971; full digits from scipy 1.17.1 {@code
 * scipy.stats.beta.ppf(0.025, k, n-k+1)} / {@code beta.ppf(0.975, k+1, n-k)}.
 */
class ClopperPearsonTest {
  @Test
  void twoSidedIntervalsMatchReferenceValues() {
    Interval five = ClopperPearson.twoSided(5, 10, 0.95);
    assertEquals(0.18708602844739855, five.low(), 1e-13);
    assertEquals(0.8129139715526015, five.high(), 1e-13);
    Interval zero = ClopperPearson.twoSided(0, 10, 0.95);
    assertEquals(0.0, zero.low());
    assertEquals(0.3084971078187607, zero.high(), 1e-13);
    Interval all = ClopperPearson.twoSided(10, 10, 0.95);
    assertEquals(0.6915028921812392, all.low(), 1e-13);
    assertEquals(1.0, all.high());
    Interval mid = ClopperPearson.twoSided(37, 1000, 0.95);
    assertEquals(0.02618270884373734, mid.low(), 1e-13);
    assertEquals(0.05064112305992485, mid.high(), 1e-13);
  }

  @Test
  void zeroSuccessUpperBoundHasAClosedForm() {
    // P[Bin(n, p) = 0] = (1 - p)^n = 1 - level  =>  p = 1 - (1 - level)^(1/n).
    for (int n : new int[] {1, 10, 500, 100_000}) {
      for (double level : new double[] {0.9, 0.95, 0.995}) {
        double expected = -Math.expm1(Math.log(1 - level) / n);
        assertEquals(expected, ClopperPearson.upper(0, n, level), 1e-13 * expected);
      }
    }
  }

  @Test
  void boundsSolveTheirDefiningBinomialEquations() {
    // upper: P[Bin(n, u) <= k] = 1 - level; lower: P[Bin(n, l) >= k] = 1 - level; summed directly.
    int n = 40;
    double level = 0.9;
    for (int k = 1; k < n; k++) {
      double u = ClopperPearson.upper(k, n, level);
      double l = ClopperPearson.lower(k, n, level);
      double atMostK = 0;
      double atLeastK = 0;
      for (int j = 0; j <= n; j++) {
        if (j <= k) {
          atMostK += Math.exp(Binomial.logPmf(j, n, u));
        }
        if (j >= k) {
          atLeastK += Math.exp(Binomial.logPmf(j, n, l));
        }
      }
      assertEquals(1 - level, atMostK, 1e-12, "k=" + k);
      assertEquals(1 - level, atLeastK, 1e-12, "k=" + k);
    }
  }

  @Test
  void badCountsAndLevelsAreNamed() {
    String counts = "Clopper-Pearson needs 0 <= k <= n and n > 0, got ";
    assertEquals(
        counts + "k=0 n=0",
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.upper(0, 0, 0.95))
            .getMessage());
    assertEquals(
        counts + "k=11 n=10",
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.upper(11, 10, 0.95))
            .getMessage());
    assertEquals(
        counts + "k=-1 n=10",
        assertThrows(IllegalArgumentException.class, () -> ClopperPearson.lower(-1, 10, 0.95))
            .getMessage());
    String level = "Clopper-Pearson level must be in (0, 1), got ";
    for (double bad : new double[] {0, 1, Double.NaN}) {
      assertEquals(
          level + bad,
          assertThrows(IllegalArgumentException.class, () -> ClopperPearson.lower(3, 10, bad))
              .getMessage());
    }
  }
}
