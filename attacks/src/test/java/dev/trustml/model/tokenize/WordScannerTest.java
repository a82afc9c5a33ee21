package dev.trustml.model.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written word scanner must split exactly like the regular expression that defined the
 * tokenizer before it ({@code [\p{L}\p{N}]+(?:'[\p{L}]+)*} after lower-casing), on ASCII and on the
 * Unicode corners: letters and numbers outside ASCII, supplementary code points, lone surrogates,
 * combining marks, apostrophes before digits and at word ends, and case mappings that change a
 * string's length.
 */
class WordScannerTest {
  /** The original definition, kept here as the oracle. */
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)*");

  /**
   * Pieces random strings are made of: each code point of this string (lone surrogates included),
   * apostrophes and spaces weighted up.
   */
  private static final String[] PIECES =
      ("abzAQZ079''''   ,.-_\t\n\"éÉßøªµ²¼×÷ΣσςİıǅΩЖжア漢ー٣४Ⅻⅻ①\u0301\u0903\u200d\u00a0\u2019"
              + "\ud835\udc00\ud835\udfce\ud83d\ude00\ud800 \udc00\ud801\udc00\ud801\udc28"
              + "ﬁǄǈÀÞþÿŸº¹\u00ad\u00b7")
          .codePoints()
          .mapToObj(Character::toString)
          .toArray(String[]::new);

  private static List<String> regexWords(String text, boolean lowercase) {
    String t = lowercase ? text.toLowerCase(Locale.ROOT) : text;
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(t);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** The pieces below U+0100: texts made of these take the tokenizer's one-pass Latin-1 path. */
  private static final String[] LATIN1_PIECES =
      Arrays.stream(PIECES).filter(p -> p.charAt(0) < 256).toArray(String[]::new);

  /** A random text; half of them Latin-1 only. */
  private static String randomText(SplittableRandom r) {
    String[] pool = r.nextBoolean() ? PIECES : LATIN1_PIECES;
    StringBuilder b = new StringBuilder();
    for (int i = r.nextInt(0, 24); i > 0; i--) {
      b.append(pool[r.nextInt(pool.length)]);
    }
    return b.toString();
  }

  @Test
  void handPickedCornersSplitLikeTheRegex() {
    String[] cases = {
      "",
      "   ",
      "Don't stop",
      "don't9x",
      "abc'",
      "'abc",
      "abc''def",
      "abc'1",
      "rock'n'roll",
      "o'neil's 2'nd",
      "x'\u00e9t\u00e9'",
      "caf\u00e9 na\u00efve",
      "cafe\u0301",
      "ΟΔΟΣ ΣΑΣ",
      "İstanbul",
      "\ud835\udc00\ud835\udc01 \ud83d\ude00word\ud83d\ude00",
      "lone \ud800 high and \udc00 low",
      "a\ud800",
      "\ud801\udc00\ud801\udc01'\ud801\udc02",
      "x\u00b2 + \u00bd = \u2167",
      "\u0663\u0664 \u096a",
      "tab\tsep\nline",
      "it\u2019s curly",
      "A1B2'C3",
    };
    for (boolean lower : new boolean[] {true, false}) {
      for (String c : cases) {
        assertEquals(regexWords(c, lower), VocabTokenizer.words(c, lower), "words of '" + c + "'");
      }
    }
  }

  @Test
  void randomStringsSplitLikeTheRegex() {
    SplittableRandom r = new SplittableRandom(20240611);
    for (int i = 0; i < 20_000; i++) {
      String s = randomText(r);
      boolean lower = r.nextBoolean();
      assertEquals(regexWords(s, lower), VocabTokenizer.words(s, lower), "words of '" + s + "'");
    }
  }

  @Test
  void encodeMatchesRegexWordsLookedUpInAMap() {
    for (boolean lower : new boolean[] {true, false}) {
      SplittableRandom r = new SplittableRandom(lower ? 7 : 8);
      // A vocabulary drawn from the same pieces, with duplicates (the first id must win).
      List<String> vocab = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
      for (int i = 0; i < 400; i++) {
        List<String> w = regexWords(randomText(r), lower);
        if (!w.isEmpty()) {
          vocab.add(w.get(0));
        }
      }
      vocab.addAll(List.of("a", "don't", "a", "é", "ÿ", "þ"));
      Map<String, Integer> ids = new HashMap<>();
      for (int i = 0; i < vocab.size(); i++) {
        ids.putIfAbsent(vocab.get(i), i);
      }
      VocabTokenizer tok = new VocabTokenizer(vocab, lower);
      long[] dest = new long[40];
      for (int i = 0; i < 20_000; i++) {
        String s = randomText(r);
        int maxLength = r.nextInt(1, 12);
        List<String> words = regexWords(s, lower);
        long[] expected = new long[Math.min(maxLength, words.size())];
        for (int j = 0; j < expected.length; j++) {
          expected[j] = ids.getOrDefault(words.get(j), (int) VocabTokenizer.UNK_ID);
        }
        assertArrayEquals(expected, tok.encode(s, maxLength), "ids of '" + s + "'");
        int n = tok.encodeInto(s, maxLength, dest, 3);
        assertArrayEquals(expected, Arrays.copyOfRange(dest, 3, 3 + n), "into: " + s);
      }
      assertEquals(ids.get("a").longValue(), tok.tokenId(lower ? "A" : "a"));
      assertEquals(-1, tok.tokenId("not-a-token"));
    }
  }
}
