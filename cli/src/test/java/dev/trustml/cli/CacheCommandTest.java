package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.audit.shadow.ShadowCache;
import dev.trustml.io.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml cache list|clear} and the one rule for where caches live. */
class CacheCommandTest {
  @TempDir Path tmp;

  @Test
  void cacheRootFollowsTheEnvironmentNotTheJvm() {
    assertEquals(
        Path.of("/srv/cache"),
        Caches.root(
            Map.of("TRUSTML_CACHE_DIR", "/srv/cache", "XDG_CACHE_HOME", "/x", "HOME", "/h")));
    assertEquals(Path.of("/x/trustml"), Caches.root(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")));
    // The XDG specification: a relative XDG_CACHE_HOME is invalid and ignored.
    assertEquals(
        Path.of("/h/.cache/trustml"),
        Caches.root(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
    assertEquals(Path.of("/h/.cache/trustml"), Caches.root(Map.of("HOME", "/h")));
    assertEquals(Path.of("/h/.cache/trustml/djl"), Caches.djlDir(Map.of("HOME", "/h")));
    assertEquals(Path.of("/d"), Caches.djlDir(Map.of("HOME", "/h", "DJL_CACHE_DIR", "/d")));
  }

  private static String key(String s) {
    return Hashing.sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Path entry(ShadowCache cache, String name) throws Exception {
    return cache
        .obtain(
            key(name),
            "reference-model",
            "model " + name,
            dir -> Files.writeString(dir.resolve("model.pt"), "weights " + name))
        .dir();
  }

  @Test
  void listShowsEntriesAndClearRemovesThemButNotForeignFiles() throws Exception {
    Path dir = tmp.resolve("shadows");
    ShadowCache cache = new ShadowCache(dir);
    Path old = entry(cache, "old");
    entry(cache, "new");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    Files.writeString(dir.resolve("README.txt"), "someone else's file");

    Cli.Result list = Cli.run("cache", "list", "--cache-dir", dir.toString());
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains("reference models: " + dir), list.out());
    assertTrue(list.out().contains(key("old").substring(0, 12)), list.out());
    assertTrue(list.out().contains("reference-model: model new"), list.out());
    assertTrue(list.out().contains("40 d ago"), list.out());
    assertTrue(list.out().contains("README.txt"), list.out());
    assertTrue(list.out().contains("2 entries (2 verified)"), list.out());

    Cli.Result aged =
        Cli.run("cache", "clear", "--cache-dir", dir.toString(), "--older-than", "30d");
    assertEquals(0, aged.exit(), aged.err());
    assertTrue(aged.out().startsWith("removed 1 entry, "), aged.out());
    assertTrue(aged.out().contains("kept 1 entries used in the last 30 d"), aged.out());
    assertTrue(aged.out().contains("left 1 that are not trustml cache entries: README.txt"));
    assertFalse(Files.exists(old));
    assertTrue(Files.isDirectory(dir.resolve(key("new"))));

    Cli.Result all = Cli.run("cache", "clear", "--cache-dir", dir.toString());
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.out().startsWith("removed 1 entry, "), all.out());
    assertFalse(Files.exists(dir.resolve(key("new"))));
    assertEquals("someone else's file", Files.readString(dir.resolve("README.txt")));

    Cli.Result empty = Cli.run("cache", "list", "--cache-dir", tmp.resolve("none").toString());
    assertEquals(0, empty.exit(), empty.err());
    assertTrue(empty.out().contains("(empty)"), empty.out());
  }
}
