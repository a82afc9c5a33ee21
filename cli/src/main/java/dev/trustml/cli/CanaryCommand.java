package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml audit canary}. */
@Command(
    name = "canary",
    mixinStandardHelpOptions = true,
    description = "Canary exposure and extraction.")
final class CanaryCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml audit canary", 5);
  }
}
