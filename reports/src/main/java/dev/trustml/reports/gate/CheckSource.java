package dev.trustml.reports.gate;

import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import java.nio.file.Path;

/**
 * Where a check was written, so its errors blame the right thing: a {@code --fail-if} value is a
 * usage error (exit 2), an entry of a policy file is bad input naming the file (exit 3).
 *
 * @param file the policy file, or null for the command line
 * @param where the position in the file ({@code line 3, fail_if[1]}), or null
 */
public record CheckSource(Path file, String where) {
  /** A {@code --fail-if} option. */
  public static CheckSource commandLine() {
    return new CheckSource(null, null);
  }

  /** An entry of a policy file. */
  public static CheckSource policyFile(Path file, String where) {
    return new CheckSource(file, where);
  }

  /** The exception for a problem with a check written here: one line, naming the check. */
  public TrustmlException error(String check, String problem) {
    if (file == null) {
      return new UsageException(
          Message.of(Message.ref(Setting.GATE_CHECK, "check"), " '", check, "': ", problem));
    }
    return new BadInputException(
        file + (where == null ? "" : " " + where) + ": check '" + check + "': " + problem);
  }
}
