package dev.trustml.privacy;

/** How an RDP curve becomes an (epsilon, delta) guarantee at each order alpha. */
public enum RdpConversion {
  /**
   * Balle, Barthe, Gaboardi, Hsu &amp; Sato 2020, "Hypothesis Testing Interpretations and Renyi
   * Differential Privacy", Thm 21 (arXiv:1905.09982): eps = rdp + log((alpha-1)/alpha) - (log delta
   * + log alpha)/(alpha-1). What Opacus, TF Privacy and dp_accounting use today.
   */
  BALLE_2020,
  /**
   * Mironov 2017, "Renyi Differential Privacy", Prop. 3: eps = rdp + log(1/delta)/(alpha-1).
   * Looser; kept to reproduce older published numbers.
   */
  MIRONOV_2017;

  /** Epsilon at one order; +inf where the bound gives nothing. */
  double epsilon(double order, double rdp, double delta) {
    if (rdp == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    double eps;
    switch (this) {
      case MIRONOV_2017:
        eps = rdp + Math.log(1 / delta) / (order - 1);
        break;
      case BALLE_2020:
        if (delta * delta + Math.expm1(-rdp) > 0) {
          // rdp at any order >= 1 bounds the KL divergence, and delta(0) = TV <= sqrt(1 -
          // exp(-KL)) (Bretagnolle-Huber), so delta is met at eps = 0 (dp_accounting does the
          // same).
          return 0.0;
        }
        if (order <= 1.01) {
          // The bound is numerically unstable as alpha -> 1 and useless there (dp_accounting).
          return Double.POSITIVE_INFINITY;
        }
        eps = rdp + Math.log1p(-1 / order) - (Math.log(delta) + Math.log(order)) / (order - 1);
        break;
      default:
        throw new AssertionError(this);
    }
    return Math.max(0.0, eps);
  }

  /** log delta at one order for a given epsilon (the inverse of {@link #epsilon}). */
  double logDelta(double order, double rdp, double epsilon) {
    if (rdp == Double.POSITIVE_INFINITY) {
      return 0.0;
    }
    switch (this) {
      case MIRONOV_2017:
        return (order - 1) * (rdp - epsilon);
      case BALLE_2020:
        double viaKl = rdp == 0 ? Double.NEGATIVE_INFINITY : 0.5 * Math.log1p(-Math.exp(-rdp));
        double viaOrder = (order - 1) * (rdp - epsilon + Math.log1p(-1 / order)) - Math.log(order);
        return Math.min(viaKl, viaOrder);
      default:
        throw new AssertionError(this);
    }
  }
}
