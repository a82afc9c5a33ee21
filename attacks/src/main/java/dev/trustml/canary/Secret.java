package dev.trustml.canary;

import java.util.Arrays;

/**
 * One choice per template slot, stored as positions in each slot's {@link Alphabet}. A secret does
 * not know its template: render or format it with {@link CanaryTemplate#render(Secret)} and {@link
 * CanaryTemplate#format(Secret)}.
 */
public final class Secret {
  private final int[] positions;

  private Secret(int[] positions) {
    this.positions = positions;
  }

  /** A secret with the given alphabet positions, slot by slot (copied). */
  public static Secret of(int... positions) {
    for (int p : positions) {
      if (p < 0) {
        throw new IllegalArgumentException("negative alphabet position " + p);
      }
    }
    return new Secret(positions.clone());
  }

  /** Number of slots. */
  public int slotCount() {
    return positions.length;
  }

  /** The alphabet position chosen for {@code slot}. */
  public int position(int slot) {
    return positions[slot];
  }

  /** All positions (a copy). */
  public int[] positions() {
    return positions.clone();
  }

  /** Number of slots where this secret and {@code other} agree (both must have the same length). */
  public int matchingSlots(Secret other) {
    if (other.positions.length != positions.length) {
      throw new IllegalArgumentException(
          "secrets have " + positions.length + " and " + other.positions.length + " slots");
    }
    int n = 0;
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] == other.positions[i]) {
        n++;
      }
    }
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && Arrays.equals(positions, s.positions);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(positions);
  }

  @Override
  public String toString() {
    return "Secret" + Arrays.toString(positions);
  }
}
