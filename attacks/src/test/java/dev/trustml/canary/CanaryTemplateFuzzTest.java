package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.trustml.error.BadInputException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes canary templates, secrets and word lists: each either parses into a template whose secrets
 * survive format-then-parse, or is rejected with a {@link BadInputException}.
 *
 * <p>{@code {word:FILE}} slots read files, so templates are resolved against a temporary directory
 * holding a few word lists, and inputs naming a path with a separator are skipped: the fuzzer must
 * not wander the file system (a slot naming {@code /dev/stdin} would block the run).
 */
class CanaryTemplateFuzzTest {
  @TempDir static Path dir;

  @BeforeAll
  static void wordLists() throws IOException {
    Files.writeString(dir.resolve("words.txt"), "red\ngreen\n\nblue\n");
    Files.writeString(dir.resolve("letters.txt"), "x\ny\nz\n");
    Files.writeString(dir.resolve("empty.txt"), "\n\n");
    Files.writeString(dir.resolve("dup.txt"), "red\nred\n");
  }

  @FuzzTest
  void parsesAnyTemplateOrRejectsItAsBadInput(byte[] bytes) throws BadInputException {
    CanaryTemplate template = parseConfined(new String(bytes, StandardCharsets.UTF_8));
    if (template == null) {
      return;
    }
    assertTemplateIsConsistent(template);
  }

  /** First line: the template; the rest: the secret. */
  @FuzzTest
  void parsesAnySecretOrRejectsItAsBadInput(byte[] bytes) throws BadInputException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    CanaryTemplate template = parseConfined(newline < 0 ? text : text.substring(0, newline));
    if (template == null) {
      return;
    }
    Secret secret;
    try {
      secret = template.parseSecret(newline < 0 ? "" : text.substring(newline + 1));
    } catch (BadInputException e) {
      return;
    }
    assertEquals(template.slotCount(), secret.slotCount());
    assertEquals(secret, template.parseSecret(template.format(secret)));
    template.render(secret);
  }

  @FuzzTest
  void readsAnyWordListOrRejectsItAsBadInput(byte[] content) throws IOException {
    Files.write(dir.resolve("fuzzed.txt"), content);
    CanaryTemplate template;
    try {
      template = CanaryTemplate.parse("my {word:fuzzed.txt} is {digit}", dir);
    } catch (BadInputException e) {
      return;
    }
    Alphabet words = template.alphabet(0);
    for (int i = 0; i < Math.min(words.size(), 64); i++) {
      Secret secret = Secret.of(i, 7);
      try {
        assertEquals(secret, template.parseSecret(words.value(i) + " 7"));
      } catch (BadInputException e) {
        throw new AssertionError("word " + i + " of the list does not parse back", e);
      }
    }
    try {
      assertTemplateIsConsistent(template);
    } catch (BadInputException e) {
      throw new AssertionError(e);
    }
  }

  /** The parsed template, or null when it is rejected or names a path outside {@link #dir}. */
  private static CanaryTemplate parseConfined(String text) {
    if (text.indexOf('/') >= 0 || text.indexOf('\\') >= 0) {
      return null;
    }
    try {
      return CanaryTemplate.parse(text, dir);
    } catch (BadInputException e) {
      return null;
    }
  }

  private static void assertTemplateIsConsistent(CanaryTemplate template) throws BadInputException {
    assertTrue(template.slotCount() >= 1);
    assertEquals(template.slotCount() + 1, template.fixedSegments().size());
    BigInteger size = BigInteger.ONE;
    for (Alphabet a : template.alphabets()) {
      size = size.multiply(BigInteger.valueOf(a.size()));
    }
    assertEquals(size, template.spaceSize());
    if (!template.spaceFitsInLong()) {
      return;
    }
    long last = template.spaceSizeExact() - 1;
    long random = new SplittableRandom(7).nextLong(template.spaceSizeExact());
    for (long index : new long[] {0, random, last}) {
      Secret secret = template.secretAt(index);
      assertEquals(index, template.indexOf(secret));
      assertEquals(secret, template.parseSecret(template.format(secret)));
      template.render(secret);
    }
  }

  /**
   * Found by fuzzing: a NUL character in a {@code {word:FILE}} path (possible in a template read
   * from a model card or secrets file) escaped as InvalidPathException.
   */
  @Test
  void nulInWordListPathIsBadInput() {
    BadInputException e =
        assertThrows(BadInputException.class, () -> CanaryTemplate.parse("{word:a\0b}", dir));
    assertTrue(e.getMessage().contains("is not a valid file path"), e.getMessage());
  }
}
