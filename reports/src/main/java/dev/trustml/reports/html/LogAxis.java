package dev.trustml.reports.html;

/**
 * A base-10 logarithmic axis from {@code 10^lowExponent} to 1, mapped onto pixels. Values below the
 * axis (including 0, which a log axis cannot show) are drawn at its low end.
 *
 * @param lowExponent the axis starts at {@code 10^lowExponent} (negative)
 * @param from pixel of the low end
 * @param to pixel of 1
 */
record LogAxis(int lowExponent, double from, double to) {
  LogAxis {
    if (lowExponent >= 0) {
      throw new IllegalArgumentException("a rate axis ends at 1; low exponent " + lowExponent);
    }
  }

  /** The axis for rates measured on {@code n} examples: down to the decade at or below 1/n. */
  static int lowExponentFor(long n, int fallback, int floor, int ceiling) {
    if (n <= 0) {
      return fallback;
    }
    int e = (int) Math.floor(Math.log10(1.0 / n) + 1e-9);
    return Math.max(floor, Math.min(ceiling, e));
  }

  /** The smallest value the axis shows. */
  double min() {
    return Math.pow(10, lowExponent);
  }

  /** The pixel of {@code v}, clamped to the axis. */
  double map(double v) {
    double clamped = Double.isNaN(v) ? min() : Math.max(min(), Math.min(1, v));
    double t = (Math.log10(clamped) - lowExponent) / (0.0 - lowExponent);
    return from + t * (to - from);
  }
}
