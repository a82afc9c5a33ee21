package dev.trustml.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VerdictTest {
  @Test
  void comparesTheBoundWithTheClaim() {
    assertEquals(Verdict.NO_CLAIM, Verdict.of(null, 3.0));
    assertEquals(Verdict.VIOLATED, Verdict.of(1.0, 1.2));
    assertEquals(Verdict.CONSISTENT, Verdict.of(1.0, 1.0));
    assertEquals(Verdict.CONSISTENT, Verdict.of(8.0, 0.0));
    assertEquals(Verdict.CONSISTENT, Verdict.of(Double.POSITIVE_INFINITY, 50.0));
    assertThrows(IllegalArgumentException.class, () -> Verdict.of(1.0, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> Verdict.of(-1.0, 0.5));
  }
}
