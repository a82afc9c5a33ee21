package dev.trustml.samples.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Extracts the readable body text of a raw RFC 5322 / MIME email (RFC 2045-2046).
 *
 * <p>Rules, in the order they apply:
 *
 * <ul>
 *   <li>All headers are dropped (also those of parts and of forwarded messages).
 *   <li>Bodies are transfer-decoded (quoted-printable, base64) and charset-decoded.
 *   <li>Attachment parts ({@link MailHeaders#isAttachment}) and non-text parts are dropped.
 *   <li>multipart/alternative keeps its first text/plain rendering, else its last HTML one; other
 *       multiparts keep all their parts.
 *   <li>The message's text/plain parts are the result; only a message without any plain text falls
 *       back to its HTML parts, with tags stripped ({@link HtmlText}).
 *   <li>A body without a Content-Type header that contains an {@code <html>} or {@code <body>} tag
 *       is read as HTML: much 2002-era spam was sent that way.
 * </ul>
 *
 * <p>The result is whitespace-collapsed ({@link TextCleanup#collapseWhitespace}) and may be empty.
 */
public final class EmailText {

  /** Deeper nesting than this is treated as junk; real mail nests 3-4 levels at most. */
  private static final int MAX_DEPTH = 16;

  private static final Pattern HTML_MARKER =
      Pattern.compile("<\\s*(html|body)\\b", Pattern.CASE_INSENSITIVE);

  /** A message or part: its headers and its still-encoded body (ISO-8859-1 chars, LF line ends). */
  private record Entity(MailHeaders headers, String body) {}

  /** The plain and the HTML-derived text found in an entity; either may be "". */
  private record Found(String plain, String html) {
    static final Found NOTHING = new Found("", "");

    Found {
      plain = plain.strip();
      html = html.strip();
    }
  }

  private EmailText() {}

  /** The body text of a raw message given as bytes (any line-end convention). */
  public static String extract(byte[] rawMessage) {
    return extract(new String(rawMessage, StandardCharsets.ISO_8859_1));
  }

  /**
   * The body text of a raw message given as a string whose chars are the message's bytes
   * (ISO-8859-1), as {@link #extract(byte[])} builds it.
   */
  public static String extract(String rawLatin1) {
    String message = rawLatin1.replace("\r\n", "\n").replace('\r', '\n');
    if (message.startsWith("From ")) {
      // mbox envelope line ("From sender date"), not a header field
      int lineEnd = message.indexOf('\n');
      message = lineEnd < 0 ? "" : message.substring(lineEnd + 1);
    }
    Found found = find(parseEntity(message), 0);
    return TextCleanup.collapseWhitespace(found.plain().isEmpty() ? found.html() : found.plain());
  }

  /** Splits an entity into its header block and body at the first empty line. */
  private static Entity parseEntity(String text) {
    if (text.startsWith("\n")) {
      return new Entity(MailHeaders.NONE, text.substring(1));
    }
    int firstLineEnd = text.indexOf('\n');
    String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
    if (!MailHeaders.looksLikeField(firstLine)) {
      return new Entity(MailHeaders.NONE, text); // malformed: no header block at all
    }
    int blank = text.indexOf("\n\n");
    if (blank < 0) {
      return new Entity(MailHeaders.parse(text), "");
    }
    return new Entity(MailHeaders.parse(text.substring(0, blank)), text.substring(blank + 2));
  }

  private static Found find(Entity entity, int depth) {
    // The message itself is never an attachment, whatever its own Content-Disposition says.
    if (depth > MAX_DEPTH || (depth > 0 && entity.headers().isAttachment())) {
      return Found.NOTHING;
    }
    ContentType type = entity.headers().contentType();
    return switch (type.kind()) {
      case PLAIN_TEXT -> {
        String text = decodedText(entity, type);
        boolean undeclaredHtml = !type.declared() && HTML_MARKER.matcher(text).find();
        yield undeclaredHtml ? new Found("", HtmlText.toPlainText(text)) : new Found(text, "");
      }
      case HTML -> new Found("", HtmlText.toPlainText(decodedText(entity, type)));
      case ALTERNATIVE -> chooseAlternative(children(entity, type, depth));
      case MULTIPART -> concatenate(children(entity, type, depth));
      case EMBEDDED_MESSAGE -> {
        byte[] inner = entity.headers().transferEncoding().decode(entity.body());
        yield find(parseEntity(new String(inner, StandardCharsets.ISO_8859_1)), depth + 1);
      }
      case OTHER -> Found.NOTHING;
    };
  }

  private static String decodedText(Entity entity, ContentType type) {
    byte[] bytes = entity.headers().transferEncoding().decode(entity.body());
    return TextCharsets.decode(bytes, type.charset());
  }

  private static List<Found> children(Entity entity, ContentType type, int depth) {
    List<String> parts = MultipartBody.split(entity.body(), type.boundary());
    List<Found> found = new ArrayList<>(parts.size());
    if (parts.isEmpty()) {
      // A multipart whose boundary never occurs: mail readers show the body as text.
      found.add(new Found(entity.body(), ""));
      return found;
    }
    for (String part : parts) {
      found.add(find(parseEntity(part), depth + 1));
    }
    return found;
  }

  /** RFC 2046 section 5.1.4: alternatives are in increasing order of richness. */
  private static Found chooseAlternative(List<Found> alternatives) {
    for (Found f : alternatives) {
      if (!f.plain().isEmpty()) {
        return new Found(f.plain(), "");
      }
    }
    for (int i = alternatives.size() - 1; i >= 0; i--) {
      if (!alternatives.get(i).html().isEmpty()) {
        return new Found("", alternatives.get(i).html());
      }
    }
    return Found.NOTHING;
  }

  private static Found concatenate(List<Found> parts) {
    StringBuilder plain = new StringBuilder();
    StringBuilder html = new StringBuilder();
    for (Found f : parts) {
      plain.append(f.plain()).append('\n');
      html.append(f.html()).append('\n');
    }
    return new Found(plain.toString(), html.toString());
  }
}
