package dev.trustml.reports.text;

/**
 * Escaping for XML and HTML text and attribute values. Model names, templates and paths come from
 * users, so every piece of text a renderer emits goes through {@link #escape}.
 */
public final class Xml {
  private Xml() {}

  /**
   * {@code s} safe inside an element or a quoted attribute: {@code & < > " '} become references and
   * characters XML 1.0 forbids (controls other than tab, newline, carriage return; unpaired
   * surrogates) become U+FFFD. Null becomes the empty string.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (allowed(c)) {
            b.append(c);
          } else {
            b.append('\uFFFD');
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean allowed(char c) {
    if (Character.isSurrogate(c)) {
      return false; // unpaired
    }
    return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
  }
}
