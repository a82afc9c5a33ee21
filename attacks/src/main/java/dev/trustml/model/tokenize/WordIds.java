package dev.trustml.model.tokenize;

import java.util.Arrays;
import java.util.List;

/**
 * Vocabulary lookup by a range of chars, without cutting the word out as a new {@code String}: an
 * open-addressing hash table (linear probing, load at most 1/2) from token to id. When a token
 * appears twice, the first id wins, as with {@code Map.putIfAbsent}.
 *
 * <p>The hash of a word is {@code h = 31 * h + c} over its chars (as {@link String#hashCode}), then
 * {@link #slotHash mixed}; a scanner can accumulate {@code h} while it walks the word.
 */
final class WordIds {
  private final char[][] keys;
  private final int[] ids;
  private final int mask;

  WordIds(List<String> tokens) {
    int capacity = Integer.highestOneBit(Math.max(4, tokens.size()) * 2 - 1) << 1;
    keys = new char[capacity][];
    ids = new int[capacity];
    mask = capacity - 1;
    for (int id = 0; id < tokens.size(); id++) {
      char[] t = tokens.get(id).toCharArray();
      int slot = slotHash(polynomial(t)) & mask;
      while (keys[slot] != null && !Arrays.equals(keys[slot], t)) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == null) {
        keys[slot] = t;
        ids[slot] = id;
      }
    }
  }

  private static int polynomial(char[] t) {
    int h = 0;
    for (char c : t) {
      h = 31 * h + c;
    }
    return h;
  }

  /** Multiply-shift mix so that the low bits (the slot) depend on every char. */
  private static int slotHash(int h) {
    int x = h * 0x9E3779B9;
    return x ^ (x >>> 16);
  }

  /** Id of {@code s[start, end)}, or -1 when it is not a token. */
  int get(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    int len = end - start;
    for (int slot = slotHash(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
      char[] k = keys[slot];
      if (k.length == len && sameChars(k, s, start)) {
        return ids[slot];
      }
    }
    return -1;
  }

  private static boolean sameChars(char[] k, String s, int start) {
    for (int j = 0; j < k.length; j++) {
      if (k[j] != s.charAt(start + j)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Id of {@code a[start, end)} whose polynomial hash {@code h} the caller computed, or -1 when it
   * is not a token.
   */
  int get(char[] a, int start, int end, int h) {
    int len = end - start;
    for (int slot = slotHash(h) & mask; ; slot = (slot + 1) & mask) {
      char[] k = keys[slot];
      if (k == null) {
        return -1;
      }
      if (k.length == len && Arrays.equals(k, 0, len, a, start, end)) {
        return ids[slot];
      }
    }
  }
}
