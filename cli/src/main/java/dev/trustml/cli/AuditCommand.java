package dev.trustml.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trustml audit}: groups the leakage audits. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Measure leakage: membership inference or canary extraction.",
    subcommands = {MembershipCommand.class, CanaryCommand.class})
final class AuditCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
