package dev.trustml.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextCleanupTest {

  @Test
  void collapsesEveryKindOfBlankAndTrims() {
    assertEquals(
        "a b c d e", TextCleanup.collapseWhitespace("  a \t\n b\u00A0\u00A0c\u0001d\uFFFDe\r\n "));
    assertEquals("", TextCleanup.collapseWhitespace(" \n\t "));
    assertEquals(
        "caf\u00E9 \uD83D\uDE00", TextCleanup.collapseWhitespace("caf\u00E9  \uD83D\uDE00"));
  }

  @Test
  void keepsTheFirstWords() {
    assertEquals("one two three", TextCleanup.firstWords("one two three four five", 3));
    assertEquals("one two", TextCleanup.firstWords("one two", 3));
    assertEquals("one", TextCleanup.firstWords("one two", 1));
    assertEquals("", TextCleanup.firstWords("", 5));
    assertThrows(IllegalArgumentException.class, () -> TextCleanup.firstWords("a", 0));
  }
}
