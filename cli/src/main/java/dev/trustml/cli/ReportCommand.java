package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml report}. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Render saved audit results.")
final class ReportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml report", 6);
  }
}
