package dev.trustml.samples;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code sample-models/} folder, from wherever the tests run. */
public final class SampleModelsDir {
  private SampleModelsDir() {}

  public static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-models/sentiment"))) {
        return p.resolve("sample-models");
      }
    }
    throw new IllegalStateException("sample-models/ not found");
  }
}
