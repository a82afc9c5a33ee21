package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The libraries never name a command-line flag; the CLI names its option for every setting a
 * library message refers to.
 */
class LibraryMessagesTest {
  /**
   * Modules that are not libraries: the command line itself, the release, the benchmarks and the
   * sample-model builders (programs with their own arguments). Every other module is a library.
   */
  private static final Set<String> NOT_LIBRARIES = Set.of("cli", "dist", "bench", "sample-models");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
  private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

  /**
   * Flags count when they are trustml's options: a library may hold other programs' flags (the
   * Spark module passes the JVM's --add-opens to Spark's executors).
   */
  @Test
  void libraryStringsNameNoFlag() throws IOException {
    Set<String> options = trustmlOptions();
    assertTrue(options.contains("--fpr") && options.contains("--shadow-models"), "" + options);
    List<String> found = new ArrayList<>();
    int files = 0;
    List<Path> libraries = libraries();
    assertTrue(
        libraries.contains(Path.of("..", "attacks", "src", "main", "java"))
            && libraries.contains(Path.of("..", "reports", "src", "main", "java")),
        "libraries found: " + libraries);
    for (Path root : libraries) {
      try (Stream<Path> all = Files.walk(root)) {
        for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
          files++;
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            Matcher literal = STRING_LITERAL.matcher(lines.get(i));
            while (literal.find()) {
              Matcher flag = FLAG.matcher(literal.group());
              while (flag.find()) {
                if (options.contains(flag.group())) {
                  found.add(f + ":" + (i + 1) + ": " + flag.group());
                }
              }
            }
          }
        }
      }
    }
    assertTrue(files > 100, "too few library sources found: " + files);
    assertEquals(List.of(), found, "library messages must refer to a Setting, not a flag");
  }

  /** The scan itself finds a flag in a string, and not in a comment or inside a word. */
  @Test
  void theScanSeesFlagsInStrings() {
    Matcher m = STRING_LITERAL.matcher("x = \"pass --fpr 0.01\"; // see --fpr");
    assertTrue(m.find());
    assertTrue(FLAG.matcher(m.group()).find());
    assertTrue(!m.find());
    assertTrue(!FLAG.matcher("\"x--y\"").find());
  }

  @Test
  void everySettingIsAnOptionOfSomeCommand() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Trustml.commandLine(), commands);
    for (Setting s : Setting.values()) {
      String option = SettingOptions.option(s);
      assertTrue(
          commands.stream().anyMatch(c -> c.getCommandSpec().findOption(option) != null),
          s + " maps to " + option + ", which no command has");
    }
  }

  @Test
  void aCommandWithoutTheOptionKeepsTheLibraryWords() {
    CommandLine canary = Trustml.commandLine().getSubcommands().get("audit");
    canary = canary.getSubcommands().get("canary");
    assertNull(SettingOptions.optionOf(Setting.FPR, canary.getCommandSpec()));
    assertEquals(
        "--confidence", SettingOptions.optionOf(Setting.CONFIDENCE, canary.getCommandSpec()));
  }

  /** The main sources of every library module beside this one (tests run in the module dir). */
  private static List<Path> libraries() throws IOException {
    try (Stream<Path> modules = Files.list(Path.of(".."))) {
      return modules
          .filter(m -> Files.isRegularFile(m.resolve("pom.xml")))
          .filter(m -> !NOT_LIBRARIES.contains(m.getFileName().toString()))
          .map(m -> m.resolve(Path.of("src", "main", "java")))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    }
  }

  /** Every option name of every trustml command. */
  private static Set<String> trustmlOptions() {
    List<CommandLine> commands = new ArrayList<>();
    collect(Trustml.commandLine(), commands);
    Set<String> names = new TreeSet<>();
    for (CommandLine c : commands) {
      c.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
    }
    return names;
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, into));
  }
}
