package dev.trustml.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The header block of a message or MIME part (RFC 5322 section 2.2), unfolded.
 *
 * <p>Only the few fields the text extraction needs are interpreted; lines that are not {@code Name:
 * value} fields (such as the mbox {@code From } line) are ignored.
 */
final class MailHeaders {

  /** A header field name (RFC 5322 ftext: printable ASCII except the colon) then a colon. */
  private static final Pattern FIELD_START = Pattern.compile("^[!-9;-~]+:.*");

  static final MailHeaders NONE = new MailHeaders(List.of());

  private record Field(String name, String value) {}

  private final List<Field> fields;

  private MailHeaders(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  /** True when a line starts a header field. */
  static boolean looksLikeField(String line) {
    return FIELD_START.matcher(line).matches();
  }

  /** Parses a header block with LF line ends; continuation lines start with a space or tab. */
  static MailHeaders parse(String block) {
    List<Field> fields = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (continuation && name != null) {
        value.append(' ').append(line.strip());
        continue;
      }
      if (name != null) {
        fields.add(new Field(name, value.toString()));
        name = null;
      }
      if (looksLikeField(line)) {
        int colon = line.indexOf(':');
        name = line.substring(0, colon).toLowerCase(Locale.ROOT);
        value.setLength(0);
        value.append(line.substring(colon + 1).strip());
      }
    }
    if (name != null) {
      fields.add(new Field(name, value.toString()));
    }
    return new MailHeaders(fields);
  }

  /** The value of the first field with this (case-insensitive) name, or "" if there is none. */
  String get(String fieldName) {
    String wanted = fieldName.toLowerCase(Locale.ROOT);
    for (Field f : fields) {
      if (f.name().equals(wanted)) {
        return f.value();
      }
    }
    return "";
  }

  /** True if a field with this name is present. */
  boolean has(String fieldName) {
    String wanted = fieldName.toLowerCase(Locale.ROOT);
    return fields.stream().anyMatch(f -> f.name().equals(wanted));
  }

  /** The Content-Type, defaulting to text/plain (RFC 2045 section 5.2). */
  ContentType contentType() {
    return ContentType.parse(get("Content-Type"));
  }

  /** The Content-Transfer-Encoding, defaulting to 7bit (identity). */
  TransferEncoding transferEncoding() {
    return TransferEncoding.fromHeader(get("Content-Transfer-Encoding"));
  }

  /**
   * True for a part a mail reader would offer as a file rather than show: disposition {@code
   * attachment}, or no explicit {@code inline} disposition and a file name (on the disposition or,
   * as older mailers did, on the type).
   */
  boolean isAttachment() {
    HeaderValue disposition = HeaderValue.parse(get("Content-Disposition"));
    if (disposition.token().equals("attachment")) {
      return true;
    }
    boolean named =
        !disposition.param("filename").isEmpty()
            || !HeaderValue.parse(get("Content-Type")).param("name").isEmpty();
    return named && !disposition.token().equals("inline");
  }
}
