package dev.trustml.samples.data;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reduces an HTML document to its visible text: comments, scripts and styles removed, tags removed,
 * character references decoded. Not a full HTML parser; enough for 2002-era mail.
 *
 * <p>Inline tags (b, font, a, span, ...) vanish without a space, as a browser renders them, so
 * words split by markup (a spam trick: {@code V<b></b>iagra}) come back together; every other tag
 * becomes a space.
 */
final class HtmlText {

  /**
   * A closed comment. An unclosed {@code <!--} (spam writes {@code <!--#rotate>}) is left to {@link
   * #TAG}, which removes it up to the next {@code >} instead of swallowing the rest.
   */
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile(
          "<(script|style)\\b[^>]*>.*?(</\\1\\s*>|\\z)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG =
      Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>|<[!?][^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});?");

  private static final Set<String> INLINE_TAGS =
      Set.of(
          "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "kbd", "q", "s", "small",
          "span", "strike", "strong", "sub", "sup", "tt", "u");

  /** The named references common in mail; others are left as written. */
  private static final Map<String, String> NAMED_ENTITIES =
      Map.ofEntries(
          Map.entry("nbsp", " "),
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("copy", "\u00A9"),
          Map.entry("reg", "\u00AE"),
          Map.entry("trade", "\u2122"),
          Map.entry("hellip", "\u2026"),
          Map.entry("mdash", "\u2014"),
          Map.entry("ndash", "\u2013"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("bull", "\u2022"),
          Map.entry("middot", "\u00B7"),
          Map.entry("euro", "\u20AC"),
          Map.entry("pound", "\u00A3"),
          Map.entry("cent", "\u00A2"),
          Map.entry("yen", "\u00A5"),
          Map.entry("deg", "\u00B0"),
          Map.entry("times", "\u00D7"),
          Map.entry("laquo", "\u00AB"),
          Map.entry("raquo", "\u00BB"),
          Map.entry("eacute", "\u00E9"),
          Map.entry("egrave", "\u00E8"),
          Map.entry("aacute", "\u00E1"),
          Map.entry("agrave", "\u00E0"),
          Map.entry("ouml", "\u00F6"),
          Map.entry("uuml", "\u00FC"),
          Map.entry("auml", "\u00E4"),
          Map.entry("szlig", "\u00DF"),
          Map.entry("ntilde", "\u00F1"),
          Map.entry("ccedil", "\u00E7"));

  private HtmlText() {}

  /** The visible text of an HTML fragment or document (whitespace not yet collapsed). */
  static String toPlainText(String html) {
    String s = COMMENT.matcher(html).replaceAll("");
    s = SCRIPT_OR_STYLE.matcher(s).replaceAll(" ");
    Matcher tag = TAG.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    while (tag.find()) {
      String name = tag.group(2);
      boolean inline = name != null && INLINE_TAGS.contains(name.toLowerCase(Locale.ROOT));
      tag.appendReplacement(out, inline ? "" : " ");
    }
    tag.appendTail(out);
    return decodeEntities(out.toString());
  }

  /** Decodes numeric references and the common named ones; unknown names are kept as written. */
  static String decodeEntities(String text) {
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String replacement = resolve(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(replacement != null ? replacement : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text a reference stands for, or null to keep it as written. */
  private static String resolve(String body) {
    if (body.charAt(0) != '#') {
      return NAMED_ENTITIES.get(body); // names are case-sensitive in HTML
    }
    int codePoint;
    try {
      codePoint =
          body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
              ? Integer.parseInt(body.substring(2), 16)
              : Integer.parseInt(body.substring(1));
    } catch (NumberFormatException e) {
      return null;
    }
    if (codePoint >= 0x80 && codePoint <= 0x9F) {
      // HTML maps these C1 codes to their windows-1252 characters (WHATWG HTML, 13.2.5.80).
      return new String(new byte[] {(byte) codePoint}, TextCharsets.FALLBACK);
    }
    if (codePoint == 0
        || !Character.isValidCodePoint(codePoint)
        || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
      return null;
    }
    return new String(Character.toChars(codePoint));
  }
}
