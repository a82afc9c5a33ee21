package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.LabeledText;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DpVocabularyTest {
  private static final LabeledText LONG_ROW =
      new LabeledText(1, 2, "one two three four five six seven eight nine ten one two", "pos");

  @Test
  void eachRowContributesAtMostKOfItsOwnWordsChosenFromTheRowAlone() {
    List<String> chosen = DpVocabulary.contribution(LONG_ROW, true, 3, 5);
    assertEquals(3, chosen.size());
    assertEquals(3, new HashSet<>(chosen).size(), "distinct");
    assertTrue(VocabTokenizer.words(LONG_ROW.text(), true).containsAll(chosen));
    // The same row (another CSV line) chooses alike: the choice depends on its content and seed.
    LabeledText copy = new LabeledText(77, 99, LONG_ROW.text(), LONG_ROW.label());
    assertEquals(chosen, DpVocabulary.contribution(copy, true, 3, 5));
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      seen.add(DpVocabulary.contribution(LONG_ROW, true, 3, seed));
    }
    assertTrue(seen.size() > 10, "the choice is random over seeds: " + seen.size());
    // A short row gives all of its distinct words.
    assertEquals(
        List.of("good", "food"),
        DpVocabulary.contribution(new LabeledText(1, 2, "Good food good", "pos"), true, 3, 5));
  }

  /**
   * 2,000 rows: "good"/"bad" in every other row, a word of its own in each. With epsilon 1 and
   * delta 1e-6 (K = 2, T = 1 + 2 (1 + ln(1e6)) = 30.6), the frequent words are released, no row's
   * own word is, the reserved digits come right after the specials, and the same seed gives the
   * same vocabulary.
   */
  @Test
  void releasesFrequentWordsNotRowsOwnWords() {
    List<LabeledText> rows = new ArrayList<>();
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < 2000; i++) {
      String w = i % 2 == 0 ? "good" : "bad";
      rows.add(
          new LabeledText(i + 1, i + 2, w + " uniq" + i + " " + (r.nextBoolean() ? "x" : ""), "l"));
    }
    VocabularySource.DpPartitionSelection source =
        new VocabularySource.DpPartitionSelection(1.0, 1e-6, 2);
    DpVocabulary v = DpVocabulary.build(rows, true, 100, List.of("0", "1"), source, 9);
    assertEquals(30.631021115928547, v.mechanism().threshold(), 1e-9);
    assertEquals(List.of("[PAD]", "[UNK]", "0", "1"), v.vocabulary().subList(0, 4));
    assertTrue(v.vocabulary().containsAll(List.of("good", "bad", "x")), v.vocabulary().toString());
    assertFalse(v.vocabulary().stream().anyMatch(w -> w.startsWith("uniq")));
    DpVocabulary again = DpVocabulary.build(rows, true, 100, List.of("0", "1"), source, 9);
    assertEquals(v.vocabulary(), again.vocabulary());
    assertEquals(v.released(), again.released());
  }
}
