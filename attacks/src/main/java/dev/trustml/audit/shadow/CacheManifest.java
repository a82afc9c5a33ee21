package dev.trustml.audit.shadow;

import dev.trustml.Versions;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.io.Hashing;
import dev.trustml.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a cache entry holds, written last into the entry ({@value #FILE_NAME}): the SHA-256 of every
 * file, so that an entry whose files do not match (a disk error, a hand edit, a copy cut short) is
 * treated as missing and rebuilt.
 *
 * @param format the manifest's format version
 * @param kind what the entry is, e.g. {@code reference-model}
 * @param key the entry's cache key (its directory name)
 * @param description one line for people ({@code trustml cache list})
 * @param createdAt when the entry was built (ISO-8601)
 * @param trustmlVersion the trustml that built it
 * @param files SHA-256 (hex) of every file, by path relative to the entry, '/'-separated
 */
record CacheManifest(
    int format,
    String kind,
    String key,
    String description,
    String createdAt,
    String trustmlVersion,
    Map<String, String> files) {
  static final String FILE_NAME = "trustml-cache.json";
  static final int FORMAT = 1;

  /** Hashes every file under {@code dir} (except a manifest) into a new manifest. */
  static CacheManifest of(Path dir, String kind, String key, String description, Instant now)
      throws IOException {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = relative(dir, p);
        if (!rel.equals(FILE_NAME)) {
          files.put(rel, hash(p));
        }
      }
    }
    return new CacheManifest(
        FORMAT,
        kind,
        key,
        description,
        now.toString(),
        Versions.TRUSTML,
        Collections.unmodifiableSortedMap(files));
  }

  /** Writes the manifest into {@code dir} (atomically: readers see all of it or none). */
  void writeTo(Path dir) throws IOException {
    AtomicFiles.write(dir.resolve(FILE_NAME), Json.mapper().writeValueAsBytes(this));
  }

  /** The manifest in {@code dir}, or empty when there is none or it cannot be parsed. */
  static Optional<CacheManifest> read(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      CacheManifest m = Json.mapper().readValue(file.toFile(), CacheManifest.class);
      return m.files() == null || m.key() == null ? Optional.empty() : Optional.of(m);
    } catch (IOException e) {
      // Unreadable or not JSON (Jackson's errors are IOExceptions): the entry is not verified.
      return Optional.empty();
    }
  }

  /**
   * Whether {@code dir} is the complete entry this manifest describes: named by its key, every
   * listed file present with the listed SHA-256.
   */
  boolean matches(Path dir) {
    Path base = dir.toAbsolutePath().normalize();
    if (format != FORMAT || files.isEmpty() || !key.equals(base.getFileName().toString())) {
      return false;
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = base.resolve(f.getKey()).normalize();
      if (!p.startsWith(base) || !Files.isRegularFile(p)) {
        return false;
      }
      try {
        if (!hash(p).equals(f.getValue())) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** The creation time, or null when the field cannot be read. */
  Instant created() {
    try {
      return Instant.parse(createdAt);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String hash(Path file) throws IOException {
    try {
      return Hashing.sha256(file);
    } catch (BadInputException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }
}
