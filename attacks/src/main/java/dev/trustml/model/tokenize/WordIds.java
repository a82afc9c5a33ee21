package dev.trustml.model.tokenize;

import java.util.List;

/**
 * Vocabulary lookup by a range of a string, without cutting the word out as a new {@code String}:
 * an open-addressing hash table (linear probing, load at most 1/2) from token to id. When a token
 * appears twice, the first id wins, as with {@code Map.putIfAbsent}.
 */
final class WordIds {
  private final String[] keys;
  private final int[] ids;
  private final int mask;

  WordIds(List<String> tokens) {
    int capacity = Integer.highestOneBit(Math.max(4, tokens.size()) * 2 - 1) << 1;
    keys = new String[capacity];
    ids = new int[capacity];
    mask = capacity - 1;
    for (int id = 0; id < tokens.size(); id++) {
      String t = tokens.get(id);
      int slot = hash(t, 0, t.length()) & mask;
      while (keys[slot] != null && !keys[slot].equals(t)) {
        slot = (slot + 1) & mask;
      }
      if (keys[slot] == null) {
        keys[slot] = t;
        ids[slot] = id;
      }
    }
  }

  /** Id of {@code s[start, end)}, or -1 when it is not a token. */
  int get(String s, int start, int end) {
    int len = end - start;
    int slot = hash(s, start, end) & mask;
    for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
      if (k.length() == len && s.regionMatches(start, k, 0, len)) {
        return ids[slot];
      }
    }
    return -1;
  }

  /** Polynomial hash of the chars, then a multiply-shift mix so the low bits index well. */
  private static int hash(String s, int start, int end) {
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + s.charAt(i);
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }
}
