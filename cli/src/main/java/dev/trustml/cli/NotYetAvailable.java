package dev.trustml.cli;

import dev.trustml.error.UsageException;

/** Shared refusal for commands whose issue has not landed yet (exit 2, one line). */
final class NotYetAvailable {
  private NotYetAvailable() {}

  static UsageException because(String command, int issue) {
    return new UsageException(
        "'" + command + "' is not available in this build yet (tracked in issue #" + issue + ")");
  }
}
