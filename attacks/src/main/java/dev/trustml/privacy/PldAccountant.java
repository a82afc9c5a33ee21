package dev.trustml.privacy;

import dev.trustml.error.BadInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Privacy-loss-distribution accountant for DP-SGD with Poisson sampling, in the manner of Google's
 * dp_accounting {@code PLDAccountant} (Koskela, Jalko &amp; Honkela 2020; Doroshenko et al. 2022).
 *
 * <p>For each direction of add-or-remove adjacency the one-step loss distribution of the subsampled
 * Gaussian is discretised pessimistically on a grid of spacing h ("connect the dots", see {@link
 * SubsampledGaussianLoss}), composed T times by FFT ({@link DiscretePrivacyLoss}), and
 * epsilon(delta) is read off by inverting the hockey-stick curve; the worse direction is reported.
 * Every approximation moves probability towards larger losses, so the result is an UPPER bound on
 * the true epsilon (up to floating-point rounding of the FFT, about 1e-12 in delta).
 *
 * <p>Discretisation interval: h = {@value #DEFAULT_DISCRETIZATION_INTERVAL} (dp_accounting's
 * default {@code value_discretization_interval}); it is narrowed when one step's loss range spans
 * fewer than 1000 grid points (very large sigma) and widened when the composed loss range would
 * need more than {@value #DEFAULT_MAX_GRID_POINTS} grid points; {@link #epsilonDetailed} reports
 * the h used. Tail truncation of the composed distribution adds {@value #DEFAULT_TAIL_BOUND}/2 to
 * delta.
 */
public final class PldAccountant implements PrivacyAccountant {
  /** Default loss grid spacing. */
  public static final double DEFAULT_DISCRETIZATION_INTERVAL = 1e-4;

  /** Default cap on the FFT length (2^21 complex points, about 50 MB of work arrays). */
  public static final int DEFAULT_MAX_GRID_POINTS = 1 << 21;

  /** Fewest grid points across one step's loss range (h shrinks below the default for this). */
  static final int MIN_POINTS_PER_STEP = 1000;

  /** Probability mass the composition window may leave outside (charged to delta). */
  public static final double DEFAULT_TAIL_BOUND = 1e-15;

  private final double discretizationInterval;
  private final int maxGridPoints;
  private final double tailBound;

  /** The default accountant (h = 1e-4, at most 2^21 grid points). */
  public PldAccountant() {
    this(DEFAULT_DISCRETIZATION_INTERVAL, DEFAULT_MAX_GRID_POINTS);
  }

  /**
   * An accountant with a chosen grid.
   *
   * @param discretizationInterval the finest loss grid spacing h (> 0)
   * @param maxGridPoints cap on the FFT length; h is widened to respect it
   */
  public PldAccountant(double discretizationInterval, int maxGridPoints) {
    if (!(discretizationInterval > 0 && discretizationInterval < 1)) {
      throw new IllegalArgumentException(
          "discretization interval must be in (0, 1), got " + discretizationInterval);
    }
    if (maxGridPoints < 1024) {
      throw new IllegalArgumentException("maxGridPoints must be >= 1024, got " + maxGridPoints);
    }
    this.discretizationInterval = discretizationInterval;
    this.maxGridPoints = maxGridPoints;
    this.tailBound = DEFAULT_TAIL_BOUND;
  }

  @Override
  public AccountantKind kind() {
    return AccountantKind.PLD;
  }

  @Override
  public double epsilon(DpSgdParameters parameters, double delta) throws BadInputException {
    return epsilonDetailed(parameters, delta).epsilon();
  }

  /**
   * Epsilon together with the discretisation interval used.
   *
   * @throws BadInputException if delta is not in (0, 1)
   */
  public PldEpsilon epsilonDetailed(DpSgdParameters parameters, double delta)
      throws BadInputException {
    DpSgdParameters.requireValidDelta(delta);
    double worst = 0.0;
    double h = 0.0;
    for (DiscretePrivacyLoss composed : composedLosses(parameters)) {
      worst = Math.max(worst, composed.epsilonForDelta(delta));
      h = Math.max(h, composed.interval());
    }
    return new PldEpsilon(worst, h);
  }

  @Override
  public double delta(DpSgdParameters parameters, double epsilon) throws BadInputException {
    DpSgdParameters.requireValidEpsilon("epsilon", epsilon);
    double worst = 0.0;
    for (DiscretePrivacyLoss composed : composedLosses(parameters)) {
      worst = Math.max(worst, composed.deltaForEpsilon(epsilon));
    }
    return worst;
  }

  /** The T-fold composed loss distribution for each adjacency direction that can differ. */
  private List<DiscretePrivacyLoss> composedLosses(DpSgdParameters p) {
    List<DiscretePrivacyLoss> result = new ArrayList<>(2);
    result.add(composed(p, Adjacency.REMOVE));
    if (p.samplingRate() < 1.0) {
      // Without subsampling both directions give the same distribution (dp_accounting note).
      result.add(composed(p, Adjacency.ADD));
    }
    return result;
  }

  private DiscretePrivacyLoss composed(DpSgdParameters p, Adjacency adjacency) {
    SubsampledGaussianLoss loss =
        new SubsampledGaussianLoss(p.samplingRate(), p.noiseMultiplier(), adjacency);
    // A grid much coarser than one step's loss range makes connect-the-dots very loose (huge
    // sigma), so keep at least MIN_POINTS_PER_STEP points; and never allocate a single-step grid
    // beyond the cap: widen h up front if the range needs it.
    double width = loss.lossRangeWidth();
    if (!(width > 0 && width < Double.POSITIVE_INFINITY)) {
      throw new IllegalStateException("PLD loss range is not finite: " + width + " for " + p);
    }
    double h = Math.min(discretizationInterval, width / MIN_POINTS_PER_STEP);
    h = Math.max(h, 1.05 * width / maxGridPoints);
    for (int attempt = 0; ; attempt++) {
      DiscretePrivacyLoss single = loss.discretize(h);
      DiscretePrivacyLoss.ComposedWindow window = single.windowFor(p.steps(), tailBound);
      long needed = Math.max(single.size(), window.length());
      if (needed <= maxGridPoints) {
        return single.selfCompose(p.steps(), window, tailBound);
      }
      if (attempt >= 5) {
        throw new IllegalStateException(
            "PLD grid did not fit in " + maxGridPoints + " points after widening h to " + h);
      }
      // Both the single-step and the composed ranges scale like 1/h: widen h proportionally.
      h *= 1.05 * needed / maxGridPoints;
    }
  }

  @Override
  public String toString() {
    return "PldAccountant[h=" + discretizationInterval + ", maxGridPoints=" + maxGridPoints + "]";
  }
}
