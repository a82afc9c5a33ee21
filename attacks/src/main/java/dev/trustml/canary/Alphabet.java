package dev.trustml.canary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ordered set of values one template slot can take. The order fixes the mixed-radix digit of
 * each value (see {@link CanaryTemplate#indexOf(Secret)}), so it must not change between planting
 * and extraction: built-ins are sorted, word lists keep their file order.
 */
public final class Alphabet {
  private final SlotKind kind;
  private final String description;
  private final List<String> values;
  private final Map<String, Integer> positions;
  private final boolean singleCharacter;

  Alphabet(SlotKind kind, String description, List<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("an alphabet needs at least one value");
    }
    this.kind = kind;
    this.description = description;
    this.values = List.copyOf(values);
    Map<String, Integer> index = new HashMap<>();
    boolean allSingle = true;
    for (int i = 0; i < this.values.size(); i++) {
      String v = this.values.get(i);
      if (index.put(v, i) != null) {
        throw new IllegalArgumentException("duplicate alphabet value '" + v + "'");
      }
      allSingle &= v.codePointCount(0, v.length()) == 1;
    }
    this.positions = Map.copyOf(index);
    this.singleCharacter = allSingle;
  }

  /** Which kind of slot produced this alphabet. */
  public SlotKind kind() {
    return kind;
  }

  /** Human-readable description for messages, e.g. "a digit 0-9". */
  public String description() {
    return description;
  }

  /** Number of values (the radix of this slot). */
  public int size() {
    return values.size();
  }

  /** The value at {@code position} (0-based). */
  public String value(int position) {
    return values.get(position);
  }

  /** All values in order. */
  public List<String> values() {
    return values;
  }

  /** Position of {@code value}, or -1 if it is not in the alphabet. */
  public int positionOf(String value) {
    Integer p = positions.get(value);
    return p == null ? -1 : p;
  }

  /** True if every value is a single character, so secrets may be written without spaces. */
  public boolean singleCharacter() {
    return singleCharacter;
  }

  /** Equal when kind and values (in order) are equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Alphabet a && kind == a.kind && values.equals(a.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return description;
  }
}
