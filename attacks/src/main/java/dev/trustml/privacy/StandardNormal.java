package dev.trustml.privacy;

/**
 * The standard normal distribution with tails computed to full relative precision, which privacy
 * accounting needs: deltas of 1e-10 live many standard deviations out.
 *
 * <p>Two self-contained expansions, no fitted constants:
 *
 * <ul>
 *   <li>|x| < {@value #SERIES_LIMIT}: the Taylor series Phi(x) = 1/2 + phi(x) * sum_n
 *       x^(2n+1)/(2n+1)!! (Abramowitz &amp; Stegun 26.2.11; Marsaglia 2004, "Evaluating the Normal
 *       Distribution", J. Stat. Software 11(4)). All terms share the sign of x, so the sum has no
 *       cancellation; the loss near x = -{@value #SERIES_LIMIT} is at most 1/Phi(-3) ~ 740 ulps.
 *   <li>|x| >= {@value #SERIES_LIMIT}: Mills' ratio R(t) = Phi(-t)/phi(t) by Laplace's continued
 *       fraction R(t) = 1/(t+ 1/(t+ 2/(t+ 3/(t+ ...)))) (A&amp;S 26.2.14), evaluated with the
 *       modified Lentz algorithm; log Phi(-t) = log phi(t) + log R(t) never underflows.
 * </ul>
 */
final class StandardNormal {
  static final double SERIES_LIMIT = 3.0;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double TINY = 1e-300;

  private StandardNormal() {}

  /** log of the density at x. */
  static double logPdf(double x) {
    return -0.5 * x * x - LOG_SQRT_2PI;
  }

  /** P(Z <= x). */
  static double cdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x <= -SERIES_LIMIT) {
      return Math.exp(logLowerTail(-x));
    }
    if (x >= SERIES_LIMIT) {
      return -Math.expm1(logLowerTail(x));
    }
    return series(x);
  }

  /** log P(Z <= x), accurate for x far into the lower tail. */
  static double logCdf(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (x == Double.NEGATIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    if (x <= -SERIES_LIMIT) {
      return logLowerTail(-x);
    }
    if (x >= SERIES_LIMIT) {
      return Math.log1p(-Math.exp(logLowerTail(x)));
    }
    return Math.log(series(x));
  }

  /**
   * log P(a < Z <= b) for a < b, without cancellation: differences are taken on the side of zero
   * where both tail probabilities are small.
   */
  static double logIntervalProbability(double a, double b) {
    if (!(a < b)) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a >= 0) {
      // Upper tail: Phi(-a) - Phi(-b).
      return logDiff(logCdf(-a), logCdf(-b));
    }
    if (b <= 0) {
      return logDiff(logCdf(b), logCdf(a));
    }
    // Straddles zero: 1 - Phi(a) - Phi(-b), both terms below 1/2.
    return Math.log1p(-(cdf(a) + cdf(-b)));
  }

  /** log(exp(x) - exp(y)) for x >= y; -inf when they are equal. */
  private static double logDiff(double x, double y) {
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    if (!(x > y)) {
      return Double.NEGATIVE_INFINITY;
    }
    return x + Math.log1p(-Math.exp(y - x));
  }

  private static double series(double x) {
    double term = x;
    double sum = x;
    double x2 = x * x;
    for (int k = 3; k < 400; k += 2) {
      term *= x2 / k;
      sum += term;
      if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
        break;
      }
    }
    return 0.5 + Math.exp(logPdf(x)) * sum;
  }

  /** log Phi(-t) for t >= SERIES_LIMIT via Mills' ratio (modified Lentz). */
  private static double logLowerTail(double t) {
    if (t == Double.POSITIVE_INFINITY) {
      return Double.NEGATIVE_INFINITY;
    }
    // R(t) = 1/(t + 1/(t + 2/(t + ...))): b0 = 0, a1 = 1, b_k = t, a_{k+1} = k.
    double f = t;
    double c = t;
    double d = 0.0;
    for (int k = 1; k < 5000; k++) {
      d = t + k * d;
      d = Math.abs(d) < TINY ? TINY : d;
      c = t + k / c;
      c = Math.abs(c) < TINY ? TINY : c;
      d = 1.0 / d;
      double step = c * d;
      f *= step;
      if (Math.abs(step - 1.0) < 1e-16) {
        break;
      }
    }
    // f approximates t + 1/(t + 2/(t + ...)) = 1/R(t).
    return logPdf(t) - Math.log(f);
  }
}
