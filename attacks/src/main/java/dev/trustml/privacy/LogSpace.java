package dev.trustml.privacy;

/** Arithmetic on numbers held as their logarithms (0 is {@code -inf}). */
final class LogSpace {
  private LogSpace() {}

  /** log(exp(x) + exp(y)). */
  static double add(double x, double y) {
    double hi = Math.max(x, y);
    double lo = Math.min(x, y);
    if (lo == Double.NEGATIVE_INFINITY) {
      return hi;
    }
    return hi + Math.log1p(Math.exp(lo - hi));
  }

  /** log(exp(x) - exp(y)) for x >= y; -inf when they are equal (or y exceeds x). */
  static double subtract(double x, double y) {
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    if (!(x > y)) {
      return Double.NEGATIVE_INFINITY;
    }
    return x + Math.log1p(-Math.exp(y - x));
  }
}
