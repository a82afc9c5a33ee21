package dev.trustml.audit.shadow;

import java.util.List;

/**
 * What {@link CacheInventory#clear} did.
 *
 * @param entriesRemoved entries deleted
 * @param bytesFreed their total size plus that of deleted partial entries
 * @param partialsRemoved partial entries of crashed writers deleted
 * @param keptNewer entries kept because they were used more recently than the age limit
 * @param inUse names kept because a running process holds them or may still be writing them
 * @param notOurs names kept because they are not trustml cache entries
 */
public record CacheClearSummary(
    int entriesRemoved,
    long bytesFreed,
    int partialsRemoved,
    int keptNewer,
    List<String> inUse,
    List<String> notOurs) {
  public CacheClearSummary {
    inUse = List.copyOf(inUse);
    notOurs = List.copyOf(notOurs);
  }
}
