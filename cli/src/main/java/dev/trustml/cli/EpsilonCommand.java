package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml epsilon}. */
@Command(
    name = "epsilon",
    mixinStandardHelpOptions = true,
    description = "Compute the privacy budget of DP-SGD parameters.")
final class EpsilonCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml epsilon", 3);
  }
}
