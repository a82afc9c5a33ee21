package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CanaryTemplateTest {
  static final String PIN = "my pin code is {digit} {digit} {digit} {digit}";

  @TempDir Path dir;

  @Test
  void parsesFixedTextAndSlots() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(PIN);
    assertEquals(4, t.slotCount());
    assertEquals(List.of("my pin code is ", " ", " ", " ", ""), t.fixedSegments());
    for (Alphabet a : t.alphabets()) {
      assertEquals(SlotKind.DIGIT, a.kind());
      assertEquals(10, a.size());
    }
    assertEquals(BigInteger.valueOf(10_000), t.spaceSize());
    assertEquals(10_000L, t.spaceSizeExact());
    assertEquals(4 * Math.log(10) / Math.log(2), t.log2SpaceSize(), 1e-12);
  }

  @Test
  void letterAlphabetIsLowercaseAToZ() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("code {letter}{LETTER}.");
    assertEquals(26, t.alphabet(0).size());
    assertEquals("a", t.alphabet(0).value(0));
    assertEquals("z", t.alphabet(1).value(25));
    assertEquals("code qz.", t.render(t.parseSecret("q z")));
  }

  @Test
  void rendersSecretIntoSentence() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(PIN);
    Secret s = t.parseSecret("4 8 2 1");
    assertEquals("my pin code is 4 8 2 1", t.render(s));
    assertEquals("4 8 2 1", t.format(s));
    assertEquals(s, t.parseSecret("4821"), "single-character alphabets may omit spaces");
    assertEquals(s, t.parseSecret("  4  8 2\t1 "));
  }

  @Test
  void mixedRadixIndexIsTheDigitStringForDigits() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(PIN);
    assertEquals(4821L, t.indexOf(t.parseSecret("4 8 2 1")));
    assertEquals("0 0 0 0", t.format(t.secretAt(0)));
    assertEquals("9 9 9 9", t.format(t.secretAt(9999)));
    assertEquals("0 0 1 0", t.format(t.secretAt(10)));
    for (long i = 0; i < t.spaceSizeExact(); i++) {
      assertEquals(i, t.indexOf(t.secretAt(i)));
    }
    assertThrows(IndexOutOfBoundsException.class, () -> t.secretAt(10_000));
    assertThrows(IndexOutOfBoundsException.class, () -> t.secretAt(-1));
  }

  @Test
  void mixedRadixRoundTripWithUnequalAlphabets() throws Exception {
    Path words = Files.writeString(dir.resolve("names.txt"), "alice\nbob\n\ncarol\n");
    CanaryTemplate t =
        CanaryTemplate.parse("{letter} {word:" + words.getFileName() + "} {digit}", dir);
    assertEquals(26L * 3 * 10, t.spaceSizeExact());
    // Radices 26, 3, 10 (first slot most significant): index = (l * 3 + w) * 10 + d.
    assertEquals((2L * 3 + 1) * 10 + 7, t.indexOf(t.parseSecret("c bob 7")));
    for (long i = 0; i < t.spaceSizeExact(); i++) {
      Secret s = t.secretAt(i);
      assertEquals(i, t.indexOf(s));
      assertEquals(s, t.parseSecret(t.format(s)));
    }
  }

  @Test
  void hugeSpacesAreExactAsBigIntegerAndInBits() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("x" + " {digit}".repeat(20));
    assertEquals(BigInteger.TEN.pow(20), t.spaceSize());
    assertFalse(t.spaceFitsInLong());
    assertEquals(20 * Math.log(10) / Math.log(2), t.log2SpaceSize(), 1e-9);
    assertThrows(ArithmeticException.class, t::spaceSizeExact);
    assertTrue(CanaryTemplate.parse("x" + " {digit}".repeat(18)).spaceFitsInLong());
  }

  @Test
  void templateWithoutSlotIsRejected() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> CanaryTemplate.parse("my pin code is 1234"));
    assertTrue(e.getMessage().contains("no slot"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void unknownAlphabetListsTheValidOnes() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> CanaryTemplate.parse("pin {digits}"));
    assertTrue(e.getMessage().contains("{digits}"), e.getMessage());
    assertTrue(
        e.getMessage().contains("{digit}, {letter}, {common-word}, {word:FILE}"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void unbalancedBracesAreRejected() {
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("pin {digit"));
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("pin digit} {digit}"));
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("pin {dig{digit}"));
  }

  @Test
  void slotArgumentsAreChecked() {
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("name {word}"));
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("name {word:}"));
    assertThrows(BadInputException.class, () -> CanaryTemplate.parse("pin {digit:x}"));
  }

  @Test
  void missingWordFileIsRejectedWithItsPath() {
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> CanaryTemplate.parse("name {word:nope.txt}", dir));
    assertTrue(e.getMessage().contains(dir.resolve("nope.txt").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void emptyWordFileIsRejected() throws IOException {
    Files.writeString(dir.resolve("empty.txt"), "\n  \n");
    BadInputException e =
        assertThrows(
            BadInputException.class, () -> CanaryTemplate.parse("name {word:empty.txt}", dir));
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void duplicateOrSpacedWordsAreRejectedWithLine() throws IOException {
    Files.writeString(dir.resolve("dup.txt"), "anna\nben\nanna\n");
    BadInputException dup =
        assertThrows(
            BadInputException.class, () -> CanaryTemplate.parse("name {word:dup.txt}", dir));
    assertTrue(dup.getMessage().contains("line 3"), dup.getMessage());
    Files.writeString(dir.resolve("spaced.txt"), "anna\nben jones\n");
    BadInputException spaced =
        assertThrows(
            BadInputException.class, () -> CanaryTemplate.parse("name {word:spaced.txt}", dir));
    assertTrue(spaced.getMessage().contains("line 2"), spaced.getMessage());
  }

  @Test
  void absoluteWordFilePathIgnoresBaseDir() throws Exception {
    Path words = Files.writeString(dir.resolve("w.txt"), "up\ndown\n");
    CanaryTemplate t =
        CanaryTemplate.parse("go {word:" + words.toAbsolutePath() + "}", Path.of("/"));
    assertEquals(List.of("up", "down"), t.alphabet(0).values());
  }

  @Test
  void secretWithWrongValueNamesTheSlot() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(PIN);
    BadInputException e = assertThrows(BadInputException.class, () -> t.parseSecret("4 8 x 1"));
    assertTrue(e.getMessage().contains("slot 3"), e.getMessage());
    assertTrue(e.getMessage().contains("'x'"), e.getMessage());
    assertTrue(e.getMessage().contains("0-9"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void secretWithWrongCountIsRejected() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(PIN);
    BadInputException e = assertThrows(BadInputException.class, () -> t.parseSecret("4 8 2"));
    assertTrue(e.getMessage().contains("3 values"), e.getMessage());
    assertTrue(e.getMessage().contains("4 slots"), e.getMessage());
    assertThrows(BadInputException.class, () -> t.parseSecret("48211"));
    assertThrows(BadInputException.class, () -> t.parseSecret(""));
  }

  @Test
  void multiCharacterWordsNeedSpaces() throws Exception {
    Files.writeString(dir.resolve("w.txt"), "ab\ncd\n");
    CanaryTemplate t = CanaryTemplate.parse("{word:w.txt} {word:w.txt}", dir);
    assertEquals("cd ab", t.format(t.parseSecret("cd ab")));
    assertThrows(BadInputException.class, () -> t.parseSecret("cdab"));
  }

  @Test
  void partialCanaryLeavesOutUnfilledSlots() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("call {digit} {digit} {digit} tomorrow");
    int[] p = {4, 8, 0};
    assertEquals("call 4 8 tomorrow", t.renderPartial(p, 2, PartialCanaryForm.OMIT_UNFILLED));
    assertEquals("call 4 tomorrow", t.renderPartial(p, 1, PartialCanaryForm.OMIT_UNFILLED));
    assertEquals("call 4 8", t.renderPartial(p, 2, PartialCanaryForm.TRUNCATE_AFTER_FILLED));
    int[] full = {4, 8, 2};
    assertEquals("call 4 8 2 tomorrow", t.renderPartial(full, 3, PartialCanaryForm.OMIT_UNFILLED));
    assertEquals(
        "call 4 8 2 tomorrow", t.renderPartial(full, 3, PartialCanaryForm.TRUNCATE_AFTER_FILLED));

    CanaryTemplate pin = CanaryTemplate.parse(PIN);
    assertEquals(
        "my pin code is 4 8",
        pin.renderPartial(new int[] {4, 8, 0, 0}, 2, PartialCanaryForm.OMIT_UNFILLED));
    assertEquals(
        "my pin code is 4 8",
        pin.renderPartial(new int[] {4, 8, 0, 0}, 2, PartialCanaryForm.TRUNCATE_AFTER_FILLED));
  }

  @Test
  void randomSecretsAreSeededAndCoverTheAlphabet() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("{digit}");
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    boolean[] seen = new boolean[10];
    for (int i = 0; i < 500; i++) {
      Secret s = t.randomSecret(a);
      assertEquals(s, t.randomSecret(b));
      seen[s.position(0)] = true;
    }
    for (boolean v : seen) {
      assertTrue(v);
    }
  }

  private static void assertOneLine(Exception e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
