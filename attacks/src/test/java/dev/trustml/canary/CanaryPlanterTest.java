package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.LabeledText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryPlanterTest {

  private static List<LabeledText> rows(int n) {
    List<LabeledText> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new LabeledText("row number " + i, i % 2 == 0 ? "even" : "odd"));
    }
    return rows;
  }

  private static List<CanarySpec> specs() throws Exception {
    return List.of(
        new CanarySpec(CanaryTemplate.parse(CanaryTemplateTest.PIN), "even", 10),
        new CanarySpec(CanaryTemplate.parse("my pin code is {digit} {digit}"), "odd", 3),
        new CanarySpec(CanaryTemplate.parse("call {letter} {letter} now"), "even", 1));
  }

  @Test
  void sameSeedSameRowsAndSecrets() throws Exception {
    PlantingResult a = CanaryPlanter.plant(rows(500), specs(), 42);
    PlantingResult b = CanaryPlanter.plant(rows(500), specs(), 42);
    assertEquals(a.rows(), b.rows());
    assertEquals(
        a.canaries().stream().map(PlantedCanary::sentence).toList(),
        b.canaries().stream().map(PlantedCanary::sentence).toList());
    PlantingResult c = CanaryPlanter.plant(rows(500), specs(), 43);
    assertNotEquals(a.rows(), c.rows(), "another seed moves the canaries");
  }

  @Test
  void exactlyKCopiesOfEachCanaryWithItsLabel() throws Exception {
    List<LabeledText> original = rows(500);
    PlantingResult r = CanaryPlanter.plant(original, specs(), 7);
    assertEquals(500 + 10 + 3 + 1, r.rows().size());
    assertEquals(3, r.canaries().size());
    for (PlantedCanary c : r.canaries()) {
      LabeledText planted = new LabeledText(c.sentence(), c.label());
      assertEquals(c.repetitions(), Collections.frequency(r.rows(), planted), c.sentence());
      assertEquals(c.sentence(), c.template().render(c.template().parseSecret(c.secretText())));
    }
    assertEquals(10, r.canaries().get(0).repetitions());
    assertEquals("even", r.canaries().get(0).label());
    assertTrue(r.canaries().get(0).sentence().matches("my pin code is \\d \\d \\d \\d"));
  }

  @Test
  void originalRowsKeepTheirOrder() throws Exception {
    List<LabeledText> original = rows(300);
    PlantingResult r = CanaryPlanter.plant(original, specs(), 11);
    List<LabeledText> kept = new ArrayList<>(r.rows());
    kept.removeIf(row -> !row.text().startsWith("row number "));
    assertEquals(original, kept);
  }

  @Test
  void copiesAreSpreadOverTheWholeDataSet() throws Exception {
    // 10 copies among 10,000 rows: positions are uniform, so not all in one end.
    CanaryTemplate t = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    PlantingResult r = CanaryPlanter.plant(rows(10_000), List.of(new CanarySpec(t, "odd", 10)), 3);
    String sentence = r.canaries().get(0).sentence();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < r.rows().size(); i++) {
      if (r.rows().get(i).text().equals(sentence)) {
        positions.add(i);
      }
    }
    assertEquals(10, positions.size());
    // P(all 10 in one half) = 2 * 2^-10: this fixed-seed check guards against a sort or offset bug.
    assertTrue(positions.get(0) < 5_000 && positions.get(9) >= 5_000, positions.toString());
  }

  @Test
  void scheduleStreamsTheSameRowsAsPlant() throws Exception {
    List<LabeledText> original = rows(200);
    PlantingResult r = CanaryPlanter.plant(original, specs(), 5);
    PlantingSchedule s = CanaryPlanter.schedule(original.size(), specs(), 5);
    List<LabeledText> streamed = new ArrayList<>();
    for (int i = 0; i < original.size(); i++) {
      streamed.addAll(s.insertionsBefore(i));
      streamed.add(original.get(i));
    }
    streamed.addAll(s.insertionsBefore(original.size()));
    assertEquals(r.rows(), streamed);
    assertEquals(14, s.insertedRows());
  }

  @Test
  void canariesFromTheSameTemplateGetDifferentSecrets() throws Exception {
    // A 1-digit template has 10 possible sentences; 8 canaries must still all differ.
    CanaryTemplate t = CanaryTemplate.parse("code {digit}");
    List<CanarySpec> eight = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      eight.add(new CanarySpec(t, "x", 1));
    }
    PlantingResult r = CanaryPlanter.plant(rows(5), eight, 1);
    assertEquals(8, r.canaries().stream().map(PlantedCanary::sentence).distinct().count());
  }

  @Test
  void emptyDataSetStillGetsTheCanaries() throws Exception {
    PlantingResult r = CanaryPlanter.plant(List.of(), specs(), 0);
    assertEquals(14, r.rows().size());
  }
}
