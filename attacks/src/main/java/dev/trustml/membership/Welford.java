package dev.trustml.membership;

/**
 * Running mean and variance (Welford 1962): one pass, no catastrophic cancellation of {@code E[x^2]
 * - E[x]^2}. Mutable accumulator, local to one computation.
 */
final class Welford {
  private long count;
  private double mean;
  private double m2;

  void add(double x) {
    count++;
    double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }

  long count() {
    return count;
  }

  double mean() {
    return mean;
  }

  /**
   * Population standard deviation (divides by {@code count}, like {@code numpy.std}); 0 if empty.
   */
  double sd() {
    return count == 0 ? 0.0 : Math.sqrt(m2 / count);
  }
}
