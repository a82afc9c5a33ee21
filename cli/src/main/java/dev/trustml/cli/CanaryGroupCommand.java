package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustml canary}: tools for planting canaries in your own pipeline. */
@Command(
    name = "canary",
    mixinStandardHelpOptions = true,
    description = "Plant canaries in training data, to test your own pipeline.",
    subcommands = {PlantCommand.class})
final class CanaryGroupCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
