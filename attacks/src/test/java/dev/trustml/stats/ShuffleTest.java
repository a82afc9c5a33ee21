package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {

  /**
   * All 4! = 24 orders of 4 items are equally likely: Pearson's chi-square over 240,000 shuffles
   * (23 degrees of freedom) stays below 49.7, the 0.999 quantile of chi-square(23).
   */
  @Test
  void everyOrderIsEquallyLikely() {
    SplittableRandom random = new SplittableRandom(11);
    Map<String, Integer> counts = new HashMap<>();
    int trials = 240_000;
    for (int t = 0; t < trials; t++) {
      counts.merge(Arrays.toString(Shuffle.permutation(4, random)), 1, Integer::sum);
    }
    assertEquals(24, counts.size());
    double expected = trials / 24.0;
    double chiSquare = 0;
    for (int c : counts.values()) {
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    assertTrue(chiSquare < 49.7, "chi-square " + chiSquare);
  }

  /**
   * The prefix of 2 out of 5 is a uniform ordered pair: 20 pairs, chi-square(19) below its 0.999
   * quantile 43.8.
   */
  @Test
  void prefixIsAUniformOrderedSubset() {
    SplittableRandom random = new SplittableRandom(12);
    Map<String, Integer> counts = new HashMap<>();
    int trials = 200_000;
    for (int t = 0; t < trials; t++) {
      double[] a = {0, 1, 2, 3, 4};
      Shuffle.prefix(a, 2, random);
      counts.merge(a[0] + "," + a[1], 1, Integer::sum);
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      assertArrayEquals(new double[] {0, 1, 2, 3, 4}, sorted, "a permutation of the input");
    }
    assertEquals(20, counts.size());
    double expected = trials / 20.0;
    double chiSquare = 0;
    for (int c : counts.values()) {
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    assertTrue(chiSquare < 43.8, "chi-square " + chiSquare);
  }

  /**
   * Call sites shuffle int[], arrays and lists: one seed gives one order whatever the container.
   */
  @Test
  void containersShuffleAlikeForOneSeed() {
    int n = 37;
    int[] ints = Shuffle.permutation(n, new SplittableRandom(5));
    Integer[] boxed = new Integer[n];
    List<Integer> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
      list.add(i);
    }
    Shuffle.inPlace(boxed, new SplittableRandom(5));
    Shuffle.inPlace(list, new SplittableRandom(5));
    for (int i = 0; i < n; i++) {
      assertEquals(ints[i], boxed[i]);
      assertEquals(ints[i], list.get(i));
    }
    double[] doubles = new double[n];
    List<Integer> prefixList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      doubles[i] = i;
      prefixList.add(i);
    }
    Shuffle.prefix(doubles, 9, new SplittableRandom(6));
    Shuffle.prefix(prefixList, 9, new SplittableRandom(6));
    for (int i = 0; i < n; i++) {
      assertEquals(doubles[i], prefixList.get(i), 0.0);
    }
  }

  @Test
  void aPrefixLongerThanTheInputIsRejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Shuffle.prefix(new double[3], 4, new SplittableRandom(1)));
  }
}
