package dev.trustml.train;

import dev.trustml.data.LabeledText;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.stats.Shuffle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deterministic member / non-member split under a recorded {@link MembershipDesign}. Identical
 * rows (same text and label) always land on the same side, so the two files never share a row, and
 * neither design depends on the order of the rows: the same rows in another order split alike. Both
 * parts keep the input's row order.
 *
 * @param train rows to train on (members)
 * @param heldout rows held out (non-members)
 * @param design how rows were assigned; null for {@link #none}
 * @param expectedTrainRows the expected number of member rows over the design's randomness, a
 *     function of the pool only (never of who became a member): DP-SGD's sampling rate is derived
 *     from it, so the card's q and T reveal nothing about the realised split
 */
public record DataSplit(
    List<LabeledText> train,
    List<LabeledText> heldout,
    MembershipDesign design,
    double expectedTrainRows) {
  /** Keeps the Bernoulli coins apart from every other use of the seed. */
  private static final long COIN_SALT = 0x6265_726e_6f75_6c6cL;

  public DataSplit {
    train = List.copyOf(train);
    heldout = List.copyOf(heldout);
  }

  /** Splits {@code rows} by {@code design}. */
  public static DataSplit of(MembershipDesign design, List<LabeledText> rows, long seed) {
    return switch (design.kind()) {
      case BERNOULLI -> bernoulli(rows, design.inclusionProbability(), seed);
      case STRATIFIED -> stratified(rows, 1 - design.inclusionProbability(), seed);
    };
  }

  /**
   * No split: every row is trained on and nothing is held out. No design is recorded, and the
   * training set's size is its own (public) size.
   */
  public static DataSplit none(List<LabeledText> rows) {
    return new DataSplit(rows, List.of(), null, rows.size());
  }

  /**
   * Each distinct row is a member by its own coin with probability {@code p}: the coin is a hash of
   * (seed, text, label) ({@link RowHash}), so coins of distinct rows are independent, copies of a
   * row share theirs, and the order of the rows does not matter. This is the design the one-run
   * audit theorem assumes (Steinke, Nasr &amp; Jagielski 2023) when p = 1/2.
   */
  public static DataSplit bernoulli(List<LabeledText> rows, double p, long seed) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("inclusion probability must be in (0, 1)");
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> heldout = new ArrayList<>();
    for (LabeledText r : rows) {
      (isBernoulliMember(r, p, seed) ? train : heldout).add(r);
    }
    return new DataSplit(
        train, heldout, new MembershipDesign(MembershipDesign.Kind.BERNOULLI, p), p * rows.size());
  }

  /** Whether the Bernoulli(p) design with {@code seed} makes {@code row} a member. */
  static boolean isBernoulliMember(LabeledText row, double p, long seed) {
    return RowHash.uniform(seed, COIN_SALT, row.text(), row.label()) < p;
  }

  /**
   * Within each label, the distinct rows (sorted, so row order does not matter) are shuffled with
   * the seed and the first round(fraction * distinct rows of that label) are held out, with all
   * their copies. Trials are dependent (a fixed number per label): no one-run bound applies.
   */
  public static DataSplit stratified(List<LabeledText> rows, double fraction, long seed) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1)");
    }
    // label -> distinct text -> copies; sorted maps so the random stream sees a canonical order.
    Map<String, TreeMap<String, Integer>> byLabel = new TreeMap<>();
    for (LabeledText r : rows) {
      byLabel.computeIfAbsent(r.label(), l -> new TreeMap<>()).merge(r.text(), 1, Integer::sum);
    }
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, TreeSet<String>> heldOutTexts = new LinkedHashMap<>();
    double expected = 0;
    for (Map.Entry<String, TreeMap<String, Integer>> e : byLabel.entrySet()) {
      String[] texts = e.getValue().keySet().toArray(new String[0]);
      Shuffle.inPlace(texts, random);
      int take = (int) Math.round(fraction * texts.length);
      heldOutTexts.put(e.getKey(), new TreeSet<>(List.of(texts).subList(0, take)));
      // Each distinct row is trained on with probability (d - take) / d over the shuffle, so the
      // label's rows contribute rows * (d - take) / d members in expectation (exactly, without
      // duplicates).
      int copies = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
      expected += (double) copies * (texts.length - take) / texts.length;
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> heldout = new ArrayList<>();
    for (LabeledText r : rows) {
      (heldOutTexts.get(r.label()).contains(r.text()) ? heldout : train).add(r);
    }
    return new DataSplit(
        train,
        heldout,
        new MembershipDesign(MembershipDesign.Kind.STRATIFIED, 1 - fraction),
        expected);
  }
}
