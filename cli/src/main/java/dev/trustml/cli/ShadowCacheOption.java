package dev.trustml.cli;

import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --cache-dir}: the reference-model cache (a picocli {@code @Mixin}). */
final class ShadowCacheOption {
  @Option(
      names = "--cache-dir",
      paramLabel = "DIR",
      description =
          "The reference-model cache (default: $TRUSTML_CACHE_DIR/shadows, else"
              + " $XDG_CACHE_HOME/trustml/shadows, else ~/.cache/trustml/shadows).")
  Path dir;

  /** The directory given, or the default. */
  Path resolve() {
    return dir != null ? dir : Caches.shadowDir();
  }

  /**
   * The directory, checked before any work: absent is fine (an empty cache, created when needed), a
   * file is not.
   */
  Path checked() throws TrustmlException {
    Path d = resolve();
    if (Files.exists(d) && !Files.isDirectory(d)) {
      if (given()) {
        throw new UsageException(
            "--cache-dir " + d + " is a file; pass a directory (created if missing)");
      }
      throw new BadInputException(
          d
              + ": is a file, but trustml keeps its reference-model cache there; move it away or"
              + " set TRUSTML_CACHE_DIR");
    }
    return d;
  }

  /** Whether the user chose the directory. */
  boolean given() {
    return dir != null;
  }
}
