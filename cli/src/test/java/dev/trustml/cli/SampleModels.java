package dev.trustml.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the committed sample models, from the cli module's working directory. */
final class SampleModels {
  private SampleModels() {}

  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("sample-models/sentiment/nodp"))) {
        return p.resolve("sample-models");
      }
    }
    throw new IllegalStateException(
        "sample-models/ not found above " + Path.of("").toAbsolutePath());
  }

  static Path bundle(String dataset, String variant) {
    return root().resolve(dataset).resolve(variant);
  }
}
