package dev.trustml.train;

import dev.trustml.data.LabeledText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic member / non-member split, stratified by label: within each label a seeded
 * shuffle picks round(fraction * rows of that label) rows to hold out. Both parts keep the input's
 * row order.
 *
 * @param train rows to train on (members)
 * @param heldout rows held out (non-members)
 */
public record DataSplit(List<LabeledText> train, List<LabeledText> heldout) {
  public DataSplit {
    train = List.copyOf(train);
    heldout = List.copyOf(heldout);
  }

  /** Splits {@code rows}; {@code fraction} in (0, 1). */
  public static DataSplit stratified(List<LabeledText> rows, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1)");
    }
    Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byLabel.computeIfAbsent(rows.get(i).label(), l -> new ArrayList<>()).add(i);
    }
    // Labels in sorted order so the random stream does not depend on which label comes first.
    List<String> labels = new ArrayList<>(byLabel.keySet());
    labels.sort(Comparator.naturalOrder());
    SplittableRandom random = new SplittableRandom(seed);
    boolean[] heldOut = new boolean[rows.size()];
    for (String label : labels) {
      List<Integer> idx = byLabel.get(label);
      int[] a = idx.stream().mapToInt(Integer::intValue).toArray();
      for (int i = a.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      long take = Math.round(fraction * a.length);
      for (int i = 0; i < take; i++) {
        heldOut[a[i]] = true;
      }
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> heldout = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      (heldOut[i] ? heldout : train).add(rows.get(i));
    }
    return new DataSplit(train, heldout);
  }
}
