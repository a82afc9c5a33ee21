package dev.trustml.canary.modiva;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a ModIvA run found.
 *
 * @param reconstructions distinct candidate secrets, best (lowest loss) first, at most topK
 * @param restarts random restarts optimised
 * @param steps Adam steps (each one batched forward + backward over all restarts)
 * @param candidatesScored distinct candidates re-scored with hard tokens
 * @param wallTime time of the whole run
 */
public record ModivaResult(
    List<Reconstruction> reconstructions,
    int restarts,
    int steps,
    int candidatesScored,
    Duration wallTime) {

  public ModivaResult {
    reconstructions = List.copyOf(reconstructions);
  }

  /** The best reconstruction. */
  public Reconstruction best() {
    return reconstructions.get(0);
  }

  /**
   * One candidate secret.
   *
   * @param symbols for each slot, the index into its alphabet
   * @param loss cross-entropy of the canary's label for the hard token sequence, computed by the
   *     model's ordinary {@code forward} (the same number black-box enumeration ranks by)
   */
  public record Reconstruction(int[] symbols, double loss) {
    public Reconstruction {
      symbols = symbols.clone();
    }

    @Override
    public int[] symbols() {
      return symbols.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Reconstruction r
          && Arrays.equals(symbols, r.symbols)
          && Double.compare(loss, r.loss) == 0;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(symbols) * 31 + Double.hashCode(loss);
    }

    @Override
    public String toString() {
      return "Reconstruction[symbols=" + Arrays.toString(symbols) + ", loss=" + loss + "]";
    }
  }
}
