package dev.trustml.canary.modiva;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The k most probable sequences under a product of independent per-slot categorical distributions.
 * Keeping the k best prefixes after each slot is exact here: if a prefix is not among the k best,
 * each of the k better prefixes followed by the same suffix beats every sequence extending it.
 */
final class KBestSequences {
  private KBestSequences() {}

  private record Scored(int[] symbols, double logProb) {}

  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble((Scored s) -> -s.logProb())
          .thenComparing(Scored::symbols, Arrays::compare);

  /**
   * @param logProbs for each slot, the log-probability of each of its symbols
   * @return up to k symbol sequences, most probable first (ties: lexicographically smallest first)
   */
  static List<int[]> of(double[][] logProbs, int k) {
    List<Scored> beam = List.of(new Scored(new int[0], 0));
    for (double[] slot : logProbs) {
      List<Scored> next = new ArrayList<>(beam.size() * slot.length);
      for (Scored prefix : beam) {
        for (int a = 0; a < slot.length; a++) {
          int[] symbols = Arrays.copyOf(prefix.symbols(), prefix.symbols().length + 1);
          symbols[symbols.length - 1] = a;
          next.add(new Scored(symbols, prefix.logProb() + slot[a]));
        }
      }
      next.sort(BEST_FIRST);
      beam = next.subList(0, Math.min(k, next.size()));
    }
    return beam.stream().map(Scored::symbols).toList();
  }
}
