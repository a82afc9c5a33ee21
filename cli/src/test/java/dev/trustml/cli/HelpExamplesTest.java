package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The examples in every command's --help name files that exist in a fresh clone. */
class HelpExamplesTest {
  private static final Pattern SAMPLE_PATH = Pattern.compile("sample-models/[\\w./-]+");

  @Test
  void everySamplePathInTheHelpExists() {
    Path repo = SampleModels.root().getParent();
    List<String> paths = new ArrayList<>();
    collect(Trustml.commandLine(), paths);
    assertFalse(paths.isEmpty(), "the help shows examples on the sample models");
    assertTrue(paths.contains("sample-models/sentiment/members.csv"), paths.toString());
    List<String> missing = new ArrayList<>();
    for (String p : paths) {
      if (!Files.exists(repo.resolve(p))) {
        missing.add(p);
      }
    }
    assertEquals(List.of(), missing, "files named in --help examples that a clone does not have");
  }

  private static void collect(CommandLine cl, List<String> paths) {
    Matcher m = SAMPLE_PATH.matcher(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
    while (m.find()) {
      paths.add(m.group());
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, paths));
  }
}
