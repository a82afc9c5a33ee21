package dev.trustml.stats;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random permutations: the Fisher-Yates shuffle in Durstenfeld's in-place form (Knuth, TAOCP
 * vol. 2, Algorithm 3.4.2 P), the one implementation every seeded shuffle in trustml uses.
 *
 * <p>Two traversal orders, each a uniform permutation but drawing different numbers from the
 * generator, so neither may be swapped for the other without changing seeded results:
 *
 * <ul>
 *   <li>{@code inPlace} and {@link #permutation}: from the last place down, place {@code i} swaps
 *       with a uniform {@code j} in [0, i];
 *   <li>{@code prefix}: from the first place up, stopping after {@code k} places; place {@code i}
 *       swaps with a uniform {@code j} in [i, n). The first k places are then a uniformly random
 *       k-subset in random order, at the cost of k draws instead of n.
 * </ul>
 */
public final class Shuffle {
  private Shuffle() {}

  /** The numbers 0 .. n-1 in random order. */
  public static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    inPlace(order, random);
    return order;
  }

  /** Shuffles {@code a} in place. */
  public static void inPlace(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Shuffles {@code a} in place. */
  public static <T> void inPlace(T[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** Shuffles a mutable list in place. */
  public static <T> void inPlace(List<T> a, SplittableRandom random) {
    for (int i = a.size() - 1; i > 0; i--) {
      a.set(i, a.set(random.nextInt(i + 1), a.get(i)));
    }
  }

  /** Moves a uniformly random k-subset of {@code a}, in random order, to its first k places. */
  public static void prefix(double[] a, int k, SplittableRandom random) {
    checkPrefix(k, a.length);
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(a.length - i);
      double t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /**
   * Moves a uniformly random k-subset of a mutable list, in random order, to its first k places.
   */
  public static <T> void prefix(List<T> a, int k, SplittableRandom random) {
    checkPrefix(k, a.size());
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(a.size() - i);
      a.set(i, a.set(j, a.get(i)));
    }
  }

  private static void checkPrefix(int k, int n) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("prefix of " + k + " places out of " + n);
    }
  }
}
