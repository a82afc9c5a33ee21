package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli prints each element of a command's description on a line of its own, so a sentence split
 * across two elements breaks mid-sentence in --help ("copies the model and tokenizer into" / "DIR,
 * probes ..."). Each element must be a whole paragraph: ending in punctuation, empty, or indented
 * (example command lines, which must fit the usage width, or picocli wraps them to the margin).
 */
class HelpDescriptionsTest {

  @Test
  void noDescriptionBreaksMidSentence() {
    List<String> broken = new ArrayList<>();
    collect(Trustml.commandLine(), broken);
    assertEquals(List.of(), broken, "description lines that end mid-sentence or wrap");
  }

  private static void collect(CommandLine cl, List<String> broken) {
    String[] lines = cl.getCommandSpec().usageMessage().description();
    int width = cl.getCommandSpec().usageMessage().width();
    for (String line : lines) {
      // An indented line is an example command: picocli would wrap it to the margin, where it no
      // longer reads (or pastes) as one command.
      if (line.startsWith(" ") && line.length() > width) {
        broken.add(cl.getCommandSpec().qualifiedName() + ": wider than " + width + ": " + line);
      }
    }
    for (int i = 0; i < lines.length - 1; i++) {
      String line = lines[i];
      if (!line.isEmpty() && !line.startsWith(" ") && line.matches(".*[\\p{Alnum},]$")) {
        broken.add(cl.getCommandSpec().qualifiedName() + ": " + line);
      }
    }
    cl.getSubcommands().values().forEach(sub -> collect(sub, broken));
  }
}
