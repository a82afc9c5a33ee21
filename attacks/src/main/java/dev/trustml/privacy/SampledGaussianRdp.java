package dev.trustml.privacy;

import dev.trustml.stats.Normal;

/**
 * Renyi divergence of one step of the Poisson-subsampled Gaussian mechanism (sensitivity 1, noise
 * multiplier sigma, sampling rate q), following Mironov, Talwar &amp; Zhang 2019, "Renyi
 * Differential Privacy of the Sampled Gaussian Mechanism" (arXiv:1908.10530), Section 3.
 *
 * <p>RDP at order alpha is log(A_alpha)/(alpha-1) with A_alpha = E_{z~mu0}[((1-q) + q
 * mu1(z)/mu0(z))^alpha], mu0 = N(0, sigma^2), mu1 = N(1, sigma^2) (Sec. 3.1; Thm 4 shows this
 * direction dominates). Everything is summed in log space so that orders up to hundreds and tiny
 * sigma neither overflow nor cancel.
 */
final class SampledGaussianRdp {
  /** Cap on the fractional-order series (dp_accounting uses the same cap, 1000). */
  static final int MAX_FRACTIONAL_TERMS = 1000;

  private SampledGaussianRdp() {}

  /**
   * RDP of a single step at the given order (> 1). Returns +inf when the fractional-order series
   * does not converge, so the caller drops that order instead of trusting a wrong number.
   */
  static double perStep(double q, double sigma, double order) {
    if (q == 1.0) {
      // No subsampling: the Gaussian mechanism's RDP is alpha / (2 sigma^2) (Mironov 2017, Prop.
      // 7).
      return order / (2 * sigma * sigma);
    }
    double logA =
        order == Math.rint(order)
            ? logAIntegerOrder(q, sigma, (long) order)
            : logAFractionalOrder(q, sigma, order);
    return logA / (order - 1);
  }

  /**
   * Integer alpha: binomial expansion of ((1-q) + q r)^alpha with E_mu0[r^k] = exp((k^2-k) / (2
   * sigma^2)) (Mironov et al. 2019, Sec. 3.3, first displayed formula).
   */
  static double logAIntegerOrder(double q, double sigma, long alpha) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double twoSigma2 = 2 * sigma * sigma;
    double logA = Double.NEGATIVE_INFINITY;
    double logBinom = 0.0; // log C(alpha, 0)
    for (long i = 0; i <= alpha; i++) {
      if (i > 0) {
        logBinom += Math.log((double) (alpha - i + 1)) - Math.log((double) i);
      }
      double term = logBinom + i * logQ + (alpha - i) * log1mQ + ((double) i * i - i) / twoSigma2;
      logA = LogSpace.add(logA, term);
    }
    return logA;
  }

  /**
   * Fractional alpha: split the integral at z0 = sigma^2 log(1/q - 1) + 1/2, where (1-q) mu0 = q
   * mu1, and expand each side in its convergent binomial series (Mironov et al. 2019, Sec. 3.3,
   * A_alpha = A_alpha,0 + A_alpha,1). The binomial coefficients C(alpha, i) change sign for i >
   * alpha + 1, so positive and negative terms are summed separately and subtracted once at the end.
   */
  static double logAFractionalOrder(double q, double sigma, double alpha) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double twoSigma2 = 2 * sigma * sigma;
    double z0 = sigma * sigma * Math.log(1 / q - 1) + 0.5;

    double pos0 = Double.NEGATIVE_INFINITY;
    double neg0 = Double.NEGATIVE_INFINITY;
    double pos1 = Double.NEGATIVE_INFINITY;
    double neg1 = Double.NEGATIVE_INFINITY;
    double lastS0 = Double.NEGATIVE_INFINITY;
    double lastS1 = Double.NEGATIVE_INFINITY;
    double logAbsBinom = 0.0; // log |C(alpha, 0)|
    boolean positive = true;
    for (int i = 0; i < MAX_FRACTIONAL_TERMS; i++) {
      if (i > 0) {
        double factor = (alpha - i + 1) / i;
        logAbsBinom += Math.log(Math.abs(factor));
        if (factor < 0) {
          positive = !positive;
        }
      }
      double j = alpha - i;
      // Left part: integral over z <= z0, term i has weight (1-q)^(alpha-i) q^i and Gaussian
      // moment restricted by Phi((z0 - i)/sigma).
      double s0 =
          logAbsBinom
              + i * logQ
              + j * log1mQ
              + ((double) i * i - i) / twoSigma2
              + Normal.logCdf((z0 - i) / sigma);
      // Right part: the roles of q and 1-q swap, the moment is of order j = alpha - i.
      double s1 =
          logAbsBinom
              + j * logQ
              + i * log1mQ
              + (j * j - j) / twoSigma2
              + Normal.logCdf((j - z0) / sigma);
      if (positive) {
        pos0 = LogSpace.add(pos0, s0);
        pos1 = LogSpace.add(pos1, s1);
      } else {
        neg0 = LogSpace.add(neg0, s0);
        neg1 = LogSpace.add(neg1, s1);
      }
      double total = LogSpace.add(pos0, pos1);
      // Stop once both parts shrink and are negligible against the running total (the same rule
      // as dp_accounting's _compute_log_a_frac).
      if (s0 < lastS0 && s1 < lastS1 && Math.max(s0, s1) < total - 30) {
        return LogSpace.add(positivePart(pos0, neg0), positivePart(pos1, neg1));
      }
      lastS0 = s0;
      lastS1 = s1;
    }
    return Double.POSITIVE_INFINITY;
  }

  /**
   * log(pos - neg). Each part is an integral of a positive function, so pos > neg; if rounding ever
   * says otherwise, fall back to pos, which over-states A and so stays a valid upper bound.
   */
  private static double positivePart(double logPos, double logNeg) {
    return logPos > logNeg ? LogSpace.subtract(logPos, logNeg) : logPos;
  }
}
