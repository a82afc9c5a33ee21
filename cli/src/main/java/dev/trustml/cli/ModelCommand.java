package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustml model}: make and look at model bundles. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Make model bundles from exported models, and inspect them.",
    subcommands = {ModelInitCommand.class, InspectCommand.class})
final class ModelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
