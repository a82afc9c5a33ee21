package dev.trustml.cli;

import java.nio.file.Path;

/** Where trustml keeps caches: {@code $XDG_CACHE_HOME/trustml} or {@code ~/.cache/trustml}. */
final class Caches {
  private Caches() {}

  static Path root() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("trustml");
  }

  static Path shadowDir() {
    return root().resolve("shadows");
  }
}
