package dev.trustml.train;

import dev.trustml.model.tokenize.VocabTokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a word vocabulary from training texts: {@code [PAD]}, {@code [UNK]}, then the words seen
 * at least {@code minCount} times, most frequent first, ties in alphabetical (code point) order,
 * cut to {@code maxSize} entries in all. Words are split exactly as {@link VocabTokenizer} splits
 * them, so every kept word is reachable.
 */
public final class VocabularyBuilder {
  private VocabularyBuilder() {}

  /** The vocabulary in id order. */
  public static List<String> build(
      Iterable<String> texts, boolean lowercase, int maxSize, int minCount) {
    return build(texts, lowercase, maxSize, minCount, List.of());
  }

  /**
   * As {@link #build(Iterable, boolean, int, int)}, with {@code reserved} tokens placed right after
   * the special tokens whatever their counts (e.g. a canary slot's alphabet).
   */
  public static List<String> build(
      Iterable<String> texts, boolean lowercase, int maxSize, int minCount, List<String> reserved) {
    if (maxSize < 2 || minCount < 1) {
      throw new IllegalArgumentException("maxSize >= 2 and minCount >= 1");
    }
    Map<String, Integer> counts = new HashMap<>();
    for (String text : texts) {
      for (String w : VocabTokenizer.words(text, lowercase)) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<Map.Entry<String, Integer>> entries = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() >= minCount) {
        entries.add(e);
      }
    }
    entries.sort(
        Map.Entry.<String, Integer>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> vocab = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    java.util.Set<String> seen = new java.util.HashSet<>(vocab);
    for (String r : reserved) {
      String token = lowercase ? r.toLowerCase(java.util.Locale.ROOT) : r;
      if (seen.add(token)) {
        vocab.add(token);
      }
    }
    for (Map.Entry<String, Integer> e : entries) {
      if (vocab.size() >= maxSize) {
        break;
      }
      if (seen.add(e.getKey())) {
        vocab.add(e.getKey());
      }
    }
    return vocab;
  }
}
