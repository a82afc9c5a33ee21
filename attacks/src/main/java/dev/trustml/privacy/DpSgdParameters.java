package dev.trustml.privacy;

import dev.trustml.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The privacy-relevant settings of a DP-SGD run: each example joins a batch independently with
 * probability {@code samplingRate} (Poisson sampling), the clipped gradient sum gets Gaussian noise
 * of standard deviation {@code noiseMultiplier} times the clipping norm, and this repeats {@code
 * steps} times. Build it with {@link #of}, which explains every bad field.
 *
 * @param samplingRate q in (0, 1]
 * @param noiseMultiplier sigma > 0 (finite)
 * @param steps T >= 1
 */
public record DpSgdParameters(double samplingRate, double noiseMultiplier, long steps) {

  /** Rejects invalid values with an IllegalArgumentException; users should call {@link #of}. */
  public DpSgdParameters {
    List<String> problems = problems(samplingRate, noiseMultiplier, steps);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /**
   * Validates and builds the parameters.
   *
   * @throws BadInputException naming every bad field (one clause per field, on one line)
   */
  public static DpSgdParameters of(double samplingRate, double noiseMultiplier, long steps)
      throws BadInputException {
    List<String> problems = problems(samplingRate, noiseMultiplier, steps);
    if (!problems.isEmpty()) {
      throw new BadInputException(String.join("; ", problems));
    }
    return new DpSgdParameters(samplingRate, noiseMultiplier, steps);
  }

  /** The same parameters with another noise multiplier (used when calibrating sigma). */
  public DpSgdParameters withNoiseMultiplier(double sigma) throws BadInputException {
    return of(samplingRate, sigma, steps);
  }

  /**
   * Checks a target delta.
   *
   * @throws BadInputException unless 0 < delta < 1
   */
  public static void requireValidDelta(double delta) throws BadInputException {
    if (!(delta > 0 && delta < 1)) {
      throw new BadInputException(
          "delta must be in (0, 1) (typically below 1/number-of-examples), got " + delta);
    }
  }

  /**
   * Checks an epsilon given as input (for delta(epsilon) or as a calibration target).
   *
   * @throws BadInputException unless epsilon is finite and >= 0
   */
  public static void requireValidEpsilon(String field, double epsilon) throws BadInputException {
    if (!(epsilon >= 0 && epsilon < Double.POSITIVE_INFINITY)) {
      throw new BadInputException(field + " must be a finite number >= 0, got " + epsilon);
    }
  }

  /** One message per bad field, empty when all are valid. */
  static List<String> problems(double samplingRate, double noiseMultiplier, long steps) {
    List<String> problems = new ArrayList<>();
    if (!(samplingRate > 0 && samplingRate <= 1)) {
      problems.add(
          "sampling rate q must be in (0, 1] (batch size / dataset size), got " + samplingRate);
    }
    if (!(noiseMultiplier > 0 && noiseMultiplier < Double.POSITIVE_INFINITY)) {
      problems.add("noise multiplier sigma must be a finite number > 0, got " + noiseMultiplier);
    }
    if (steps < 1) {
      problems.add("steps must be >= 1, got " + steps);
    }
    return problems;
  }
}
