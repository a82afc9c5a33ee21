package dev.trustml.audit.shadow;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A best-effort, non-blocking lock on one cache key, so that two writers of the same entry do not
 * both train it. Correctness never depends on it (the publish protocol is safe without locks, as on
 * a network file system without lock support): it only avoids duplicate work and keeps the janitor
 * away from partial entries that a live writer is building.
 *
 * <p>An operating-system lock ({@link FileChannel#tryLock}) covers other processes and is released
 * by the kernel when its holder dies, so a crashed holder never blocks anyone. Within this JVM a
 * set of held paths stands in for it: POSIX drops every lock a process holds on a file when any of
 * its channels on that file is closed, so a second channel on a held lock file must never be
 * opened.
 */
final class EntryLock implements AutoCloseable {
  /** What {@link #tryAcquire} got. */
  enum State {
    /** This process holds the key, against other processes too. */
    HELD,
    /** This process holds the key against its own threads only: the file system has no locks. */
    LOCAL_ONLY,
    /** Another writer holds the key. */
    BUSY
  }

  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final State state;
  private final Path path;
  private final FileChannel channel;
  private final FileLock lock;

  private EntryLock(State state, Path path, FileChannel channel, FileLock lock) {
    this.state = state;
    this.path = path;
    this.channel = channel;
    this.lock = lock;
  }

  /** Tries to take the lock file {@code lockFile} (created if missing) without waiting. */
  static EntryLock tryAcquire(Path lockFile) {
    Path path = canonical(lockFile);
    if (!HELD_IN_THIS_JVM.add(path)) {
      return new EntryLock(State.BUSY, null, null, null);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        HELD_IN_THIS_JVM.remove(path);
        return new EntryLock(State.BUSY, null, null, null);
      }
      return new EntryLock(State.HELD, path, channel, lock);
    } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
      // No lock support here (or the lock file cannot be created): go on unlocked.
      closeQuietly(channel);
      return new EntryLock(State.LOCAL_ONLY, path, null, null);
    }
  }

  /**
   * The lock file's path with its directory's symbolic links resolved (the directory is created),
   * so that two spellings of one cache share one entry in {@link #HELD_IN_THIS_JVM}.
   */
  private static Path canonical(Path lockFile) {
    Path abs = lockFile.toAbsolutePath().normalize();
    try {
      return Files.createDirectories(abs.getParent()).toRealPath().resolve(abs.getFileName());
    } catch (IOException e) {
      return abs; // Opening the file fails the same way below: no lock support here.
    }
  }

  State state() {
    return state;
  }

  /** Whether the caller may go on as the key's writer (possibly without a cross-process lock). */
  boolean acquired() {
    return state != State.BUSY;
  }

  @Override
  public void close() {
    if (state == State.BUSY) {
      return;
    }
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException e) {
      // Closing the channel below releases it as well.
    } finally {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(path);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing to do: the kernel drops the lock with the descriptor.
    }
  }
}
