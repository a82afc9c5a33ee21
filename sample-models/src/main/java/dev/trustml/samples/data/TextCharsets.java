package dev.trustml.samples.data;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * Turns a part's bytes into text using its declared charset.
 *
 * <p>A missing, unknown or US-ASCII charset falls back to windows-1252: in this 2002 corpus,
 * undeclared 8-bit bytes are nearly always Latin-1 or its Windows superset, and decoding them as
 * ASCII would only produce replacement characters. Undecodable bytes become U+FFFD, which {@link
 * TextCleanup} later treats as whitespace.
 */
final class TextCharsets {

  static final Charset FALLBACK = Charset.forName("windows-1252");

  private TextCharsets() {}

  static String decode(byte[] bytes, String charsetLabel) {
    return new String(bytes, resolve(charsetLabel));
  }

  static Charset resolve(String charsetLabel) {
    String label = charsetLabel.strip().toLowerCase(Locale.ROOT);
    if (label.isEmpty() || label.equals("us-ascii") || label.equals("ascii")) {
      return FALLBACK;
    }
    try {
      return Charset.forName(label);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return FALLBACK; // labels like "default" or "unknown-8bit" seen in the corpus
    }
  }
}
