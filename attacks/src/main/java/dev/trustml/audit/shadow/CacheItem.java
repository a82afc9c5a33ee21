package dev.trustml.audit.shadow;

import java.time.Instant;

/**
 * One thing in a cache directory, as {@code trustml cache list} shows it.
 *
 * @param name its file name in the cache directory
 * @param status what it is
 * @param bytes the total size of its files
 * @param lastUsed when it was last used (entries) or last changed (anything else)
 * @param description what the entry holds (from its manifest), or who builds a partial entry
 */
public record CacheItem(
    String name, Status status, long bytes, Instant lastUsed, String description) {

  /** What an item in the cache directory is. */
  public enum Status {
    /** A complete entry whose files match its manifest. */
    VERIFIED("verified", true),
    /** An entry whose files do not match its manifest: the next writer replaces it. */
    DAMAGED("damaged", true),
    /** An entry without a (readable) manifest, e.g. from an older trustml: replaced when needed. */
    NO_MANIFEST("no manifest", true),
    /** An entry being built by a running process. */
    IN_PROGRESS("in progress", false),
    /** A partial entry whose writer is gone: deleted by the next run or by cache clear. */
    STALE("stale partial", false),
    /** Being deleted. */
    DELETING("being deleted", false),
    /** Not made by trustml: cache clear leaves it alone. */
    NOT_OURS("not trustml's", false);

    private final String label;
    private final boolean entry;

    Status(String label, boolean entry) {
      this.label = label;
      this.entry = entry;
    }

    /** A short word for tables. */
    public String label() {
      return label;
    }

    /** Whether this is a (complete or damaged) entry under its key. */
    public boolean isEntry() {
      return entry;
    }
  }
}
