package dev.trustml.audit.shadow;

import dev.trustml.error.TrustmlException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A directory of immutable entries named by content hash ({@code <dir>/<64 hex>/}), safe to share
 * between processes that run at once, and safe against processes killed at any point.
 *
 * <p>The publish protocol: a writer builds the entry in its own partial directory ({@code
 * .partial-<key>-<host>-<pid>-<start>-<nonce>}, see {@link PartialOwner}), writes the manifest
 * ({@link CacheManifest}, the SHA-256 of every file) last, and renames the partial directory onto
 * the key in one atomic step. The rename fails if the key exists (non-empty directory: ENOTEMPTY or
 * EEXIST, or a file: ENOTDIR); then a verified entry there means another writer won, so its entry
 * is used and the partial deleted; anything else there is a damaged entry, moved aside and
 * replaced. Readers use only entries whose manifest matches their files, so they never read a
 * partial or damaged entry. An {@link EntryLock} per key keeps concurrent writers from training the
 * same entry twice, but nothing depends on it.
 *
 * <p>Partial directories left by a killed writer are deleted when stale (see {@link #removeStale});
 * deletion first renames a directory to {@code .trash-<nonce>}, so that nobody ever sees half a
 * deleted entry under its key.
 */
public final class ShadowCache {
  static final String TRASH_PREFIX = ".trash-";
  static final String LOCKS_DIR = ".locks";

  /** The logs of train commands, one per entry key ({@link #logFile}). */
  static final String LOGS_DIR = ".logs";

  /**
   * A partial directory of a writer on another machine (whose process cannot be looked up) is stale
   * when it has not changed for this long.
   */
  static final Duration FOREIGN_PARTIAL_STALE_AFTER = Duration.ofHours(24);

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TRASH = Pattern.compile("\\.trash-[0-9a-f]{16}");

  /** Partial directories of trustml before this protocol: no owner, judged by age alone. */
  private static final Pattern LEGACY_PARTIAL = Pattern.compile("\\.partial-\\d{1,20}");

  private static final int PUBLISH_ATTEMPTS = 8;
  private static final long MAX_WAIT_STEP_MILLIS = 500;
  private static final SecureRandom NONCES = new SecureRandom();

  /** Writes an entry's files into an empty directory. */
  @FunctionalInterface
  public interface EntryWriter {
    void writeInto(Path dir) throws IOException, TrustmlException;
  }

  /** Where an entry came from. */
  public enum Source {
    /** It was in the cache (built earlier, or by a concurrent writer that finished first). */
    CACHED,
    /** This call built it. */
    BUILT
  }

  /** A verified entry and where it came from. */
  public record Entry(Path dir, Source source) {}

  private final Path dir;
  private final boolean locking;
  private final Path logDir;

  /** A cache in {@code dir} (created when the first entry is written). */
  public ShadowCache(Path dir) {
    this(dir, true, null);
  }

  /**
   * A cache in {@code dir} whose train-command logs go to {@code logDir} (for a cache deleted after
   * use, so that the log of a failed model outlives it).
   */
  public ShadowCache(Path dir, Path logDir) {
    this(dir, true, logDir);
  }

  /**
   * @param locking false to skip the per-key locks, as on a file system without them (tests use it
   *     to make writers race)
   */
  ShadowCache(Path dir, boolean locking) {
    this(dir, locking, null);
  }

  private ShadowCache(Path dir, boolean locking, Path logDir) {
    this.dir = dir.toAbsolutePath().normalize();
    this.locking = locking;
    this.logDir = logDir == null ? this.dir.resolve(LOGS_DIR) : logDir.toAbsolutePath();
  }

  public Path dir() {
    return dir;
  }

  /**
   * Where the train command of entry {@code key} logs (replaced on each attempt; a successful entry
   * also keeps a copy). Deleted by {@code cache clear} when nobody builds the entry.
   */
  public Path logFile(String key) {
    return logDir.resolve(checkKey(key) + ".log");
  }

  /** Whether {@code name} has the form of an entry's directory name (a 64-digit hex key). */
  public static boolean isKey(String name) {
    return KEY.matcher(name).matches();
  }

  /** The verified entry for {@code key} (and marks it as just used), or null. */
  public Path find(String key) {
    Path entry = dir.resolve(checkKey(key));
    if (!verified(entry)) {
      return null;
    }
    try {
      Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // A read-only cache is still usable; only `cache clear --older-than` sees a stale use time.
    }
    return entry;
  }

  /**
   * The verified entry for {@code key}: found in the cache, or built with {@code writer} and
   * published. If another writer holds the key, waits for it (or for its lock to be released, when
   * it dies).
   *
   * @param kind what the entry is (recorded in its manifest)
   * @param description one line for people (recorded in its manifest)
   */
  public Entry obtain(String key, String kind, String description, EntryWriter writer)
      throws IOException, TrustmlException, InterruptedException {
    long waitMillis = 20;
    while (true) {
      Path found = find(key);
      if (found != null) {
        return new Entry(found, Source.CACHED);
      }
      if (!locking) {
        return build(key, kind, description, writer);
      }
      try (EntryLock lock = EntryLock.tryAcquire(lockFile(key))) {
        if (lock.acquired()) {
          // Checked again under the lock: the previous holder may just have published it.
          found = find(key);
          return found != null
              ? new Entry(found, Source.CACHED)
              : build(key, kind, description, writer);
        }
      }
      Thread.sleep(waitMillis);
      waitMillis = Math.min(MAX_WAIT_STEP_MILLIS, waitMillis * 2);
    }
  }

  private Entry build(String key, String kind, String description, EntryWriter writer)
      throws IOException, TrustmlException {
    Files.createDirectories(dir);
    Path partial = dir.resolve(PartialOwner.current().partialName(key, nonce()));
    Files.createDirectory(partial);
    try {
      writer.writeInto(partial);
      CacheManifest.of(partial, kind, key, description, Instant.now()).writeTo(partial);
      return publish(partial, key);
    } finally {
      // Left over when another writer won, or when writing failed.
      if (Files.exists(partial, LinkOption.NOFOLLOW_LINKS)) {
        discard(partial);
      }
    }
  }

  /**
   * Renames the complete {@code partial} onto {@code key}, or uses the entry a faster writer put.
   */
  private Entry publish(Path partial, String key) throws IOException {
    Path target = dir.resolve(key);
    FileSystemException last = null;
    for (int attempt = 0; attempt < PUBLISH_ATTEMPTS; attempt++) {
      try {
        // Without REPLACE_EXISTING: POSIX rename(2) replaces only an empty directory.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(target, Source.BUILT);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException(dir + ": the file system cannot rename directories atomically", e);
      } catch (FileSystemException e) {
        // EEXIST, ENOTEMPTY (JDK: FileSystemException "Directory not empty"), ENOTDIR, ...
        last = e;
      }
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        continue; // Removed in between (cleared, or moved aside by another writer): try again.
      }
      if (verified(target)) {
        return new Entry(target, Source.CACHED); // First writer wins; ours is discarded.
      }
      discard(target); // Damaged, or from an older trustml without a manifest.
    }
    throw last;
  }

  private static boolean verified(Path entry) {
    if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Optional<CacheManifest> m = CacheManifest.read(entry);
    return m.isPresent() && m.get().matches(entry);
  }

  /**
   * Deletes stale partial directories (their writer is gone) and leftover trash; best effort: an
   * error leaves the item for the next run.
   *
   * @return the number of partial directories deleted
   */
  public int removeStale() {
    int removed = 0;
    for (Path child : children()) {
      String name = child.getFileName().toString();
      if (TRASH.matcher(name).matches()) {
        deleteTree(child);
        continue;
      }
      Optional<PartialOwner.Partial> partial = PartialOwner.parse(name);
      if (partial.isPresent() && removeIfStale(child, partial.get(), Instant.now())) {
        removed++;
      } else if (isLegacyPartial(name) && removeIfStaleLegacy(child, Instant.now())) {
        removed++;
      }
    }
    return removed;
  }

  static boolean isLegacyPartial(String name) {
    return LEGACY_PARTIAL.matcher(name).matches();
  }

  /** Deletes a partial directory of an older trustml if unchanged for the stale age. */
  boolean removeIfStaleLegacy(Path partial, Instant now) {
    return isStaleLegacy(partial, now) && discard(partial);
  }

  static boolean isStaleLegacy(Path partial, Instant now) {
    return age(partial, now).compareTo(FOREIGN_PARTIAL_STALE_AFTER) > 0;
  }

  /**
   * Deletes {@code partial} if no writer holds its key and its owner is gone: a dead process on
   * this machine, or no change for {@link #FOREIGN_PARTIAL_STALE_AFTER} when the owner runs
   * elsewhere. The key lock is held while deciding, so no writer can start meanwhile.
   */
  boolean removeIfStale(Path partial, PartialOwner.Partial info, Instant now) {
    try (EntryLock lock = locking ? EntryLock.tryAcquire(lockFile(info.key())) : null) {
      if (lock != null && !lock.acquired()) {
        return false;
      }
      if (!isStale(partial, info.owner(), now)) {
        return false;
      }
      return discard(partial);
    }
  }

  static boolean isStale(Path partial, PartialOwner owner, Instant now) {
    if (owner.onThisHost()) {
      return !owner.alive();
    }
    return age(partial, now).compareTo(FOREIGN_PARTIAL_STALE_AFTER) > 0;
  }

  static Duration age(Path path, Instant now) {
    try {
      Instant t = Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toInstant();
      return t.isAfter(now) ? Duration.ZERO : Duration.between(t, now);
    } catch (IOException e) {
      return Duration.ZERO;
    }
  }

  /** The lock file of {@code key}. */
  Path lockFile(String key) {
    return dir.resolve(LOCKS_DIR).resolve(checkKey(key) + ".lock");
  }

  /** The items directly in the cache directory (empty when it does not exist). */
  List<Path> children() {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      for (Path p : s) {
        out.add(p);
      }
    } catch (IOException e) {
      return out;
    }
    out.sort(null);
    return out;
  }

  static boolean isTrash(String name) {
    return TRASH.matcher(name).matches();
  }

  /**
   * Takes {@code path} out of view with one atomic rename to {@code .trash-<nonce>}, then deletes
   * it.
   *
   * @return false when it was already gone (someone else took it)
   */
  boolean discard(Path path) {
    Path trash = dir.resolve(TRASH_PREFIX + nonce());
    try {
      Files.move(path, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      deleteTree(path);
      return !Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
    deleteTree(trash);
    return true;
  }

  /** Deletes a tree, tolerating another process deleting it at the same time. */
  public static void deleteTree(Path path) {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(path)) {
        for (Path child : s) {
          deleteTree(child);
        }
      } catch (IOException e) {
        // Gone, or unreadable: the delete below says which.
      }
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // Left for the next clean-up.
    }
  }

  private static String checkKey(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("not a cache key (64 hex digits): " + key);
    }
    return key;
  }

  private static String nonce() {
    byte[] b = new byte[8];
    NONCES.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
