package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.LabeledText;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.stats.ClopperPearson;
import dev.trustml.stats.Interval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataSplitTest {
  private static List<LabeledText> distinctRows(int n) {
    List<LabeledText> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new LabeledText(i + 1, i + 2, "row " + i, i % 3 == 0 ? "a" : "b"));
    }
    return rows;
  }

  private static Set<String> keys(List<LabeledText> rows) {
    Set<String> out = new HashSet<>();
    for (LabeledText r : rows) {
      out.add(r.label() + "\u0000" + r.text());
    }
    return out;
  }

  /**
   * Each of 20,000 distinct rows is a member with probability 0.3: the count of members lies in the
   * 99.9% Clopper-Pearson interval around 0.3, and the expected count is 0.3 * 20,000 whatever the
   * coins gave.
   */
  @Test
  void bernoulliIncludesEachRowWithProbabilityP() {
    List<LabeledText> rows = distinctRows(20_000);
    DataSplit split = DataSplit.bernoulli(rows, 0.3, 7);
    Interval ci = ClopperPearson.twoSided(split.train().size(), rows.size(), 0.999);
    assertTrue(ci.low() <= 0.3 && 0.3 <= ci.high(), split.train().size() + " members");
    assertEquals(0.3 * 20_000, split.expectedTrainRows(), 1e-9);
    assertEquals(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.3), split.design());
    assertEquals(rows.size(), split.train().size() + split.heldout().size());
    // Coins of another seed differ (about half of the rows change side at p = 0.3: 42%).
    Set<String> other = keys(DataSplit.bernoulli(rows, 0.3, 8).train());
    assertNotEquals(keys(split.train()), other);
  }

  /**
   * Bernoulli coins of neighbouring rows are independent: the number of (member, member) pairs of
   * consecutive rows is that of independent coins (p^2 of the pairs), within a 99.9% interval.
   */
  @Test
  void bernoulliCoinsOfDifferentRowsAreIndependent() {
    List<LabeledText> rows = distinctRows(20_000);
    Set<String> members = keys(DataSplit.bernoulli(rows, 0.5, 3).train());
    int both = 0;
    for (int i = 1; i < rows.size(); i++) {
      boolean a = members.contains(keys(List.of(rows.get(i - 1))).iterator().next());
      boolean b = members.contains(keys(List.of(rows.get(i))).iterator().next());
      both += a && b ? 1 : 0;
    }
    Interval ci = ClopperPearson.twoSided(both, rows.size() - 1, 0.999);
    assertTrue(ci.low() <= 0.25 && 0.25 <= ci.high(), both + " pairs");
  }

  @Test
  void identicalRowsLandOnTheSameSideAndRowOrderDoesNotMatter() {
    for (MembershipDesign.Kind kind : MembershipDesign.Kind.values()) {
      List<LabeledText> rows = new ArrayList<>(distinctRows(300));
      for (int i = 0; i < 300; i += 7) {
        LabeledText r = rows.get(i);
        rows.add(new LabeledText(1000 + i, 1000 + i, r.text(), r.label()));
        rows.add(new LabeledText(2000 + i, 2000 + i, r.text(), r.label()));
      }
      MembershipDesign design = new MembershipDesign(kind, 0.5);
      DataSplit split = DataSplit.of(design, rows, 42);
      Set<String> in = keys(split.train());
      Set<String> out = keys(split.heldout());
      in.retainAll(out);
      assertEquals(Set.of(), in, kind + ": rows on both sides");
      List<LabeledText> shuffled = new ArrayList<>(rows);
      Collections.shuffle(shuffled, new Random(5));
      DataSplit again = DataSplit.of(design, shuffled, 42);
      assertEquals(keys(split.train()), keys(again.train()), kind + ": order changed the split");
      assertEquals(split.train().size(), again.train().size());
    }
  }

  @Test
  void stratifiedHoldsOutAFixedShareOfEachLabelsDistinctRows() {
    List<LabeledText> rows = distinctRows(300); // labels: a 100, b 200
    DataSplit split = DataSplit.stratified(rows, 0.3, 1);
    assertEquals(30, split.heldout().stream().filter(r -> r.label().equals("a")).count());
    assertEquals(60, split.heldout().stream().filter(r -> r.label().equals("b")).count());
    assertEquals(210.0, split.expectedTrainRows(), 1e-12, "no duplicates: the fixed size");
    assertEquals(new MembershipDesign(MembershipDesign.Kind.STRATIFIED, 0.7), split.design());
  }

  /**
   * With duplicates the stratified member count varies with the shuffle; its expectation is rows *
   * (distinct - held out) / distinct per label. Label x: texts with 3, 1, 1, 1 copies (6 rows, 4
   * distinct, 2 held out) -> 3; label y: 2, 2 copies (4 rows, 2 distinct, 1 held out) -> 2; 5 in
   * all. The mean over 4,000 seeds is within 4 standard errors of it.
   */
  @Test
  void stratifiedExpectedTrainRowsIsTheMeanOverTheShuffle() {
    List<LabeledText> rows = new ArrayList<>();
    String[][] copies = {{"x", "x1", "3"}, {"x", "x2", "1"}, {"x", "x3", "1"}, {"x", "x4", "1"}};
    for (String[] c : copies) {
      for (int k = 0; k < Integer.parseInt(c[2]); k++) {
        rows.add(new LabeledText(rows.size() + 1, 0, c[1], c[0]));
      }
    }
    for (String t : new String[] {"y1", "y1", "y2", "y2"}) {
      rows.add(new LabeledText(rows.size() + 1, 0, t, "y"));
    }
    int seeds = 4000;
    double sum = 0;
    double sumSq = 0;
    double expected = Double.NaN;
    for (int s = 0; s < seeds; s++) {
      DataSplit split = DataSplit.stratified(rows, 0.5, s);
      expected = split.expectedTrainRows();
      sum += split.train().size();
      sumSq += (double) split.train().size() * split.train().size();
    }
    assertEquals(5.0, expected, 1e-12);
    double mean = sum / seeds;
    double se = Math.sqrt((sumSq / seeds - mean * mean) / seeds);
    assertTrue(Math.abs(mean - 5.0) < 4 * se, "mean " + mean + " se " + se);
  }
}
