package dev.trustml.cli;

import dev.trustml.error.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks output paths before a command reads or computes anything, so a typo never costs a long run
 * and a command never writes some of its outputs and then fails on the next one.
 */
final class OutputPaths {
  private OutputPaths() {}

  /**
   * An output file must not be an existing directory (the atomic rename would fail or replace it),
   * nor lie under a file.
   */
  static void requireFile(Path p) throws UsageException {
    if (p == null) {
      return;
    }
    if (Files.isDirectory(p)) {
      throw new UsageException(p + ": is a directory; give a file name for the output");
    }
    requireDirectoryAbove(p);
  }

  /** An output directory (a model bundle) must not be an existing file, nor lie under a file. */
  static void requireDirectory(Path p) throws UsageException {
    if (p == null) {
      return;
    }
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new UsageException(
          p + ": is a file; give a directory (new or existing) for the model bundle");
    }
    requireDirectoryAbove(p);
  }

  /** Missing parent directories are created on writing; an existing file in their place is not. */
  private static void requireDirectoryAbove(Path p) throws UsageException {
    for (Path a = p.toAbsolutePath().normalize().getParent(); a != null; a = a.getParent()) {
      if (Files.exists(a)) {
        if (!Files.isDirectory(a)) {
          throw new UsageException(
              p + ": " + a + " is a file, not a directory; choose another output path");
        }
        return;
      }
    }
  }
}
