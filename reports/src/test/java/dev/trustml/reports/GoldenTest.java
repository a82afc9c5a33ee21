package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The golden-file helper itself: a difference names the first differing line. */
class GoldenTest {
  @Test
  void diffHintNamesFirstDifferingLine() {
    String hint = Golden.diffHint("x.md", "a\nb\nc\n", "a\nB\nc\n");
    assertTrue(hint.contains("at line 2"), hint);
    assertTrue(hint.contains("expected: b"), hint);
    assertTrue(hint.contains("actual:   B"), hint);
    assertTrue(hint.contains("-Dtrustml.updateGolden=true"), hint);
  }

  @Test
  void diffHintForMissingLines() {
    String hint = Golden.diffHint("x.md", "a\nb\n", "a\n");
    assertTrue(hint.contains("at line 2"), hint);
    assertTrue(hint.contains("actual:   <end of file>"), hint);
  }
}
