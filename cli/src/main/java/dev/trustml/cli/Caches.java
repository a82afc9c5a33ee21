package dev.trustml.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where trustml keeps its caches, one rule for all of them (the {@code ./trustml} launcher applies
 * the same rule to the libtorch libraries): {@code $TRUSTML_CACHE_DIR} if set, else {@code
 * $XDG_CACHE_HOME/trustml} (an absolute path, as the XDG base-directory specification requires),
 * else {@code $HOME/.cache/trustml}. Read from the environment, like the launcher, not from the
 * JVM's {@code user.home}, so both land in the same place.
 */
final class Caches {
  static final String ENV_OVERRIDE = "TRUSTML_CACHE_DIR";
  static final String SHADOWS = "shadows";
  static final String DJL = "djl";

  private Caches() {}

  static Path root() {
    return root(System.getenv());
  }

  static Path root(Map<String, String> env) {
    String override = env.get(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      return Path.of(override).toAbsolutePath().normalize();
    }
    String xdg = env.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "trustml");
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      // No HOME in the environment (rare: some service managers): the JVM's guess.
      home = System.getProperty("user.home");
    }
    return Path.of(home, ".cache", "trustml");
  }

  /** The reference-model cache. */
  static Path shadowDir() {
    return root().resolve(SHADOWS);
  }

  /** The libtorch libraries: {@code $DJL_CACHE_DIR} (set by the launcher), else under the root. */
  static Path djlDir(Map<String, String> env) {
    String djl = env.get("DJL_CACHE_DIR");
    return djl != null && !djl.isBlank() ? Path.of(djl) : root(env).resolve(DJL);
  }
}
