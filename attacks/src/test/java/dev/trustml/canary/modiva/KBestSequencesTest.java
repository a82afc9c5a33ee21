package dev.trustml.canary.modiva;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KBestSequencesTest {

  @Test
  void matchesBruteForceRanking() {
    SplittableRandom r = new SplittableRandom(17);
    int[] sizes = {4, 3, 5, 2};
    for (int trial = 0; trial < 20; trial++) {
      double[][] logProbs = new double[sizes.length][];
      for (int s = 0; s < sizes.length; s++) {
        logProbs[s] = new double[sizes[s]];
        for (int a = 0; a < sizes[s]; a++) {
          // Coarse values make ties common, so the tie-break is exercised too.
          logProbs[s][a] = -r.nextInt(4);
        }
      }
      List<int[]> all = new ArrayList<>();
      enumerate(sizes, new int[sizes.length], 0, all);
      all.sort(
          Comparator.comparingDouble((int[] x) -> -score(logProbs, x))
              .thenComparing((x, y) -> Arrays.compare(x, y)));
      for (int k : new int[] {1, 7, 30, 200}) {
        List<int[]> got = KBestSequences.of(logProbs, k);
        assertEquals(Math.min(k, all.size()), got.size());
        for (int i = 0; i < got.size(); i++) {
          assertArrayEquals(all.get(i), got.get(i), "trial " + trial + " k " + k + " rank " + i);
        }
      }
    }
  }

  @Test
  void temperatureDecaysGeometricallyFromStartToEnd() {
    ModivaConfig c = new ModivaConfig(1, 5, 0.1, 2.0, 0.125, 1, 0);
    // 2 * (0.125 / 2)^(t/4) = 2, 1, 0.5, 0.25, 0.125
    double[] want = {2, 1, 0.5, 0.25, 0.125};
    for (int t = 0; t < 5; t++) {
      assertEquals(want[t], c.temperature(t), 1e-12);
    }
  }

  private static double score(double[][] logProbs, int[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += logProbs[i][x[i]];
    }
    return s;
  }

  private static void enumerate(int[] sizes, int[] buf, int pos, List<int[]> out) {
    if (pos == sizes.length) {
      out.add(buf.clone());
      return;
    }
    for (int a = 0; a < sizes[pos]; a++) {
      buf[pos] = a;
      enumerate(sizes, buf, pos + 1, out);
    }
  }
}
