package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustml cache}: what trustml keeps on disk between runs. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = {
      "List or clear trustml's caches: reference models trained for LiRA/RMIA (shadows/) and the"
          + " libtorch libraries (djl/).",
      "",
      "Location: $TRUSTML_CACHE_DIR if set, else $XDG_CACHE_HOME/trustml, else"
          + " $HOME/.cache/trustml."
    },
    subcommands = {CacheListCommand.class, CacheClearCommand.class})
final class CacheCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
