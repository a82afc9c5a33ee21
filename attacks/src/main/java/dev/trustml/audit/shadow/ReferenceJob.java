package dev.trustml.audit.shadow;

import java.io.Serializable;

/**
 * One reference model to obtain (from the cache, or trained into it) and score the rows with.
 *
 * @param index its index among the audit's reference models, from 0
 * @param count how many reference models the audit has
 * @param seed its training seed
 * @param in which audit rows it trains on
 * @param key its cache key ({@link ShadowCache}): a hash of everything that determines it
 * @param description one line for people (progress, cache manifest, errors)
 */
public record ReferenceJob(
    int index, int count, long seed, boolean[] in, String key, String description)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** "reference model 3 of 16", for messages. */
  public String name() {
    return "reference model " + (index + 1) + " of " + count;
  }

  /** How many audit rows it trains on. */
  public int inCount() {
    int c = 0;
    for (boolean b : in) {
      c += b ? 1 : 0;
    }
    return c;
  }
}
