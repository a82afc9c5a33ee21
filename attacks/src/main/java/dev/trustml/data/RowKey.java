package dev.trustml.data;

/**
 * A 64-bit fingerprint of a (text, label) row, to find rows that appear in two files without
 * keeping the texts. With 64 bits, a million rows collide with probability about 3e-8.
 */
public final class RowKey {
  private RowKey() {}

  /** FNV-1a over the UTF-16 units of text, a separator and the label, then a MurmurHash3 mix. */
  public static long of(String text, String label) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, text);
    h = (h ^ 0x1f) * 0x100000001b3L;
    h = mix(h, label);
    // MurmurHash3 fmix64: spreads FNV's weak high bits.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
