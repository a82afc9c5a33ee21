package dev.trustml.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * THIRD-PARTY.md names every library the release bundles, at the bundled version, and nothing else:
 * the list of bundled libraries is what Maven resolves as the release's runtime dependencies
 * (dependency:list, written to target/bundled-dependencies.txt before the tests run), so adding or
 * upgrading a dependency without its notice fails the build.
 */
class ThirdPartyNoticesTest {
  // A line of dependency:list: "   group:artifact:jar[:classifier]:version:scope -- module ...".
  private static final Pattern LISTED =
      Pattern.compile("^\\s*([\\w.-]+):([\\w.-]+):jar(?::[\\w.-]+)?:([\\w.-]+):(compile|runtime)");
  // A coordinate in THIRD-PARTY.md: `group:artifact:version`.
  private static final Pattern NOTICED = Pattern.compile("`([\\w.-]+:[\\w.-]+:[\\w.-]+)`");

  private static Path root() {
    return Path.of(System.getProperty("trustml.root", ".."));
  }

  static Set<String> bundledThirdParty() throws IOException {
    Path list = Path.of(System.getProperty("trustml.bundledDependencies"));
    Set<String> coordinates = new TreeSet<>();
    for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
      Matcher m = LISTED.matcher(line);
      if (m.find() && !m.group(1).equals("dev.trustml")) {
        coordinates.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
      }
    }
    return coordinates;
  }

  static Set<String> noticed() throws IOException {
    String text = Files.readString(root().resolve("THIRD-PARTY.md"), StandardCharsets.UTF_8);
    Set<String> coordinates = new TreeSet<>();
    Matcher m = NOTICED.matcher(text);
    while (m.find()) {
      coordinates.add(m.group(1));
    }
    return coordinates;
  }

  @Test
  void everyBundledLibraryHasANoticeAtItsVersion() throws IOException {
    Set<String> bundled = bundledThirdParty();
    // The libraries the issue names must be among them (the list is not silently empty).
    for (String known :
        List.of(
            "ai.djl:api:",
            "ai.djl.pytorch:pytorch-native-cpu:",
            "ai.djl.onnxruntime:onnxruntime-engine:",
            "com.microsoft.onnxruntime:onnxruntime:",
            "ai.djl.huggingface:tokenizers:",
            "info.picocli:picocli:",
            "com.fasterxml.jackson.core:jackson-databind:",
            "org.apache.commons:commons-csv:")) {
      assertTrue(bundled.stream().anyMatch(c -> c.startsWith(known)), known + " in " + bundled);
    }
    Set<String> missing = new TreeSet<>(bundled);
    missing.removeAll(noticed());
    assertEquals(Set.of(), missing, "add these bundled libraries to THIRD-PARTY.md");
  }

  @Test
  void noticesNameNothingThatIsNotBundled() throws IOException {
    Set<String> stale = new TreeSet<>(noticed());
    stale.removeAll(bundledThirdParty());
    assertEquals(Set.of(), stale, "THIRD-PARTY.md names libraries the release does not bundle");
  }

  /**
   * ONNX Runtime keeps its third-party notices at the jar's root, not in META-INF: the release
   * copies them (the unpack step's includes and stage.sh) and THIRD-PARTY.md carries its MIT text.
   */
  @Test
  void onnxRuntimesNoticesShip() throws IOException {
    String text = Files.readString(root().resolve("THIRD-PARTY.md"), StandardCharsets.UTF_8);
    assertTrue(text.contains("## ONNX Runtime"), "ONNX Runtime section");
    assertTrue(text.contains("Copyright (c) Microsoft Corporation"), "its MIT licence text");
    String pom = Files.readString(root().resolve("dist/pom.xml"), StandardCharsets.UTF_8);
    assertTrue(pom.contains("ThirdPartyNotices.txt"), "unpacked into licenses/onnxruntime/");
  }

  @Test
  void trustmlIsApacheLicensed() throws IOException {
    String license = Files.readString(root().resolve("LICENSE"), StandardCharsets.UTF_8);
    assertTrue(license.contains("Apache License"), "LICENSE is the Apache License");
    assertTrue(license.contains("Version 2.0, January 2004"), "LICENSE is version 2.0");
    assertFalse(license.isBlank());
  }
}
