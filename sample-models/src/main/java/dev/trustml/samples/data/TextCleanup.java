package dev.trustml.samples.data;

/**
 * Whitespace normalisation and word truncation shared by both datasets.
 *
 * <p>Control characters and the Unicode replacement character (left behind by undecodable bytes)
 * count as whitespace, so a text never carries invisible junk into the CSV.
 */
public final class TextCleanup {

  private TextCleanup() {}

  /** Replaces every run of whitespace/control characters with one space and trims the ends. */
  public static String collapseWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isSeparator(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    return out.toString();
  }

  /**
   * The first {@code maxWords} space-separated words of an already collapsed text.
   *
   * @throws IllegalArgumentException if {@code maxWords < 1}
   */
  public static String firstWords(String collapsed, int maxWords) {
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords must be >= 1, got " + maxWords);
    }
    int words = 0;
    for (int i = 0; i < collapsed.length(); i++) {
      if (collapsed.charAt(i) == ' ' && ++words == maxWords) {
        return collapsed.substring(0, i);
      }
    }
    return collapsed;
  }

  private static boolean isSeparator(int cp) {
    return Character.isWhitespace(cp)
        || Character.isSpaceChar(cp) // no-break spaces, which isWhitespace excludes
        || Character.isISOControl(cp)
        || cp == 0xFFFD
        || cp == 0x200B // zero-width space
        || cp == 0xFEFF; // byte-order mark
  }
}
