package dev.trustml.audit.shadow;

import static dev.trustml.audit.shadow.ShadowCacheTest.key;
import static dev.trustml.audit.shadow.ShadowCacheTest.writing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing and clearing a shared cache: only trustml's own items go, and only unused ones. */
class CacheInventoryTest {
  @TempDir Path tmp;

  @Test
  void listsEveryItemWithWhatItIs() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    cache.obtain(key("a"), "reference-model", "model a", writing("a"));
    String damaged = key("b");
    cache.obtain(damaged, "reference-model", "model b", writing("b"));
    Files.writeString(cache.dir().resolve(damaged).resolve("model.bin"), "flipped");
    Path partial =
        cache.dir().resolve(PartialOwner.current().partialName(key("c"), "0000000000000001"));
    Files.createDirectories(partial);
    Files.writeString(cache.dir().resolve("notes.txt"), "mine");

    Map<String, CacheItem> items =
        CacheInventory.list(cache, Instant.now()).stream()
            .collect(Collectors.toMap(CacheItem::name, i -> i));
    assertEquals(4, items.size(), items.toString());
    CacheItem a = items.get(key("a"));
    assertEquals(CacheItem.Status.VERIFIED, a.status());
    assertEquals("reference-model: model a", a.description());
    // model.bin ("weights by a") + sub/vocab.txt ("a\nb\n") + the manifest
    long manifest = Files.size(cache.dir().resolve(key("a")).resolve(CacheManifest.FILE_NAME));
    assertEquals(12 + 4 + manifest, a.bytes());
    assertEquals(CacheItem.Status.DAMAGED, items.get(damaged).status());
    assertEquals(
        CacheItem.Status.IN_PROGRESS, items.get(partial.getFileName().toString()).status());
    assertEquals(CacheItem.Status.NOT_OURS, items.get("notes.txt").status());
  }

  @Test
  void clearRemovesEntriesAndLeavesWhatIsNotTrustmls() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    for (String k : List.of("a", "b", "c")) {
      cache.obtain(key(k), "reference-model", k, writing(k));
    }
    // A hex-named directory that holds neither a manifest nor a model card is not ours.
    Path foreignDir = Files.createDirectories(cache.dir().resolve(key("foreign")));
    Files.writeString(foreignDir.resolve("thesis.tex"), "do not delete");
    Files.writeString(cache.dir().resolve("notes.txt"), "mine");

    CacheClearSummary s = CacheInventory.clear(cache, null, Instant.now());
    assertEquals(3, s.entriesRemoved());
    assertTrue(s.bytesFreed() > 3 * 16, "freed " + s.bytesFreed());
    assertEquals(List.of(key("foreign"), "notes.txt"), s.notOurs().stream().sorted().toList());
    assertEquals("do not delete", Files.readString(foreignDir.resolve("thesis.tex")));
    assertTrue(Files.isRegularFile(cache.dir().resolve("notes.txt")));
    for (String k : List.of("a", "b", "c")) {
      assertFalse(Files.exists(cache.dir().resolve(key(k))));
    }
    assertFalse(Files.exists(cache.dir().resolve(ShadowCache.LOCKS_DIR)), "lock files cleared");
  }

  @Test
  void clearOlderThanKeepsRecentlyUsedEntries() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    Path old = cache.obtain(key("old"), "reference-model", "old", writing("old")).dir();
    Path recent = cache.obtain(key("new"), "reference-model", "new", writing("new")).dir();
    Instant now = Instant.now();
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(10))));
    Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(10))));
    // Using an entry renews it.
    assertEquals(recent, cache.find(key("new")));

    CacheClearSummary s = CacheInventory.clear(cache, Duration.ofDays(7), Instant.now());
    assertEquals(1, s.entriesRemoved());
    assertEquals(1, s.keptNewer());
    assertFalse(Files.exists(old));
    assertTrue(Files.isDirectory(recent));
  }

  @Test
  void clearKeepsEntriesAndPartialsThatARunningWriterHolds() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String k = key("held");
    Path entry = cache.obtain(k, "reference-model", "held", writing("x")).dir();
    Path partial =
        cache
            .dir()
            .resolve(PartialOwner.current().partialName(key("building"), "00000000000000aa"));
    Files.createDirectories(partial);
    try (EntryLock held = EntryLock.tryAcquire(cache.lockFile(k))) {
      CacheClearSummary s = CacheInventory.clear(cache, null, Instant.now());
      assertEquals(0, s.entriesRemoved());
      assertEquals(
          List.of(partial.getFileName().toString(), k), s.inUse().stream().sorted().toList());
      assertTrue(Files.isDirectory(entry));
      assertTrue(Files.isDirectory(partial), "this process is alive: its partial stays");
    }
    assertEquals(1, CacheInventory.clear(cache, null, Instant.now()).entriesRemoved());
  }

  @Test
  void trainCommandLogsAreNoItemsAndClearKeepsOnlyTheLogOfAnEntryBeingBuilt() throws Exception {
    ShadowCache cache = new ShadowCache(tmp.resolve("c"));
    String done = key("done");
    String building = key("building");
    cache.obtain(done, "reference-model", "done", writing("x"));
    for (String k : List.of(done, building)) {
      Files.createDirectories(cache.logFile(k).getParent());
      Files.writeString(cache.logFile(k), "epoch 1\n");
    }
    assertEquals(cache.dir().resolve(".logs").resolve(done + ".log"), cache.logFile(done));
    assertEquals(
        List.of(done),
        CacheInventory.list(cache, Instant.now()).stream().map(CacheItem::name).toList());
    try (EntryLock held = EntryLock.tryAcquire(cache.lockFile(building))) {
      assertTrue(held.acquired());
      CacheInventory.clear(cache, null, Instant.now());
      assertFalse(Files.exists(cache.logFile(done)));
      assertTrue(Files.exists(cache.logFile(building)), "its writer is still running");
    }
    CacheInventory.clear(cache, null, Instant.now());
    assertFalse(Files.exists(cache.dir().resolve(".logs")));
  }

  @Test
  void clearOfAMissingDirectoryDoesNothing() {
    CacheClearSummary s =
        CacheInventory.clear(new ShadowCache(tmp.resolve("none")), null, Instant.now());
    assertEquals(0, s.entriesRemoved());
    assertFalse(Files.exists(tmp.resolve("none")));
  }
}
