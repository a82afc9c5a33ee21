package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IntervalTest {
  @Test
  void isClosedAtBothEnds() {
    Interval ci = new Interval(0.25, 0.75, 0.95);
    assertTrue(ci.contains(0.25));
    assertTrue(ci.contains(0.75));
    assertTrue(ci.contains(0.5));
    assertFalse(ci.contains(Math.nextDown(0.25)));
    assertFalse(ci.contains(Math.nextUp(0.75)));
    assertFalse(ci.contains(Double.NaN));
    assertEquals(0.5, ci.width(), 0.0);
    assertEquals(0.0, new Interval(3, 3, 0.5).width(), 0.0);
  }

  @Test
  void anUnmeasuredEndIsNotANumber() {
    Interval ci = new Interval(Double.NaN, 0.8, 0.95);
    assertTrue(Double.isNaN(ci.low()));
    assertFalse(ci.contains(0.5));
    assertTrue(Double.isNaN(ci.width()));
  }

  @Test
  void badEndsAndLevelsAreNamed() {
    assertEquals(
        "interval needs low <= high, got [2.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> new Interval(2, 1, 0.9)).getMessage());
    for (double level : new double[] {0, 1, Double.NaN}) {
      assertEquals(
          "interval confidence must be in (0, 1), got " + level,
          assertThrows(IllegalArgumentException.class, () -> new Interval(0, 1, level))
              .getMessage());
    }
  }
}
