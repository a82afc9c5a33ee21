package dev.trustml.privacy;

import dev.trustml.stats.Normal;

/**
 * The privacy loss of one step of the Poisson-subsampled Gaussian mechanism (sensitivity 1, noise
 * standard deviation s, sampling rate q) in one {@link Adjacency} direction, and its pessimistic
 * discretisation.
 *
 * <p>With z = (2x - 1)/(2 s^2) and g(z) = log(1 - q + q e^z), the loss at output x is g(z) for
 * REMOVE and -g(z) for ADD, so the loss is monotone in x and every loss interval is an x interval
 * whose P and Q masses are differences of normal CDFs.
 *
 * <p>Discretisation is "connect the dots" (Doroshenko, Ghazi, Kamath, Kumar &amp; Manurangsi 2022,
 * "Connect the Dots: Tighter Discrete Approximations of Privacy Loss Distributions", Alg. 1; the
 * default of dp_accounting): the (P, Q) mass of each loss interval (l_{k-1}, l_k] is split between
 * its two end points so that both totals are kept and each atom has likelihood ratio exactly e^l.
 * On every interval the resulting hockey-stick curve is the chord of the true one, which is convex
 * in e^eps, so the discrete pair dominates the true pair for every eps and stays dominating under
 * composition. Unlike rounding every loss up, this adds no drift that grows with the number of
 * steps. Mass with loss below the grid is moved up to the lowest grid point, mass above it becomes
 * infinite loss: both only increase delta.
 */
final class SubsampledGaussianLoss {
  /**
   * Outputs farther than this many standard deviations from both means are treated as tails: their
   * P-mass (about 2e-19 per step) is moved to the grid's lowest point or to infinite loss.
   */
  static final double TAIL_STANDARD_DEVIATIONS = 9.0;

  private final double q;
  private final double s;
  private final Adjacency adjacency;
  private final double logQ;
  private final double log1mQ;

  SubsampledGaussianLoss(double q, double sigma, Adjacency adjacency) {
    this.q = q;
    this.s = sigma;
    this.adjacency = adjacency;
    this.logQ = Math.log(q);
    this.log1mQ = Math.log1p(-q);
  }

  /** g(z) = log(1 - q + q e^z), overflow-free for large z. */
  private double g(double z) {
    if (q == 1.0) {
      return z; // log1p(expm1(z)) would round to -inf for z below about -37
    }
    if (z > 0) {
      return z + Math.log(q + (1 - q) * Math.exp(-z));
    }
    return Math.log1p(q * Math.expm1(z));
  }

  /** The z with g(z) = v; -inf when v <= log(1 - q) (no output has that small a ratio). */
  private double gInverse(double v) {
    if (v <= log1mQ) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q == 1.0) {
      return v;
    }
    if (v > 0) {
      return v + Math.log1p(-(1 - q) * Math.exp(-v)) - logQ;
    }
    return Math.log1p(Math.expm1(v) / q);
  }

  private double zOf(double x) {
    return (2 * x - 1) / (2 * s * s);
  }

  private double xOfZ(double z) {
    return z == Double.NEGATIVE_INFINITY ? z : s * s * z + 0.5;
  }

  /** Privacy loss at output x. */
  double loss(double x) {
    double v = g(zOf(x));
    return adjacency == Adjacency.REMOVE ? v : -v;
  }

  /**
   * The x interval (lo, hi) on which the loss lies in (a, b]. Loss increases with x for REMOVE and
   * decreases for ADD.
   */
  private double[] xInterval(double a, double b) {
    if (adjacency == Adjacency.REMOVE) {
      return new double[] {xOfZ(gInverse(a)), xOfZ(gInverse(b))};
    }
    return new double[] {xOfZ(gInverse(-b)), xOfZ(gInverse(-a))};
  }

  /** log of the N(mean, s^2) probability of (lo, hi). */
  private double logComponent(double mean, double lo, double hi) {
    return Normal.logProbabilityBetween((lo - mean) / s, (hi - mean) / s);
  }

  private double logMixture(double lo, double hi) {
    if (q == 1.0) {
      return logComponent(1, lo, hi);
    }
    return LogSpace.add(log1mQ + logComponent(0, lo, hi), logQ + logComponent(1, lo, hi));
  }

  /** log P(lo < X < hi) under the upper distribution P. */
  private double logUpper(double lo, double hi) {
    return adjacency == Adjacency.REMOVE ? logMixture(lo, hi) : logComponent(0, lo, hi);
  }

  /** log Q(lo < X < hi) under the lower distribution Q. */
  private double logLower(double lo, double hi) {
    return adjacency == Adjacency.REMOVE ? logComponent(0, lo, hi) : logMixture(lo, hi);
  }

  /**
   * Exact hockey-stick divergence delta(eps) = P(L > eps) - e^eps Q(L > eps) of one step (Balle
   * &amp; Wang 2018, Thm 8 for q = 1; its subsampled analogue as in dp_accounting's {@code
   * GaussianPrivacyLoss.get_delta_for_epsilon}).
   */
  double exactDelta(double epsilon) {
    double[] x = xInterval(epsilon, Double.POSITIVE_INFINITY);
    double upper = Math.exp(logUpper(x[0], x[1]));
    double lower = Math.exp(epsilon + logLower(x[0], x[1]));
    return Math.max(0.0, Math.min(1.0, upper - lower));
  }

  /** Width of the loss range the discretisation covers (before rounding to the grid). */
  double lossRangeWidth() {
    return Math.abs(loss(1 + TAIL_STANDARD_DEVIATIONS * s) - loss(-TAIL_STANDARD_DEVIATIONS * s));
  }

  /**
   * The connect-the-dots discretisation on the grid {k h}.
   *
   * @param h grid spacing of the loss (the discretisation interval)
   */
  DiscretePrivacyLoss discretize(double h) {
    double xLo = -TAIL_STANDARD_DEVIATIONS * s;
    double xHi = 1 + TAIL_STANDARD_DEVIATIONS * s;
    double lossA = loss(xLo);
    double lossB = loss(xHi);
    long lowIndex = (long) Math.floor(Math.min(lossA, lossB) / h);
    long highIndex = (long) Math.ceil(Math.max(lossA, lossB) / h);
    long count = highIndex - lowIndex + 1;
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("loss grid too large: " + count + " points");
    }
    int n = (int) count;
    double[] probs = new double[n];

    // x at each grid loss; increasing in k for REMOVE, decreasing for ADD.
    double[] xs = new double[n];
    for (int k = 0; k < n; k++) {
      double eps = (lowIndex + k) * h;
      xs[k] = xOfZ(gInverse(adjacency == Adjacency.REMOVE ? eps : -eps));
    }
    EndpointTails tails0 = new EndpointTails(xs, 0.0, s);
    EndpointTails tails1 = new EndpointTails(xs, 1.0, s);

    // All P-mass with loss <= l_0 goes to l_0 (rounded up).
    double[] below = xInterval(Double.NEGATIVE_INFINITY, lowIndex * h);
    probs[0] += Math.exp(logUpper(below[0], below[1]));

    double keepFraction = -Math.expm1(-h); // 1 - e^-h
    for (int k = 1; k < n; k++) {
      double left = (lowIndex + k - 1) * h;
      // Loss interval (l_{k-1}, l_k] as an x interval between grid end points.
      int lo = adjacency == Adjacency.REMOVE ? k - 1 : k;
      int hi = adjacency == Adjacency.REMOVE ? k : k - 1;
      double logN0 = tails0.logMass(lo, hi);
      double logN1 = tails1.logMass(lo, hi);
      double logMix = q == 1.0 ? logN1 : LogSpace.add(log1mQ + logN0, logQ + logN1);
      double logP = adjacency == Adjacency.REMOVE ? logMix : logN0;
      double logQmass = adjacency == Adjacency.REMOVE ? logN0 : logMix;
      if (logP == Double.NEGATIVE_INFINITY) {
        continue;
      }
      double massP = Math.exp(logP);
      // On this interval e^left <= dP/dQ <= e^right. rho = e^left Q(I) / P(I) lies in [e^-h, 1];
      // the right end point receives P-mass P(I)(1 - rho)/(1 - e^-h), the left one the rest.
      double oneMinusRho = -Math.expm1(left + logQmass - logP);
      double rightShare = Math.min(1.0, Math.max(0.0, oneMinusRho / keepFraction));
      if (Double.isNaN(rightShare)) {
        rightShare = 1.0; // no usable Q-mass information: round the whole interval up
      }
      probs[k] += massP * rightShare;
      probs[k - 1] += massP * (1 - rightShare);
    }

    // Mass with loss above the grid is treated as infinite loss.
    double[] above = xInterval(highIndex * h, Double.POSITIVE_INFINITY);
    double infinity = Math.exp(logUpper(above[0], above[1]));
    return new DiscretePrivacyLoss(h, lowIndex, probs, infinity);
  }

  /**
   * For one Gaussian component N(mean, s^2): at each end point x the log of its smaller tail, log
   * Phi(-|u|) with u = (x - mean)/s, so that the mass between two end points is a difference of two
   * small numbers (no cancellation) and each point costs one tail evaluation.
   */
  private static final class EndpointTails {
    private final double[] logTail;
    private final boolean[] aboveMean;

    EndpointTails(double[] xs, double mean, double s) {
      logTail = new double[xs.length];
      aboveMean = new boolean[xs.length];
      for (int i = 0; i < xs.length; i++) {
        double u = (xs[i] - mean) / s;
        aboveMean[i] = u >= 0;
        logTail[i] = Normal.logCdf(-Math.abs(u));
      }
    }

    /** log P(x_lo < X < x_hi) for end points with x_lo <= x_hi. */
    double logMass(int lo, int hi) {
      if (aboveMean[lo]) {
        return LogSpace.subtract(logTail[lo], logTail[hi]); // Phi(-u_lo) - Phi(-u_hi)
      }
      if (!aboveMean[hi]) {
        return LogSpace.subtract(logTail[hi], logTail[lo]); // Phi(u_hi) - Phi(u_lo)
      }
      return Math.log1p(-(Math.exp(logTail[lo]) + Math.exp(logTail[hi])));
    }
  }
}
