package dev.trustml.model.tokenize;

import java.util.Locale;

/**
 * Finds the words of {@link VocabTokenizer} in a string without a regular expression: a word is a
 * run of letters or digits, extended by apostrophe-letter groups ("don't", "rock'n'roll"). This is
 * exactly what {@code Matcher.find()} returns for the pattern {@code [\p{L}\p{N}]+(?:'[\p{L}]+)*},
 * the tokenizer's original definition, at a fraction of the cost: the audit tokenises every row,
 * and the regex was the largest part of scoring time.
 *
 * <p>Classes are Unicode general categories of code points, as in {@code java.util.regex}: letter =
 * Lu, Ll, Lt, Lm, Lo; digit/number = Nd, Nl, No. Surrogate pairs are one code point; a lone
 * surrogate is neither.
 */
final class WordScanner {
  private static final int LETTER_TYPES =
      (1 << Character.UPPERCASE_LETTER)
          | (1 << Character.LOWERCASE_LETTER)
          | (1 << Character.TITLECASE_LETTER)
          | (1 << Character.MODIFIER_LETTER)
          | (1 << Character.OTHER_LETTER);
  private static final int NUMBER_TYPES =
      (1 << Character.DECIMAL_DIGIT_NUMBER)
          | (1 << Character.LETTER_NUMBER)
          | (1 << Character.OTHER_NUMBER);

  private static final byte OTHER = 0;
  private static final byte NUMBER = 1;
  private static final byte LETTER = 2;

  /** Class of every char below 256 (Latin-1 chars are whole code points). */
  private static final byte[] LATIN1 = new byte[256];

  /**
   * {@code String.toLowerCase(Locale.ROOT)} of each char below 256, or 0 where that is not one char
   * below 256 (none today: Latin-1 lower-cases within Latin-1, char by char, without context).
   */
  static final char[] LATIN1_LOWER = new char[256];

  /** Identity on chars below 256 (for tokenizers that keep case). */
  static final char[] LATIN1_SAME = new char[256];

  static {
    for (int c = 0; c < 256; c++) {
      LATIN1[c] = classify(c);
      String lower = String.valueOf((char) c).toLowerCase(Locale.ROOT);
      boolean simple = lower.length() == 1 && lower.charAt(0) < 256;
      LATIN1_LOWER[c] = simple ? lower.charAt(0) : 0;
      LATIN1_SAME[c] = (char) c;
    }
  }

  private WordScanner() {}

  private static byte classify(int codePoint) {
    int type = 1 << Character.getType(codePoint);
    if ((type & LETTER_TYPES) != 0) {
      return LETTER;
    }
    return (type & NUMBER_TYPES) != 0 ? NUMBER : OTHER;
  }

  /** Class of the code point at {@code i} ({@code c} is the char there). */
  private static byte classAt(String s, int i, char c) {
    return c < 256 ? LATIN1[c] : classify(Character.codePointAt(s, i));
  }

  /** Chars taken by the code point at {@code i}: 2 for a surrogate pair, else 1. */
  private static int width(String s, int i, char c) {
    return Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))
        ? 2
        : 1;
  }

  /** Index where the next word starts at or after {@code from}, or -1 when there is none. */
  static int nextStart(String s, int from) {
    int n = s.length();
    int i = from;
    while (i < n) {
      char c = s.charAt(i);
      if (classAt(s, i, c) != OTHER) {
        return i;
      }
      i += c < 256 ? 1 : width(s, i, c);
    }
    return -1;
  }

  /** End (exclusive) of the word starting at {@code start} (a {@link #nextStart} result). */
  static int end(String s, int start) {
    int n = s.length();
    int i = start;
    // [\p{L}\p{N}]+
    while (i < n) {
      char c = s.charAt(i);
      if (classAt(s, i, c) == OTHER) {
        break;
      }
      i += c < 256 ? 1 : width(s, i, c);
    }
    // (?:'[\p{L}]+)* : an apostrophe counts only when a letter follows it.
    while (i + 1 < n && s.charAt(i) == '\'' && classAt(s, i + 1, s.charAt(i + 1)) == LETTER) {
      i++;
      while (i < n) {
        char c = s.charAt(i);
        if (classAt(s, i, c) != LETTER) {
          break;
        }
        i += c < 256 ? 1 : width(s, i, c);
      }
    }
    return i;
  }

  /**
   * Encodes a text all of whose chars are below 256 in one pass over {@code a}: maps case with
   * {@code caseMap} (in place), finds the words as {@link #nextStart}/{@link #end} do, hashes them
   * on the way and looks them up. Latin-1 case mapping is char by char, so the words are those of
   * the lower-cased string. The common case, and about three times faster than the general path.
   *
   * @return ids written, or -1 when {@code a} holds a char that needs the general path (then {@code
   *     dest} holds garbage)
   */
  static int encodeLatin1(
      char[] a,
      char[] caseMap,
      WordIds ids,
      long unknownId,
      int maxLength,
      long[] dest,
      int offset) {
    int n = a.length;
    int i = 0;
    int count = 0;
    while (count < maxLength) {
      // Skip to the next letter or digit.
      char c = 0;
      while (i < n) {
        c = a[i];
        if (c >= 256) {
          return -1;
        }
        if (LATIN1[c] != OTHER) {
          break;
        }
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      int h = 0;
      // [\p{L}\p{N}]+
      while (true) {
        char lower = caseMap[c];
        if (lower == 0) {
          return -1;
        }
        a[i++] = lower;
        h = 31 * h + lower;
        if (i >= n) {
          break;
        }
        c = a[i];
        if (c >= 256) {
          return -1;
        }
        if (LATIN1[c] == OTHER) {
          break;
        }
      }
      // (?:'[\p{L}]+)*
      while (i + 1 < n && a[i] == '\'') {
        c = a[i + 1];
        if (c >= 256) {
          return -1;
        }
        if (LATIN1[c] != LETTER) {
          break;
        }
        h = 31 * h + '\'';
        i++;
        while (true) {
          char lower = caseMap[c];
          if (lower == 0) {
            return -1;
          }
          a[i++] = lower;
          h = 31 * h + lower;
          if (i >= n) {
            break;
          }
          c = a[i];
          if (c >= 256) {
            return -1;
          }
          if (LATIN1[c] != LETTER) {
            break;
          }
        }
      }
      int id = ids.get(a, start, i, h);
      dest[offset + count++] = id < 0 ? unknownId : id;
    }
    return count;
  }
}
