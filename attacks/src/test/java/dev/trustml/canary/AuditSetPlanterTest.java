package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.LabeledText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditSetPlanterTest {
  private static List<LabeledText> rows(int n) {
    List<LabeledText> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new LabeledText("row number " + i, i % 2 == 0 ? "neg" : "pos"));
    }
    return rows;
  }

  private static List<CanaryTemplate> words() throws Exception {
    return List.of(CanaryTemplate.parse(AuditSetPlanter.DEFAULT_TEMPLATE));
  }

  @Test
  void everyCanaryOnceWhenIncludedNeverWhenNot() throws Exception {
    List<LabeledText> original = rows(2000);
    PlantingResult r = AuditSetPlanter.plant(original, 1000, words(), List.of("neg", "pos"), 7);
    assertEquals(1000, r.canaries().size());
    int included = 0;
    Set<String> sentences = new HashSet<>();
    for (PlantedCanary c : r.canaries()) {
      int copies = Collections.frequency(r.rows(), new LabeledText(c.sentence(), c.label()));
      assertEquals(c.included() ? 1 : 0, copies, c.id());
      assertEquals(1, c.repetitions());
      assertTrue(c.uniformSecret());
      assertTrue(sentences.add(c.sentence()), "distinct secrets");
      included += c.included() ? 1 : 0;
    }
    assertEquals(2000 + included, r.rows().size());
    // Binomial(1000, 1/2): 4 s.d. is 63.
    assertTrue(Math.abs(included - 500) < 63, "included " + included);
    // The original rows keep their order.
    List<LabeledText> kept = new ArrayList<>(r.rows());
    kept.retainAll(original);
    assertEquals(original, kept);
    assertEquals("audit-0001", r.canaries().get(0).id());
    assertEquals("audit-1000", r.canaries().get(999).id());
  }

  @Test
  void labelsAreDrawnAtRandomAndCoinsAreIndependentOfThem() throws Exception {
    List<PlantedCanary> two =
        AuditSetPlanter.plant(rows(10), 400, words(), List.of("neg", "pos"), 3).canaries();
    List<PlantedCanary> one =
        AuditSetPlanter.plant(rows(10), 400, words(), List.of("pos"), 3).canaries();
    long pos = two.stream().filter(c -> c.label().equals("pos")).count();
    assertTrue(pos > 140 && pos < 260, "labels near half and half: " + pos);
    // Separate streams: another label list changes neither the secrets nor the coins.
    for (int i = 0; i < 400; i++) {
      assertEquals(two.get(i).secret(), one.get(i).secret());
      assertEquals(two.get(i).included(), one.get(i).included());
      assertEquals("pos", one.get(i).label());
    }
  }

  @Test
  void sameSeedSameSetOtherSeedOtherSet() throws Exception {
    PlantingResult a = AuditSetPlanter.plant(rows(100), 50, words(), List.of("neg", "pos"), 1);
    PlantingResult b = AuditSetPlanter.plant(rows(100), 50, words(), List.of("neg", "pos"), 1);
    PlantingResult c = AuditSetPlanter.plant(rows(100), 50, words(), List.of("neg", "pos"), 2);
    assertEquals(a.rows(), b.rows());
    assertEquals(a.canaries(), b.canaries());
    assertNotEquals(a.rows(), c.rows());
  }

  @Test
  void templatesTakeTurnsAndSmallSpacesGiveEverySecretOnce() throws Exception {
    CanaryTemplate pin = CanaryTemplate.parse("pin {digit} {digit}");
    CanaryTemplate word = CanaryTemplate.parse("code {letter}");
    List<PlantedCanary> set =
        AuditSetPlanter.plant(rows(5), 40, List.of(pin, word), List.of("neg"), 9).canaries();
    assertEquals(pin, set.get(0).template());
    assertEquals(word, set.get(1).template());
    assertEquals(20, set.stream().filter(c -> c.template().equals(word)).count());
    // Taking turns, 126 canaries need 63 letters of 26, though 126 = 100 + 26.
    assertTrue(AuditSetPlanter.capacityProblem(126, List.of(pin, word)).isPresent());
    List<PlantedCanary> full =
        AuditSetPlanter.plant(rows(5), 52, List.of(pin, word), List.of("neg"), 9).canaries();
    Set<String> letters = new HashSet<>();
    for (PlantedCanary c : full) {
      if (c.template().equals(word)) {
        letters.add(c.secretText());
      }
    }
    assertEquals(26, letters.size(), "all 26 letters, each once");
    assertFalse(set.isEmpty());
  }

  @Test
  void tooManyCanariesForTheSpaceIsRefusedNamingTheTemplate() throws Exception {
    CanaryTemplate pin = CanaryTemplate.parse("pin {digit}");
    String problem = AuditSetPlanter.capacityProblem(11, List.of(pin)).orElseThrow();
    assertTrue(problem.contains("'pin {digit}'") && problem.contains("only 10"), problem);
    assertThrows(
        IllegalArgumentException.class,
        () -> AuditSetPlanter.plant(rows(5), 11, List.of(pin), List.of("neg"), 1));
  }

  @Test
  void theDefaultTemplateIsSixBuiltInWords() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(AuditSetPlanter.DEFAULT_TEMPLATE);
    assertEquals(6, t.slotCount());
    assertEquals(1000, t.alphabet(0).size());
    assertEquals(SlotKind.COMMON_WORD, t.alphabet(0).kind());
  }
}
