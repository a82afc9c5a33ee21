package dev.trustml.canary.modiva;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What ModIvA reconstructs: a canary template whose secret slots are unknown.
 *
 * @param tokens the template's token ids as the model sees them (special tokens included, no
 *     padding); the entries at slot positions are placeholders (ignored)
 * @param slotPositions for each secret slot, its position in {@code tokens} (distinct)
 * @param slotAlphabets for each slot, the token ids it may take (e.g. the ids of "0".."9");
 *     distinct, never 0 (padding)
 * @param label the class the canary was planted with
 */
public record ModivaProblem(long[] tokens, int[] slotPositions, long[][] slotAlphabets, int label) {

  public ModivaProblem {
    tokens = tokens.clone();
    slotPositions = slotPositions.clone();
    slotAlphabets = deepCopy(slotAlphabets);
    if (slotPositions.length == 0) {
      throw new IllegalArgumentException("a ModIvA problem needs at least one slot");
    }
    if (slotPositions.length != slotAlphabets.length) {
      throw new IllegalArgumentException(
          slotPositions.length + " slot positions but " + slotAlphabets.length + " alphabets");
    }
    Set<Integer> seen = new HashSet<>();
    for (int p : slotPositions) {
      if (p < 0 || p >= tokens.length) {
        throw new IllegalArgumentException(
            "slot position " + p + " outside the template of " + tokens.length + " tokens");
      }
      if (!seen.add(p)) {
        throw new IllegalArgumentException("slot position " + p + " appears twice");
      }
    }
    for (int s = 0; s < slotAlphabets.length; s++) {
      long[] alphabet = slotAlphabets[s];
      if (alphabet.length == 0) {
        throw new IllegalArgumentException("slot " + s + " has an empty alphabet");
      }
      if (Arrays.stream(alphabet).anyMatch(id -> id <= 0)) {
        throw new IllegalArgumentException(
            "slot " + s + " alphabet holds an id <= 0 (0 is padding)");
      }
      if (Arrays.stream(alphabet).distinct().count() != alphabet.length) {
        throw new IllegalArgumentException("slot " + s + " alphabet repeats a token id");
      }
    }
    if (label < 0) {
      throw new IllegalArgumentException("label " + label + " is negative");
    }
  }

  private static long[][] deepCopy(long[][] a) {
    long[][] c = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public long[] tokens() {
    return tokens.clone();
  }

  @Override
  public int[] slotPositions() {
    return slotPositions.clone();
  }

  @Override
  public long[][] slotAlphabets() {
    return deepCopy(slotAlphabets);
  }

  /** Number of secret slots. */
  public int slots() {
    return slotPositions.length;
  }

  /** Size of slot {@code s}'s alphabet. */
  public int alphabetSize(int s) {
    return slotAlphabets[s].length;
  }

  /** The largest alphabet size. */
  public int maxAlphabetSize() {
    return Arrays.stream(slotAlphabets).mapToInt(a -> a.length).max().orElseThrow();
  }

  /** The token id of symbol {@code symbol} (an alphabet index) in slot {@code s}. */
  public long tokenId(int s, int symbol) {
    return slotAlphabets[s][symbol];
  }

  /** The full token sequence with each slot filled by its symbol (an alphabet index). */
  public long[] fill(int[] symbols) {
    if (symbols.length != slotPositions.length) {
      throw new IllegalArgumentException(
          symbols.length + " symbols for " + slotPositions.length + " slots");
    }
    long[] out = tokens.clone();
    for (int s = 0; s < symbols.length; s++) {
      out[slotPositions[s]] = slotAlphabets[s][symbols[s]];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ModivaProblem p
        && label == p.label
        && Arrays.equals(tokens, p.tokens)
        && Arrays.equals(slotPositions, p.slotPositions)
        && Arrays.deepEquals(slotAlphabets, p.slotAlphabets);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens) * 31
        + Arrays.hashCode(slotPositions) * 17
        + Arrays.deepHashCode(slotAlphabets)
        + label;
  }

  @Override
  public String toString() {
    return "ModivaProblem[tokens="
        + Arrays.toString(tokens)
        + ", slotPositions="
        + Arrays.toString(slotPositions)
        + ", slotAlphabets="
        + Arrays.deepToString(slotAlphabets)
        + ", label="
        + label
        + "]";
  }
}
