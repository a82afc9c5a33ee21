package dev.trustml.privacy;

/**
 * A privacy loss distribution on the grid {k h}: {@code probs[i]} is the probability, under the
 * upper distribution P, that the privacy loss log(dP/dQ) equals (lowestIndex + i) h; {@code
 * infinityMass} is the probability of an infinite loss. It represents a (P, Q) pair through its
 * hockey-stick curve delta(eps) = infinityMass + sum_{l > eps} p_l (1 - e^(eps - l)) (dp_accounting
 * {@code pld_pmf}; Koskela, Jalko &amp; Honkela 2020).
 *
 * <p>Self-composition convolves the masses (losses of independent steps add) by FFT with the window
 * chosen from Chernoff bounds, and every truncation moves mass towards larger losses or to
 * infinity, so composed deltas stay upper bounds.
 */
final class DiscretePrivacyLoss {
  private final double interval;
  private final long lowestIndex;
  private final double[] probs;
  private final double infinityMass;

  DiscretePrivacyLoss(double interval, long lowestIndex, double[] probs, double infinityMass) {
    this.interval = interval;
    this.lowestIndex = lowestIndex;
    this.probs = probs;
    this.infinityMass = infinityMass;
  }

  double interval() {
    return interval;
  }

  int size() {
    return probs.length;
  }

  double infinityMass() {
    return infinityMass;
  }

  /** Loss value of grid slot i. */
  private double loss(int i) {
    return (lowestIndex + i) * interval;
  }

  /**
   * The range of composed grid offsets the T-fold composition keeps: at most tailBound/2 of the
   * composed mass lies above it and at most tailBound/2 below (Chernoff bounds over a grid of
   * exponents; dp_accounting {@code compute_self_convolve_bounds}).
   */
  ComposedWindow windowFor(long times, double tailBound) {
    long maxOffset = times * (probs.length - 1L);
    if (times == 1) {
      return new ComposedWindow(0, maxOffset);
    }
    double mean = 0;
    double total = 0;
    for (int k = 0; k < probs.length; k++) {
      total += probs[k];
      mean += k * probs[k];
    }
    mean /= total;
    double var = 0;
    for (int k = 0; k < probs.length; k++) {
      var += (k - mean) * (k - mean) * probs[k];
    }
    var /= total;
    double scale = Math.sqrt(var * times) + 1.0;
    double logTwoOverTail = Math.log(2 / tailBound);
    long upper = maxOffset;
    long lower = 0;
    for (int j = -2; j <= 10; j++) {
      double lambda = Math.scalb(1.0, j) / scale;
      double up = (times * logMgf(lambda) + logTwoOverTail) / lambda;
      if (Double.isFinite(up)) {
        upper = Math.min(upper, (long) Math.ceil(up));
      }
      double down = (times * logMgf(-lambda) + logTwoOverTail) / -lambda;
      if (Double.isFinite(down)) {
        lower = Math.max(lower, (long) Math.floor(down));
      }
    }
    if (upper < lower) {
      upper = lower;
    }
    return new ComposedWindow(lower, upper);
  }

  /**
   * log sum_k p_k exp(lambda k), in offset units. Terms are scaled by the largest exponent and
   * built by a running product of e^(-|lambda|), so each costs one multiplication.
   */
  private double logMgf(double lambda) {
    int first = 0;
    int last = probs.length - 1;
    while (first < last && probs[first] == 0) {
      first++;
    }
    while (last > first && probs[last] == 0) {
      last--;
    }
    double factor = Math.exp(-Math.abs(lambda));
    double sum = 0;
    double weight = 1.0;
    if (lambda >= 0) {
      for (int k = last; k >= first && weight > 0; k--) {
        sum += probs[k] * weight;
        weight *= factor;
      }
      return lambda * last + Math.log(sum);
    }
    for (int k = first; k <= last && weight > 0; k++) {
      sum += probs[k] * weight;
      weight *= factor;
    }
    return lambda * first + Math.log(sum);
  }

  /**
   * The distribution of the sum of {@code times} independent copies (T-fold composition).
   *
   * <p>One FFT of the single-step masses, each coefficient raised to the power T, one inverse FFT
   * (dp_accounting {@code common.self_convolve}). The transform length N covers the Chernoff window
   * [lower, upper]; the cyclic wrap-around sends composed mass below the window to higher losses
   * (pessimistic) and mass above it (at most tailBound/2) to lower losses, which is why tailBound/2
   * is added to the infinity mass.
   */
  DiscretePrivacyLoss selfCompose(long times, double tailBound) {
    return selfCompose(times, windowFor(times, tailBound), tailBound);
  }

  /** {@link #selfCompose(long, double)} with a window already computed by {@link #windowFor}. */
  DiscretePrivacyLoss selfCompose(long times, ComposedWindow window, double tailBound) {
    if (times == 1) {
      return this;
    }
    int n = Fft.sizeFor(Math.max(window.length(), probs.length));
    double[] re = new double[n];
    double[] im = new double[n];
    System.arraycopy(probs, 0, re, 0, probs.length);
    Fft.forward(re, im);
    for (int k = 0; k < n; k++) {
      double[] power = complexPower(re[k], im[k], times);
      re[k] = power[0];
      im[k] = power[1];
    }
    Fft.inverse(re, im);
    double[] composed = new double[n];
    long lower = window.lower();
    int shift = (int) Math.floorMod(lower, (long) n);
    for (int i = 0; i < n; i++) {
      // Slot i holds composed offset lower + i, stored by the cyclic FFT at (lower + i) mod n.
      double mass = re[(shift + i) % n];
      composed[i] = mass > 0 ? mass : 0.0; // rounding noise below zero carries no probability
    }
    double composedInfinity = -Math.expm1(times * Math.log1p(-infinityMass)) + tailBound / 2;
    return new DiscretePrivacyLoss(
        interval, times * lowestIndex + lower, composed, Math.min(1.0, composedInfinity));
  }

  /**
   * (re + i im)^times by repeated squaring: about 2 log2(times) complex products, with relative
   * error growing like log2(times) ulps instead of times ulps in the angle of the polar form.
   */
  private static double[] complexPower(double re, double im, long times) {
    double resultRe = 1.0;
    double resultIm = 0.0;
    double baseRe = re;
    double baseIm = im;
    long remaining = times;
    while (remaining > 0) {
      if ((remaining & 1) == 1) {
        double t = resultRe * baseRe - resultIm * baseIm;
        resultIm = resultRe * baseIm + resultIm * baseRe;
        resultRe = t;
      }
      remaining >>= 1;
      if (remaining > 0) {
        double t = baseRe * baseRe - baseIm * baseIm;
        baseIm = 2 * baseRe * baseIm;
        baseRe = t;
        if (baseRe * baseRe + baseIm * baseIm < 1e-300) {
          // |base|^(2^j) has underflowed; the rest of the product is zero.
          return new double[] {0.0, 0.0};
        }
      }
    }
    return new double[] {resultRe, resultIm};
  }

  /** delta(eps) = P(L = inf) + E_P[(1 - e^(eps - L))_+]. */
  double deltaForEpsilon(double epsilon) {
    double delta = infinityMass;
    for (int i = probs.length - 1; i >= 0; i--) {
      double l = loss(i);
      if (l <= epsilon) {
        break;
      }
      delta += probs[i] * -Math.expm1(epsilon - l);
    }
    return Math.min(1.0, delta);
  }

  /**
   * The smallest eps >= 0 with delta(eps) <= target. delta is continuous and decreasing; between
   * grid losses it equals A - e^eps B, so the crossing is solved in closed form. C_k = sum_{j > k}
   * p_j e^(l_k - l_j) is updated from the top down, which never overflows.
   */
  double epsilonForDelta(double targetDelta) {
    if (infinityMass >= targetDelta) {
      return Double.POSITIVE_INFINITY;
    }
    double upperMass = infinityMass; // A: P-mass of losses above the current grid point
    double scaledLower = 0.0; // C_k
    double decay = Math.exp(-interval);
    for (int k = probs.length - 1; k >= 0; k--) {
      if (k < probs.length - 1) {
        scaledLower = (scaledLower + probs[k + 1]) * decay;
      }
      double deltaAtGrid = upperMass - scaledLower;
      if (deltaAtGrid > targetDelta) {
        // Crossing in (l_k, l_{k+1}): A - e^(eps - l_k) C_k = target.
        return Math.max(0.0, loss(k) + Math.log((upperMass - targetDelta) / scaledLower));
      }
      upperMass += probs[k];
    }
    // Below the lowest grid loss l_0: delta(eps) = A - e^(eps - l_0) (C_0 + p_0).
    double scaledAll = scaledLower + probs[0];
    if (upperMass <= targetDelta || scaledAll <= 0) {
      return 0.0;
    }
    return Math.max(0.0, loss(0) + Math.log((upperMass - targetDelta) / scaledAll));
  }

  /**
   * Composed offsets kept by the FFT window.
   *
   * @param lower smallest offset kept
   * @param upper offset above which at most tailBound/2 of the mass lies
   */
  record ComposedWindow(long lower, long upper) {
    long length() {
      return upper - lower + 1;
    }
  }
}
