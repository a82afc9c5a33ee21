package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trustml completion}: the script, sourced in a real bash, completes what the CLI accepts.
 */
class CompletionCommandTest {
  @TempDir Path tmp;

  @Test
  void bashCompletesSubcommandsAndOptions() throws Exception {
    Path script = tmp.resolve("trustml.bash");
    Cli.Result r = Cli.run("completion", "bash");
    assertEquals(0, r.exit(), r.err());
    Files.writeString(script, r.out(), StandardCharsets.UTF_8);

    assertEquals(List.of("audit"), complete(script, "trustml", "au"));
    assertEquals(List.of("membership"), complete(script, "trustml", "audit", "mem"));
    assertEquals(List.of("completion"), complete(script, "trustml", "compl"));
    assertTrue(
        complete(script, "trustml", "audit", "membership", "--shadow").contains("--shadow-models"));
    // Hidden commands are not offered.
    assertEquals(List.of(), complete(script, "trustml", "ben"));
  }

  @Test
  void zshGetsTheSameScriptWhichSwitchesOnBashcompinit() {
    Cli.Result bash = Cli.run("completion", "bash");
    Cli.Result zsh = Cli.run("completion", "zsh");
    assertEquals(0, zsh.exit(), zsh.err());
    assertEquals(bash.out(), zsh.out());
    assertTrue(zsh.out().contains("bashcompinit"), "the script enables bash completion in zsh");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    Cli.Result r = Cli.run("completion", "fish");
    assertEquals(2, r.exit());
    assertEquals(1, r.errLines().size(), r.err());
    assertTrue(r.err().contains("bash, zsh"), r.err());
  }

  /**
   * What bash offers for the last word when the user presses TAB after {@code words}: sources the
   * script and calls its completion function the way bash does (COMP_WORDS, COMP_CWORD).
   */
  private List<String> complete(Path script, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append('\'').append(w).append("' ");
    }
    String line = String.join(" ", words);
    String program =
        "source '"
            + script
            + "'\n"
            + "COMP_WORDS=("
            + array
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\nCOMP_LINE='"
            + line
            + "'\nCOMP_POINT="
            + line.length()
            + "\n"
            + "_complete_trustml trustml '"
            + words[words.length - 1]
            + "' '"
            + words[words.length - 2]
            + "'\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    // Outside a real completion, the script's compopt call complains on stderr; kept for failures.
    Path err = tmp.resolve("bash-stderr.txt");
    Process p =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", program)
            .redirectError(err.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
    assertEquals(0, p.exitValue(), "bash failed: " + out + Files.readString(err));
    return out.lines().filter(s -> !s.isBlank()).toList();
  }
}
