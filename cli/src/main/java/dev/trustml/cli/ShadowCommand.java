package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustml shadow}: reference (shadow) models trained outside trustml. */
@Command(
    name = "shadow",
    mixinStandardHelpOptions = true,
    description = {
      "Reference (shadow) models for LiRA and RMIA trained by your own pipeline: 'shadow plan'"
          + " writes each model's training rows and a plan; 'audit membership --reference PLAN'"
          + " uses the trained models with their IN rows."
    },
    subcommands = {ShadowPlanCommand.class})
final class ShadowCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
