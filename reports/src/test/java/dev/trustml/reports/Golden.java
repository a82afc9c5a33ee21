package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden-file comparison. The expected output lives in {@code src/test/resources/golden/}; run the
 * tests with {@code -Dtrustml.updateGolden=true} to rewrite it after an intended change, then
 * review the diff with {@code git diff} before committing.
 */
public final class Golden {
  /** Where golden files live, relative to the module directory (the tests' working directory). */
  static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  /** Fails unless {@code actual} equals the golden file {@code name} byte for byte. */
  public static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("trustml.updateGolden")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(file)) {
      fail(
          "golden file "
              + file.toAbsolutePath()
              + " is missing; create it with -Dtrustml.updateGolden=true and review it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      fail(diffHint(name, expected, actual));
    }
  }

  /** The first differing line, with context, and how to accept the change. */
  static String diffHint(String name, String expected, String actual) {
    List<String> e = expected.lines().toList();
    List<String> a = actual.lines().toList();
    int i = 0;
    while (i < e.size() && i < a.size() && e.get(i).equals(a.get(i))) {
      i++;
    }
    String want = i < e.size() ? e.get(i) : "<end of file>";
    String got = i < a.size() ? a.get(i) : "<end of file>";
    if (want.equals(got)) {
      want = "(same text, different line endings or trailing newline)";
    }
    return "output differs from golden/"
        + name
        + " at line "
        + (i + 1)
        + ":\n  expected: "
        + want
        + "\n  actual:   "
        + got
        + "\n(expected "
        + e.size()
        + " lines, got "
        + a.size()
        + "). If the change is intended, rerun with -Dtrustml.updateGolden=true and review"
        + " 'git diff reports/src/test/resources/golden'.";
  }
}
