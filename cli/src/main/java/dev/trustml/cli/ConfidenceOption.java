package dev.trustml.cli;

import dev.trustml.error.UsageException;
import picocli.CommandLine.Option;

/**
 * {@code --confidence C}: the confidence level of an audit's statistics (a picocli {@code @Mixin}).
 */
final class ConfidenceOption {
  @Option(
      names = "--confidence",
      paramLabel = "C",
      defaultValue = "0.95",
      description =
          "Confidence of intervals and epsilon lower bounds; the bounds of one audit hold together"
              + " at this level (Bonferroni; default: ${DEFAULT-VALUE}).")
  double level;

  /** The level, checked before any work. */
  double checked() throws UsageException {
    if (!(level > 0 && level < 1)) {
      throw new UsageException("--confidence " + level + " is outside (0, 1); pass e.g. 0.95");
    }
    return level;
  }
}
