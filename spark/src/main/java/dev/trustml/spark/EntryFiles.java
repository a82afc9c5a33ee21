package dev.trustml.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a reference model's directory, by relative path ('/'-separated), to ship a model
 * between the driver's cache and a worker that has no access to it.
 *
 * @param files relative path to content
 */
record EntryFiles(Map<String, byte[]> files) implements Serializable {
  private static final long serialVersionUID = 1L;

  EntryFiles {
    files = new LinkedHashMap<>(files);
  }

  /** Every regular file under {@code dir}. */
  static EntryFiles read(Path dir) throws IOException {
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(Files::isRegularFile).sorted().forEach(paths::add);
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (Path p : paths) {
      files.put(
          dir.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"),
          Files.readAllBytes(p));
    }
    return new EntryFiles(files);
  }

  /** Writes the files into {@code dir} (created if needed). */
  void writeInto(Path dir) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path target = root.resolve(e.getKey()).normalize();
      if (!target.startsWith(root)) {
        throw new IOException("a model file outside its directory: " + e.getKey());
      }
      Files.createDirectories(target.getParent());
      Files.write(target, e.getValue());
    }
  }

  /** Total bytes. */
  long size() {
    long n = 0;
    for (byte[] b : files.values()) {
      n += b.length;
    }
    return n;
  }
}
