package dev.trustml.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trustml train}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a text classifier, optionally with DP-SGD.")
final class TrainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    throw NotYetAvailable.because("trustml train", 3);
  }
}
