package dev.trustml.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale arithmetic of the charts, against hand-computed pixels. */
class AxisTest {
  @Test
  void logAxisPlacesDecadesEvenly() {
    LogAxis x = new LogAxis(-4, 0, 400);
    assertEquals(0, x.map(1e-4), 1e-9);
    assertEquals(100, x.map(1e-3), 1e-9);
    assertEquals(200, x.map(1e-2), 1e-9);
    assertEquals(400, x.map(1), 1e-9);
    // log10(2) = 0.30103 of a decade (100 px) above 10^-2.
    assertEquals(230.103, x.map(0.02), 1e-3);
    // Zero and values below the axis sit at its low end; above 1 at its high end.
    assertEquals(0, x.map(0), 1e-9);
    assertEquals(0, x.map(1e-9), 1e-9);
    assertEquals(400, x.map(1.5), 1e-9);
  }

  @Test
  void invertedLogAxisForY() {
    LogAxis y = new LogAxis(-2, 300, 100);
    assertEquals(300, y.map(0.01), 1e-9);
    assertEquals(200, y.map(0.1), 1e-9);
    assertEquals(100, y.map(1), 1e-9);
  }

  @Test
  void lowEndFollowsTheNumberOfNonMembers() {
    assertEquals(-3, LogAxis.lowExponentFor(1000, -4, -6, -2));
    assertEquals(-4, LogAxis.lowExponentFor(1500, -4, -6, -2));
    assertEquals(-2, LogAxis.lowExponentFor(20, -4, -6, -2), "at least two decades");
    assertEquals(-6, LogAxis.lowExponentFor(50_000_000, -4, -6, -2), "at most six");
    assertEquals(-4, LogAxis.lowExponentFor(0, -4, -6, -2), "unknown n");
  }

  @Test
  void linearTicksAreRound() {
    assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), new LinearAxis(0, 1, 0, 1).ticks(5));
    assertEquals(List.of(-4.0, -2.0, 0.0, 2.0, 4.0, 6.0), new LinearAxis(-4, 6, 0, 1).ticks(7));
    assertEquals(1.5, LinearAxis.niceMax(1.3125), 1e-12);
    assertEquals(30, LinearAxis.niceMax(29.9), 1e-12);
  }
}
