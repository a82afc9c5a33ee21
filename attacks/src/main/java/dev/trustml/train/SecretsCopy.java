package dev.trustml.train;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Copies a canary secrets file into the audit kit, byte for byte, with the word lists its templates
 * name by relative path ({@code {word:FILE}} is resolved against the secrets file's directory, so
 * the copy needs them beside it).
 */
final class SecretsCopy {
  private SecretsCopy() {}

  static void copy(Path secrets, Iterable<PlantedCanary> canaries, Path kitDir, String name)
      throws BadInputException, IOException {
    Path source = secrets.toAbsolutePath().normalize();
    Path kit = kitDir.toAbsolutePath().normalize();
    Path target = kit.resolve(name);
    Path sourceDir = source.getParent();
    Set<String> wordFiles = new LinkedHashSet<>();
    for (PlantedCanary c : canaries) {
      wordFiles.addAll(wordFileArguments(c.template().source()));
    }
    for (String file : wordFiles) {
      Path p = Path.of(file);
      if (p.isAbsolute()) {
        continue;
      }
      Path from = sourceDir.resolve(p).normalize();
      Path to = kit.resolve(p).normalize();
      if (!to.startsWith(kit)) {
        throw new BadInputException(
            secrets
                + ": the word list '"
                + file
                + "' lies outside the secrets file's folder, so the audit kit cannot hold a copy;"
                + " keep word lists next to the secrets file or name them by absolute path");
      }
      if (!from.equals(to)) {
        Files.createDirectories(to.getParent());
        AtomicFiles.write(to, Files.readAllBytes(from));
      }
    }
    if (!source.equals(target)) {
      AtomicFiles.write(target, Files.readAllBytes(source));
    }
  }

  /** The FILE of every {@code {word:FILE}} slot (slot names are case-insensitive). */
  static Set<String> wordFileArguments(String template) {
    Set<String> out = new LinkedHashSet<>();
    for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
      int close = template.indexOf('}', open);
      if (close < 0) {
        break;
      }
      String spec = template.substring(open + 1, close);
      int colon = spec.indexOf(':');
      if (colon >= 0 && spec.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("word")) {
        out.add(spec.substring(colon + 1).strip());
      }
    }
    return out;
  }
}
