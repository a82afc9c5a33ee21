package dev.trustml.audit.shadow;

import dev.trustml.model.card.ModelCards;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists and clears a {@link ShadowCache} directory while other processes may be using it. Only
 * trustml's own items are ever deleted: entries (a 64-hex-digit name holding a cache manifest or,
 * from older trustml versions, a model card), partial entries of crashed writers, trash and lock
 * files. Anything else is reported and left alone.
 */
public final class CacheInventory {
  private CacheInventory() {}

  /** Every item in the cache directory, sorted by name (verifies each entry's files). */
  public static List<CacheItem> list(ShadowCache cache, Instant now) {
    List<CacheItem> items = new ArrayList<>();
    for (Path child : cache.children()) {
      String name = child.getFileName().toString();
      if (name.equals(ShadowCache.LOCKS_DIR) || name.equals(ShadowCache.LOGS_DIR)) {
        continue; // Lock files and train-command logs are not entries.
      }
      items.add(describe(child, name, now));
    }
    return items;
  }

  private static CacheItem describe(Path child, String name, Instant now) {
    long bytes = size(child);
    Instant changed = now.minus(ShadowCache.age(child, now));
    if (ShadowCache.isTrash(name)) {
      return new CacheItem(name, CacheItem.Status.DELETING, bytes, changed, "");
    }
    Optional<PartialOwner.Partial> partial = PartialOwner.parse(name);
    if (partial.isPresent()) {
      PartialOwner owner = partial.get().owner();
      boolean stale = ShadowCache.isStale(child, owner, now);
      return new CacheItem(
          name,
          stale ? CacheItem.Status.STALE : CacheItem.Status.IN_PROGRESS,
          bytes,
          changed,
          "entry "
              + partial.get().key().substring(0, 12)
              + " built by process "
              + owner.pid()
              + " on "
              + owner.host());
    }
    if (ShadowCache.isLegacyPartial(name)) {
      return new CacheItem(
          name,
          ShadowCache.isStaleLegacy(child, now)
              ? CacheItem.Status.STALE
              : CacheItem.Status.IN_PROGRESS,
          bytes,
          changed,
          "partial entry of an older trustml (deleted after 24 h unchanged)");
    }
    if (!isOurEntry(child, name)) {
      return new CacheItem(name, CacheItem.Status.NOT_OURS, bytes, changed, "");
    }
    Optional<CacheManifest> manifest = CacheManifest.read(child);
    if (manifest.isEmpty()) {
      return new CacheItem(
          name,
          CacheItem.Status.NO_MANIFEST,
          bytes,
          changed,
          "model bundle without a cache manifest (an older trustml); rebuilt when next needed");
    }
    CacheManifest m = manifest.get();
    return new CacheItem(
        name,
        m.matches(child) ? CacheItem.Status.VERIFIED : CacheItem.Status.DAMAGED,
        bytes,
        changed,
        m.kind() + ": " + m.description());
  }

  /**
   * Deletes entries last used longer than {@code olderThan} ago (all of them when null), partial
   * entries of crashed writers, trash and unused lock files. Entries a running process holds are
   * kept; a process that had found an entry just deleted builds it again.
   */
  public static CacheClearSummary clear(ShadowCache cache, Duration olderThan, Instant now) {
    int removed = 0;
    int partials = 0;
    int keptNewer = 0;
    long freed = 0;
    List<String> inUse = new ArrayList<>();
    List<String> notOurs = new ArrayList<>();
    for (Path child : cache.children()) {
      String name = child.getFileName().toString();
      if (name.equals(ShadowCache.LOCKS_DIR) || name.equals(ShadowCache.LOGS_DIR)) {
        continue;
      }
      if (ShadowCache.isTrash(name)) {
        ShadowCache.deleteTree(child);
        continue;
      }
      Optional<PartialOwner.Partial> partial = PartialOwner.parse(name);
      if (partial.isPresent()) {
        long bytes = size(child);
        if (cache.removeIfStale(child, partial.get(), now)) {
          partials++;
          freed += bytes;
        } else if (Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
          inUse.add(name);
        }
        continue;
      }
      if (ShadowCache.isLegacyPartial(name)) {
        long bytes = size(child);
        if (cache.removeIfStaleLegacy(child, now)) {
          partials++;
          freed += bytes;
        } else if (Files.exists(child, LinkOption.NOFOLLOW_LINKS)) {
          inUse.add(name);
        }
        continue;
      }
      if (!isOurEntry(child, name)) {
        notOurs.add(name);
        continue;
      }
      if (olderThan != null && ShadowCache.age(child, now).compareTo(olderThan) < 0) {
        keptNewer++;
        continue;
      }
      try (EntryLock lock = EntryLock.tryAcquire(cache.lockFile(name))) {
        if (!lock.acquired()) {
          inUse.add(name);
          continue;
        }
        long bytes = size(child);
        if (cache.discard(child)) {
          removed++;
          freed += bytes;
        }
      }
    }
    notOurs.addAll(clearLogs(cache));
    notOurs.addAll(clearLocks(cache));
    return new CacheClearSummary(removed, freed, partials, keptNewer, inUse, notOurs);
  }

  /**
   * Deletes the train-command logs of entries nobody is building (a successful entry keeps its own
   * copy); returns foreign names.
   */
  private static List<String> clearLogs(ShadowCache cache) {
    Path logs = cache.dir().resolve(ShadowCache.LOGS_DIR);
    List<String> foreign = new ArrayList<>();
    if (!Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
      return foreign;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(logs)) {
      for (Path log : s) {
        String name = log.getFileName().toString();
        String key = name.endsWith(".log") ? name.substring(0, name.length() - 4) : "";
        if (!ShadowCache.isKey(key)) {
          foreign.add(ShadowCache.LOGS_DIR + "/" + name);
          continue;
        }
        try (EntryLock lock = EntryLock.tryAcquire(cache.lockFile(key))) {
          if (lock.acquired()) {
            Files.deleteIfExists(log);
          }
        } catch (IOException e) {
          // Left for the next clear.
        }
      }
    } catch (IOException e) {
      return foreign;
    }
    try {
      Files.deleteIfExists(logs); // Only when empty.
    } catch (IOException e) {
      // Not empty: fine.
    }
    return foreign;
  }

  /** Deletes lock files of keys without an entry that nobody holds; returns foreign names. */
  private static List<String> clearLocks(ShadowCache cache) {
    Path locks = cache.dir().resolve(ShadowCache.LOCKS_DIR);
    List<String> foreign = new ArrayList<>();
    if (!Files.isDirectory(locks, LinkOption.NOFOLLOW_LINKS)) {
      return foreign;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(locks)) {
      for (Path lockFile : s) {
        String name = lockFile.getFileName().toString();
        String key = name.endsWith(".lock") ? name.substring(0, name.length() - 5) : "";
        if (!ShadowCache.isKey(key)) {
          foreign.add(ShadowCache.LOCKS_DIR + "/" + name);
          continue;
        }
        if (Files.exists(cache.dir().resolve(key), LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        try (EntryLock lock = EntryLock.tryAcquire(lockFile)) {
          if (lock.acquired()) {
            Files.deleteIfExists(lockFile);
          }
        } catch (IOException e) {
          // Left for the next clear.
        }
      }
    } catch (IOException e) {
      return foreign;
    }
    try {
      Files.deleteIfExists(locks); // Only when empty; another writer may just have added a lock.
    } catch (IOException e) {
      // Not empty, or in use: fine.
    }
    return foreign;
  }

  /** A key-named directory holding a cache manifest or (from older trustml) a model card. */
  private static boolean isOurEntry(Path child, String name) {
    return ShadowCache.isKey(name)
        && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)
        && (Files.isRegularFile(child.resolve(CacheManifest.FILE_NAME))
            || Files.isRegularFile(child.resolve(ModelCards.FILE_NAME)));
  }

  /** The total size of the regular files under {@code path} (0 for what cannot be read). */
  public static long size(Path path) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isDirectory()) {
        return a.isRegularFile() ? a.size() : 0;
      }
    } catch (IOException e) {
      return 0;
    }
    long total = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
      for (Path child : s) {
        total += size(child);
      }
    } catch (IOException e) {
      return total;
    }
    return total;
  }
}
