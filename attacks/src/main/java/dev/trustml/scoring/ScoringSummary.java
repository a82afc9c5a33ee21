package dev.trustml.scoring;

/**
 * Totals of one scoring pass.
 *
 * @param rows examples scored
 * @param correct examples whose arg-max is the true label
 * @param seconds wall time, including reading and tokenising
 */
public record ScoringSummary(long rows, long correct, double seconds) {
  public double accuracy() {
    return rows == 0 ? Double.NaN : (double) correct / rows;
  }

  public double examplesPerSecond() {
    return seconds <= 0 ? Double.NaN : rows / seconds;
  }
}
