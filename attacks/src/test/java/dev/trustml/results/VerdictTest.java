package dev.trustml.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void onlyARigorousBoundAboveTheClaimViolatesIt() {
    assertEquals(Verdict.NO_CLAIM, Verdict.decide(null, 3.0, 5.0));
    assertEquals(Verdict.VIOLATED, Verdict.decide(1.0, 1.2, null));
    assertEquals(Verdict.VIOLATED, Verdict.decide(1.0, 1.2, 0.5));
    assertEquals(Verdict.SUSPECT, Verdict.decide(1.0, 0.9, 1.2));
    assertEquals(Verdict.SUSPECT, Verdict.decide(1.0, null, 1.2));
    assertEquals(Verdict.CONSISTENT, Verdict.decide(1.0, 1.0, 1.0));
    assertEquals(Verdict.CONSISTENT, Verdict.decide(8.0, 0.0, null));
    assertEquals(Verdict.CONSISTENT, Verdict.decide(8.0, null, null));
    assertEquals(Verdict.CONSISTENT, Verdict.decide(Double.POSITIVE_INFINITY, 50.0, 60.0));
  }

  @Test
  void rejectsBoundsThatAreNotBounds() {
    assertThrows(IllegalArgumentException.class, () -> Verdict.decide(1.0, Double.NaN, null));
    assertThrows(IllegalArgumentException.class, () -> Verdict.decide(1.0, null, -0.1));
    assertThrows(IllegalArgumentException.class, () -> Verdict.decide(-1.0, 0.5, null));
  }
}
