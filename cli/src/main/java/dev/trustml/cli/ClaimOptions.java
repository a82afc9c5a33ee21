package dev.trustml.cli;

import dev.trustml.error.UsageException;
import dev.trustml.results.Theoretical;
import picocli.CommandLine.Option;

/**
 * {@code --epsilon E [--delta D]}: the differential-privacy claim an audit judges the model
 * against, in place of the model card's (a picocli {@code @Mixin}). The rules live here only:
 * {@code --delta} needs {@code --epsilon}, and both must be possible values.
 */
final class ClaimOptions {
  /** The delta of a claim given without {@code --delta}. */
  static final double DEFAULT_DELTA = 1e-5;

  @Option(
      names = "--epsilon",
      paramLabel = "E",
      description = "Claimed epsilon (overrides the model card's claim).")
  Double epsilon;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description = "Claimed delta, with --epsilon (default: 1e-5).")
  Double delta;

  /**
   * The claim given on the command line, or null when the card's claim (if any) stands.
   *
   * @throws UsageException for {@code --delta} without {@code --epsilon}, or a value out of range
   */
  Theoretical claim() throws UsageException {
    if (epsilon == null) {
      if (delta != null) {
        throw new UsageException("--delta needs --epsilon");
      }
      return null;
    }
    if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
      throw new UsageException(
          "--epsilon " + epsilon + " is out of range; give the claimed epsilon, >= 0, e.g. 3");
    }
    double d = delta == null ? DEFAULT_DELTA : delta;
    if (!(d >= 0 && d < 1)) {
      throw new UsageException(
          "--delta " + d + " is out of range; it must be in [0, 1), e.g. 1e-5");
    }
    return new Theoretical(epsilon, d, null, "command-line");
  }
}
