package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TrustmlCommandTest {
  @Test
  void helpListsEveryCommand() {
    Cli.Result r = Cli.run("--help");
    assertEquals(0, r.exit());
    for (String cmd : new String[] {"audit", "train", "epsilon", "report", "model"}) {
      assertTrue(r.out().contains(cmd), cmd + " missing from help:\n" + r.out());
    }
    assertTrue(r.out().contains("Exit codes"));
  }

  @Test
  void versionNamesEngine() {
    Cli.Result r = Cli.run("--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("DJL 0.36.0"), r.out());
    assertTrue(r.out().contains("2.7.1"), r.out());
  }

  @Test
  void unknownOptionIsUsageError() {
    Cli.Result r = Cli.run("model", "inspect", "--no-such-flag", "x");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("trustml: Unknown option"), r.err());
  }

  @Test
  void theBenchmarkIsNotPartOfTheCommandLine() {
    // make bench runs the bench module; the release's command line has no bench command.
    assertFalse(Trustml.commandLine().getSubcommands().containsKey("bench"));
    Cli.Result r = Cli.run("bench");
    assertEquals(2, r.exit(), r.err());
  }

  @Test
  void auditSubcommandsExist() {
    Cli.Result r = Cli.run("audit", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("membership") && r.out().contains("canary"), r.out());
  }

  @Test
  void theTopLevelUsageIsTheSameWithOutlinedSubcommands() {
    String full = Trustml.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"-V"})) {
      assertEquals(full, Trustml.commandLineFor(args).getUsageMessage(CommandLine.Help.Ansi.OFF));
    }
  }

  @Test
  void theNamedSubcommandIsBuiltInFull() {
    CommandLine full = Trustml.commandLine();
    for (String name : full.getSubcommands().keySet()) {
      CommandLine lazy = Trustml.commandLineFor(name, "--help").getSubcommands().get(name);
      assertEquals(options(full.getSubcommands().get(name)), options(lazy), name + "'s options");
      assertEquals(
          full.getSubcommands().get(name).getSubcommands().keySet(),
          lazy.getSubcommands().keySet(),
          name + "'s subcommands");
    }
    // The others are outlines: a name and a description, no options.
    CommandLine outline = Trustml.commandLineFor("gate").getSubcommands().get("audit");
    assertEquals(Set.of(), options(outline));
  }

  private static Set<String> options(CommandLine cl) {
    Set<String> names = new TreeSet<>();
    cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
    return names;
  }

  @Test
  void helpAndVersionLoadNeitherDjlNorLibtorch() throws Exception {
    for (String arg : List.of("--help", "--version")) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process p =
          new ProcessBuilder(
                  java.toString(),
                  "-Xlog:class+load=info",
                  "-cp",
                  System.getProperty("java.class.path"),
                  Trustml.class.getName(),
                  arg)
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String log = String.join("\n", out.lines().filter(l -> l.contains("[class,load]")).toList());
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, p.exitValue(), out);
      assertTrue(log.contains("dev.trustml.cli.Trustml "), "the log lists loaded classes");
      assertFalse(log.contains(" ai.djl."), arg + " loads DJL classes");
      assertFalse(log.contains("pytorch"), arg + " touches libtorch");
      assertFalse(log.contains(" dev.trustml.model."), arg + " loads model code");
    }
  }
}
