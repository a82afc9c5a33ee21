package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml model inspect DIR}. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Describe a model bundle.")
final class InspectCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml model inspect", 2);
  }
}
