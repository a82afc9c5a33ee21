package dev.trustml.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleArchiveTest {
  @TempDir Path tmp;

  @Test
  void zipSlipIsRefused() throws Exception {
    Path zip = zip("evil.zip", "bundle/model.pt", "../../escaped.txt");
    Path into = tmp.resolve("x/y/out");
    BadInputException e =
        assertThrows(BadInputException.class, () -> BundleArchive.extract(zip, into));
    assertTrue(e.getMessage().contains("path traversal"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("x/escaped.txt")));
  }

  @Test
  void extractsBundleFolder() throws Exception {
    Path src = tmp.resolve("b");
    TestBundles.write(src, 1);
    Path zip = tmp.resolve("b.zip");
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (String f : new String[] {"model.pt", "vocab.txt", "trustml-model.json"}) {
        z.putNextEntry(new ZipEntry("mybundle/" + f));
        z.write(Files.readAllBytes(src.resolve(f)));
        z.closeEntry();
      }
    }
    Path dir = BundleArchive.extract(zip, tmp.resolve("out"));
    assertEquals("mybundle", dir.getFileName().toString());
    assertEquals(2, ModelBundle.open(dir).card().labels().size());
  }

  private Path zip(String name, String... entries) throws Exception {
    Path zip = tmp.resolve(name);
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (String e : entries) {
        z.putNextEntry(new ZipEntry(e));
        z.write("x".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return zip;
  }
}
