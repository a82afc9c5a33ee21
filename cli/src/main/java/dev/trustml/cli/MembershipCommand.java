package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml audit membership}. */
@Command(
    name = "membership",
    mixinStandardHelpOptions = true,
    description = "Membership-inference attacks against a model.")
final class MembershipCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml audit membership", 4);
  }
}
