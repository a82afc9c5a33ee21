package dev.trustml.audit.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.io.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publish protocol of {@link ShadowCache}: races, damaged entries, crashed writers. */
class ShadowCacheTest {
  @TempDir Path tmp;

  static String key(String seed) {
    return Hashing.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** A writer whose entry says who wrote it, in a file and a subdirectory. */
  static ShadowCache.EntryWriter writing(String who) {
    return dir -> {
      Files.writeString(dir.resolve("model.bin"), "weights by " + who);
      Files.createDirectories(dir.resolve("sub"));
      Files.writeString(dir.resolve("sub/vocab.txt"), "a\nb\n");
    };
  }

  static String writer(Path entry) throws IOException {
    return Files.readString(entry.resolve("model.bin"));
  }

  /** Names in the cache directory other than complete entries and lock files. */
  static List<String> debris(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (!ShadowCache.isKey(n) && !n.equals(ShadowCache.LOCKS_DIR)) {
          out.add(n);
        }
      }
    }
    return out;
  }

  @Test
  void secondObtainFindsTheVerifiedEntry() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("a");
    assertNull(cache.find(k));
    ShadowCache.Entry first = cache.obtain(k, "test", "entry a", writing("one"));
    assertEquals(ShadowCache.Source.BUILT, first.source());
    assertEquals(cache.dir().resolve(k), first.dir());
    ShadowCache.Entry second =
        cache.obtain(
            k,
            "test",
            "entry a",
            dir -> {
              throw new AssertionError("must not build a verified entry again");
            });
    assertEquals(ShadowCache.Source.CACHED, second.source());
    assertEquals("weights by one", writer(second.dir()));
    CacheManifest m = CacheManifest.read(first.dir()).orElseThrow();
    assertEquals(List.of("model.bin", "sub/vocab.txt"), List.copyOf(m.files().keySet()));
    assertEquals(k, m.key());
    assertEquals(List.of(), debris(cache.dir()));
  }

  /**
   * Without locks (as on a file system without them) both writers build at once; the barrier makes
   * both renames happen after both entries are complete, so one rename must find the key taken.
   */
  @Test
  void racingWritersWithoutLocksBothGetTheFirstWritersEntry() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"), false);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 20; round++) {
        String k = key("race" + round);
        CyclicBarrier bothBuilt = new CyclicBarrier(2);
        List<Future<ShadowCache.Entry>> results = new ArrayList<>();
        for (String who : List.of("A", "B")) {
          results.add(
              pool.submit(
                  () ->
                      cache.obtain(
                          k,
                          "test",
                          "race",
                          dir -> {
                            writing(who).writeInto(dir);
                            await(bothBuilt);
                          })));
        }
        ShadowCache.Entry a = results.get(0).get(30, TimeUnit.SECONDS);
        ShadowCache.Entry b = results.get(1).get(30, TimeUnit.SECONDS);
        assertEquals(a.dir(), b.dir());
        // Exactly one rename won; the loser uses the winner's entry and deletes its own.
        assertEquals(
            1,
            (a.source() == ShadowCache.Source.BUILT ? 1 : 0)
                + (b.source() == ShadowCache.Source.BUILT ? 1 : 0));
        String winner = a.source() == ShadowCache.Source.BUILT ? "A" : "B";
        assertEquals("weights by " + winner, writer(a.dir()));
        assertNotNull(cache.find(k));
      }
      assertEquals(List.of(), debris(cache.dir()), "no partial or trash directory left");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void withLocksTheSecondWriterWaitsAndBuildsNothing() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("locked");
    AtomicInteger builds = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ShadowCache.Entry>> results = new ArrayList<>();
      for (String who : List.of("A", "B")) {
        results.add(
            pool.submit(
                () ->
                    cache.obtain(
                        k,
                        "test",
                        "locked",
                        dir -> {
                          builds.incrementAndGet();
                          pause(300);
                          writing(who).writeInto(dir);
                        })));
      }
      ShadowCache.Entry a = results.get(0).get(30, TimeUnit.SECONDS);
      ShadowCache.Entry b = results.get(1).get(30, TimeUnit.SECONDS);
      assertEquals(1, builds.get(), "one writer trains, the other waits for its entry");
      assertEquals(a.dir(), b.dir());
      assertFalse(a.source() == b.source(), "one BUILT, one CACHED");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDamagedEntryIsMissingAndTheNextWriterReplacesIt() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("damaged");
    Path entry = cache.obtain(k, "test", "d", writing("one")).dir();
    Files.writeString(entry.resolve("sub/vocab.txt"), "x", StandardOpenOption.APPEND);
    assertNull(cache.find(k), "files no longer match the manifest");
    assertEquals(
        CacheItem.Status.DAMAGED, CacheInventory.list(cache, Instant.now()).get(0).status());
    ShadowCache.Entry rebuilt = cache.obtain(k, "test", "d", writing("two"));
    assertEquals(ShadowCache.Source.BUILT, rebuilt.source());
    assertEquals("weights by two", writer(rebuilt.dir()));
    assertEquals("a\nb\n", Files.readString(rebuilt.dir().resolve("sub/vocab.txt")));
    assertNotNull(cache.find(k));
    assertEquals(List.of(), debris(cache.dir()));
  }

  @Test
  void aMissingFileOrABrokenManifestMakesTheEntryMissing() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("missing");
    Path entry = cache.obtain(k, "test", "m", writing("one")).dir();
    Files.delete(entry.resolve("model.bin"));
    assertNull(cache.find(k));
    assertEquals("weights by two", writer(cache.obtain(k, "test", "m", writing("two")).dir()));
    Files.writeString(entry.resolve(CacheManifest.FILE_NAME), "{ not json");
    assertNull(cache.find(k));
    assertEquals("weights by three", writer(cache.obtain(k, "test", "m", writing("three")).dir()));
  }

  @Test
  void anEntryUnderAnotherKeysNameIsNotVerified() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    Path entry = cache.obtain(key("x"), "test", "x", writing("one")).dir();
    Path renamed = cache.dir().resolve(key("y"));
    Files.move(entry, renamed);
    assertNull(cache.find(key("y")), "a manifest names its key: a moved entry is not trusted");
  }

  @Test
  void entriesOfOlderTrustmlAndOtherThingsAtTheKeyAreReplaced() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    // Before manifests: a bundle directory without one (rename fails with ENOTEMPTY).
    String old = key("old");
    Files.createDirectories(cache.dir().resolve(old));
    Files.writeString(cache.dir().resolve(old).resolve("trustml-model.json"), "{}");
    // An empty directory (POSIX rename replaces it) and a regular file (ENOTDIR).
    String empty = key("empty");
    Files.createDirectories(cache.dir().resolve(empty));
    String file = key("file");
    Files.writeString(cache.dir().resolve(file), "not a directory");
    for (String k : List.of(old, empty, file)) {
      assertNull(cache.find(k));
      ShadowCache.Entry e = cache.obtain(k, "test", "r", writing(k));
      assertEquals(ShadowCache.Source.BUILT, e.source());
      assertEquals("weights by " + k, writer(e.dir()));
      assertNotNull(cache.find(k));
    }
    assertEquals(List.of(), debris(cache.dir()));
  }

  @Test
  void aFailedWriterLeavesNothingBehind() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("fails");
    IOException thrown =
        assertThrows(
            IOException.class,
            () ->
                cache.obtain(
                    k,
                    "test",
                    "f",
                    dir -> {
                      Files.writeString(dir.resolve("model.bin"), "half");
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", thrown.getMessage());
    assertEquals(List.of(), debris(cache.dir()));
    assertNull(cache.find(k));
    assertEquals(ShadowCache.Source.BUILT, cache.obtain(k, "test", "f", writing("ok")).source());
  }

  @Test
  void partialOwnerRoundTripsThroughTheDirectoryName() {
    PartialOwner me = PartialOwner.current();
    String k = key("p");
    String name = me.partialName(k, "0123456789abcdef");
    PartialOwner.Partial parsed = PartialOwner.parse(name).orElseThrow();
    assertEquals(k, parsed.key());
    assertEquals(me, parsed.owner());
    assertTrue(me.onThisHost());
    assertTrue(me.alive());
    assertTrue(PartialOwner.parse(".partial-1234").isEmpty());
    assertTrue(PartialOwner.parse(name + "/x").isEmpty());
  }

  private Path partial(ShadowCache cache, String k, PartialOwner owner) throws IOException {
    Path p = cache.dir().resolve(owner.partialName(k, "00000000000000ff"));
    Files.createDirectories(p);
    Files.writeString(p.resolve("model.bin"), "half-written");
    return p;
  }

  @Test
  void stalePartialsOfGoneWritersAreRemovedAndLiveOnesKept() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    PartialOwner me = PartialOwner.current();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    PartialOwner dead = new PartialOwner(me.host(), finished.pid(), me.startMillis());
    // Our process id, but a process that started an hour earlier: the id was reused.
    PartialOwner reused = new PartialOwner(me.host(), me.pid(), me.startMillis() - 3_600_000);
    PartialOwner foreign = new PartialOwner("another-machine", 1, 1);
    Path live = partial(cache, key("live"), me);
    Path gone = partial(cache, key("gone"), dead);
    Path reusedPid = partial(cache, key("reused"), reused);
    Path elsewhere = partial(cache, key("elsewhere"), foreign);
    Path elsewhereOld = partial(cache, key("elsewhere-old"), foreign);
    Files.setLastModifiedTime(
        elsewhereOld, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
    Path legacy = cache.dir().resolve(".partial-8765432109876543210");
    Files.createDirectories(legacy);
    Files.setLastModifiedTime(legacy, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

    assertEquals(4, cache.removeStale());
    assertTrue(Files.isDirectory(live), "this process is alive");
    assertTrue(Files.isDirectory(elsewhere), "another machine's young partial is kept");
    assertFalse(Files.exists(gone));
    assertFalse(Files.exists(reusedPid));
    assertFalse(Files.exists(elsewhereOld));
    assertFalse(Files.exists(legacy));
  }

  @Test
  void aPartialWhoseKeyIsLockedIsKeptUntilTheLockIsReleased() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    PartialOwner me = PartialOwner.current();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    String k = key("locked-partial");
    Path gone = partial(cache, k, new PartialOwner(me.host(), finished.pid(), me.startMillis()));
    try (EntryLock held = EntryLock.tryAcquire(cache.lockFile(k))) {
      assertEquals(EntryLock.State.HELD, held.state());
      assertEquals(0, cache.removeStale(), "a writer holds the key: never judged stale");
      assertTrue(Files.isDirectory(gone));
    }
    assertEquals(1, cache.removeStale());
    assertFalse(Files.exists(gone));
  }

  @Test
  void aWriterWaitsForTheLockHolderThenUsesItsEntry() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("waits");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ShadowCache.Entry> waiting;
      try (EntryLock held = EntryLock.tryAcquire(cache.lockFile(k))) {
        assertTrue(held.acquired());
        waiting =
            pool.submit(
                () ->
                    cache.obtain(
                        k,
                        "test",
                        "w",
                        dir -> {
                          throw new AssertionError("the holder's entry must be used");
                        }));
        Thread.sleep(200);
        assertFalse(waiting.isDone(), "waits while another writer holds the key");
        // The holder publishes, as a concurrent writer would, then lets go.
        new ShadowCache(cache.dir(), false).obtain(k, "test", "w", writing("holder"));
      }
      ShadowCache.Entry e = waiting.get(30, TimeUnit.SECONDS);
      assertEquals(ShadowCache.Source.CACHED, e.source());
      assertEquals("weights by holder", writer(e.dir()));
    } finally {
      pool.shutdownNow();
    }
  }

  private static void pause(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void await(CyclicBarrier barrier) throws IOException {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException("the other writer did not arrive", e);
    }
  }
}
