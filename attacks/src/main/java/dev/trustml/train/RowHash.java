package dev.trustml.train;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A seeded 64-bit hash of one row's content (text and label): the randomness of a choice that must
 * depend on the row alone - not on its position in the file, nor on other rows. SHA-256 of (seed,
 * salt, label, text) with lengths spelled out, so no two different rows can feed it the same bytes.
 */
final class RowHash {
  private RowHash() {}

  /** 64 bits of SHA-256(seed, salt, label, text). */
  static long of(long seed, long salt, String text, String label) {
    byte[] l = label.getBytes(StandardCharsets.UTF_8);
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.allocate(8 + 8 + 4 + l.length + 4 + t.length);
    buf.putLong(seed).putLong(salt).putInt(l.length).put(l).putInt(t.length).put(t);
    return ByteBuffer.wrap(digest().digest(buf.array())).getLong();
  }

  /** A uniform number in [0, 1) from the row's hash (53 bits, as {@code nextDouble} takes them). */
  static double uniform(long seed, long salt, String text, String label) {
    return (of(seed, salt, text, label) >>> 11) * 0x1.0p-53;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
