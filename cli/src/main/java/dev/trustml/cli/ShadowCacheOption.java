package dev.trustml.cli;

import dev.trustml.error.BadInputException;
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

  /** The directory to list or clear: absent is fine (an empty cache), a file is not. */
  Path existingOrAbsent() throws BadInputException {
    Path d = resolve();
    if (Files.exists(d) && !Files.isDirectory(d)) {
      throw new BadInputException(
          d + ": is a file, not a cache directory; pass the directory given to --cache-dir");
    }
    return d;
  }

  /** Whether the user chose the directory. */
  boolean given() {
    return dir != null;
  }
}
