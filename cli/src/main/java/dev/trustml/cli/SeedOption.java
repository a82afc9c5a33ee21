package dev.trustml.cli;

import picocli.CommandLine.Option;

/**
 * {@code --seed N}: the seed every random choice of a command derives from, so the same inputs and
 * seed give the same numbers (a picocli {@code @Mixin}).
 */
final class SeedOption {
  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Seed of every random choice; the same inputs and seed give the same numbers (default:"
              + " ${DEFAULT-VALUE}).")
  long value;
}
