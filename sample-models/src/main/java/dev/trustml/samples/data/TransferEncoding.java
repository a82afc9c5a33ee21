package dev.trustml.samples.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * MIME Content-Transfer-Encoding (RFC 2045 section 6): how a part's bytes were made 7-bit safe.
 *
 * <p>Bodies are handled as ISO-8859-1 strings (one char per raw byte), so the identity encodings
 * map chars straight back to bytes. Both decoders are lenient because 2002-era spam is often
 * malformed: bad escapes are kept literally and stray characters in base64 are ignored.
 */
enum TransferEncoding {
  /** 7bit, 8bit, binary, or an encoding we do not know (taken as-is, as mail readers do). */
  IDENTITY,
  /** RFC 2045 section 6.7. */
  QUOTED_PRINTABLE,
  /** RFC 2045 section 6.8. */
  BASE64;

  /** The encoding named by a Content-Transfer-Encoding header value ("" when absent). */
  static TransferEncoding fromHeader(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "quoted-printable" -> QUOTED_PRINTABLE;
      case "base64" -> BASE64;
      default -> IDENTITY;
    };
  }

  /** Decodes a body given as an ISO-8859-1 string with LF line ends into raw bytes. */
  byte[] decode(String body) {
    return switch (this) {
      case IDENTITY -> body.getBytes(StandardCharsets.ISO_8859_1);
      case QUOTED_PRINTABLE -> decodeQuotedPrintable(body);
      case BASE64 -> decodeBase64(body);
    };
  }

  private static byte[] decodeQuotedPrintable(String body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
    int n = body.length();
    int i = 0;
    while (i < n) {
      char c = body.charAt(i);
      if (c != '=') {
        out.write(c & 0xFF);
        i++;
        continue;
      }
      // Soft line break: '=' then optional transport padding then the line end (rule 5).
      int j = i + 1;
      while (j < n && (body.charAt(j) == ' ' || body.charAt(j) == '\t')) {
        j++;
      }
      if (j == n || body.charAt(j) == '\n') {
        i = Math.min(j + 1, n);
        continue;
      }
      int hi = i + 2 < n ? Character.digit(body.charAt(i + 1), 16) : -1;
      int lo = i + 2 < n ? Character.digit(body.charAt(i + 2), 16) : -1;
      if (hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 3;
      } else {
        out.write('='); // malformed escape: keep it literally, as RFC 2045 suggests
        i++;
      }
    }
    return out.toByteArray();
  }

  private static byte[] decodeBase64(String body) {
    StringBuilder alphabet = new StringBuilder(body.length());
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '+'
          || c == '/') {
        alphabet.append(c);
      }
    }
    // A single leftover character carries fewer than 8 bits: it cannot encode a byte.
    if (alphabet.length() % 4 == 1) {
      alphabet.setLength(alphabet.length() - 1);
    }
    // The basic decoder accepts input without '=' padding.
    return Base64.getDecoder().decode(alphabet.toString());
  }
}
