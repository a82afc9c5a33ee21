package dev.trustml.model;

import dev.trustml.error.BadInputException;
import dev.trustml.model.card.ModelCards;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Opens a bundle shipped as a {@code .zip}: extracts it into a fresh directory, refusing any entry
 * that would land outside it ("zip slip": {@code ../} segments, absolute paths) and archives that
 * unpack to more than a size limit.
 */
public final class BundleArchive {
  /** Refuse archives that expand beyond this (a model bundle is a few MB; 4 GiB is generous). */
  static final long MAX_EXTRACTED_BYTES = 4L << 30;

  private BundleArchive() {}

  /** Whether {@code path} names a zipped bundle rather than a directory. */
  public static boolean isArchive(Path path) {
    return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".zip");
  }

  /**
   * Extracts {@code zip} into {@code into} (which must be empty or absent) and returns the bundle
   * directory: {@code into} itself, or its single top-level folder when the zip has one.
   */
  public static Path extract(Path zip, Path into) throws BadInputException {
    Path root = into.toAbsolutePath().normalize();
    long total = 0;
    int entries = 0;
    try (InputStream raw = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(raw)) {
      Files.createDirectories(root);
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        entries++;
        Path target = root.resolve(e.getName()).normalize();
        if (!target.startsWith(root) || e.getName().startsWith("/")) {
          throw new BadInputException(
              zip
                  + ": entry '"
                  + e.getName()
                  + "' would be written outside the bundle (path traversal); refusing the archive");
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        long n = Files.copy(in, target);
        total += n;
        if (total > MAX_EXTRACTED_BYTES) {
          throw new BadInputException(
              zip + ": expands to more than " + (MAX_EXTRACTED_BYTES >> 30) + " GiB; refusing");
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new BadInputException(zip + ": file not found");
    } catch (IOException e) {
      throw new BadInputException(zip + ": not a readable zip archive (" + e.getMessage() + ")");
    }
    // ZipInputStream reads a file that is not a zip at all as an archive without entries.
    if (entries == 0) {
      throw new BadInputException(
          zip
              + ": not a readable zip archive (no entries); zip the bundle directory (model.pt,"
              + " tokenizer, "
              + ModelCards.FILE_NAME
              + ")");
    }
    try (var children = Files.list(root)) {
      var list = children.toList();
      if (list.size() == 1 && Files.isDirectory(list.get(0))) {
        return list.get(0);
      }
    } catch (IOException e) {
      throw new BadInputException(
          into + ": cannot list the extracted bundle (" + e.getMessage() + ")");
    }
    return root;
  }
}
