package dev.trustml.privacy;

import dev.trustml.error.BadInputException;
import java.util.List;
import java.util.Locale;

/**
 * Finds the noise multiplier that meets a target epsilon: the smallest sigma (to a relative
 * tolerance) whose epsilon, as certified by the given accountant, is at most the target.
 *
 * <p>The search brackets sigma by doubling or halving from 1, then shrinks the bracket by regula
 * falsi (Illinois) in log-space. Only sigmas whose epsilon was actually computed to be <= the
 * target are ever returned (the upper end of the final bracket), so the answer never overshoots the
 * budget even if the accountant's epsilon is not perfectly monotone in sigma (the PLD grid may
 * change with sigma). Like Opacus' {@code get_noise_multiplier}, the search gives up above sigma =
 * {@value #MAX_NOISE_MULTIPLIER}.
 */
public final class NoiseCalibrator {
  /** Largest noise multiplier tried before declaring the target unreachable (Opacus' MAX_SIGMA). */
  public static final double MAX_NOISE_MULTIPLIER = 1e6;

  /** Smallest noise multiplier tried; if even this meets the target, it is returned. */
  public static final double MIN_NOISE_MULTIPLIER = 1e-2;

  /** Default relative width of the final bracket. */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-4;

  private final PrivacyAccountant accountant;
  private final double relativeTolerance;

  /** A calibrator with the default tolerance (sigma to about 1e-4 relative). */
  public NoiseCalibrator(PrivacyAccountant accountant) {
    this(accountant, DEFAULT_RELATIVE_TOLERANCE);
  }

  /**
   * A calibrator.
   *
   * @param accountant the accountant whose epsilon must meet the target
   * @param relativeTolerance stop when the bracket [lo, hi] has hi/lo - 1 below this
   */
  public NoiseCalibrator(PrivacyAccountant accountant, double relativeTolerance) {
    if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException(
          "relative tolerance must be in (0, 1), got " + relativeTolerance);
    }
    this.accountant = accountant;
    this.relativeTolerance = relativeTolerance;
  }

  /**
   * The noise multiplier for a target budget.
   *
   * @param samplingRate q in (0, 1]
   * @param steps T >= 1
   * @param delta in (0, 1)
   * @param targetEpsilon > 0
   * @throws BadInputException for invalid inputs, or when no sigma up to {@link
   *     #MAX_NOISE_MULTIPLIER} reaches the target
   */
  public CalibratedNoise calibrate(
      double samplingRate, long steps, double delta, double targetEpsilon)
      throws BadInputException {
    List<String> problems = DpSgdParameters.problems(samplingRate, 1.0, steps);
    if (!problems.isEmpty()) {
      throw new BadInputException(String.join("; ", problems));
    }
    DpSgdParameters.requireValidDelta(delta);
    if (!(targetEpsilon > 0 && targetEpsilon < Double.POSITIVE_INFINITY)) {
      throw new BadInputException(
          "target epsilon must be a finite number > 0, got " + targetEpsilon);
    }
    DpSgdParameters base = DpSgdParameters.of(samplingRate, 1.0, steps);

    // Bracket: eps(lo) > target >= eps(hi), both computed.
    double lo;
    double epsAtLo;
    double hi;
    double epsAtHi;
    double eps1 = epsilonAt(base, 1.0, delta);
    if (eps1 <= targetEpsilon) {
      hi = 1.0;
      epsAtHi = eps1;
      lo = 0.5;
      while (true) {
        double eps = epsilonAt(base, lo, delta);
        if (eps > targetEpsilon) {
          epsAtLo = eps;
          break;
        }
        hi = lo;
        epsAtHi = eps;
        if (hi <= MIN_NOISE_MULTIPLIER) {
          return new CalibratedNoise(hi, epsAtHi); // even tiny noise meets this budget
        }
        lo = Math.max(MIN_NOISE_MULTIPLIER, hi / 2);
      }
    } else {
      lo = 1.0;
      epsAtLo = eps1;
      hi = 2.0;
      while (true) {
        double eps = epsilonAt(base, hi, delta);
        if (eps <= targetEpsilon) {
          epsAtHi = eps;
          break;
        }
        if (hi >= MAX_NOISE_MULTIPLIER) {
          throw new BadInputException(
              String.format(
                  Locale.ROOT,
                  "target epsilon %s is out of reach: even noise multiplier %.0e gives epsilon"
                      + " %.4g at delta %s (q=%s, steps=%d, %s accountant); raise the target"
                      + " epsilon or delta, or lower the sampling rate or the number of steps",
                  targetEpsilon,
                  hi,
                  eps,
                  delta,
                  samplingRate,
                  steps,
                  accountant.kind().cliName()));
        }
        lo = hi;
        epsAtLo = eps;
        hi = Math.min(MAX_NOISE_MULTIPLIER, 2 * hi);
      }
    }
    return shrink(base, delta, targetEpsilon, lo, epsAtLo, hi, epsAtHi);
  }

  /**
   * Shrinks a bracket with eps(lo) > target >= eps(hi) until hi/lo - 1 <= tolerance, by the
   * Illinois variant of regula falsi on log(sigma) against log(eps/target) (Dowell &amp; Jarratt
   * 1971), which needs far fewer accountant calls than bisection because log eps is nearly linear
   * in log sigma. Each trial point stays at least half the tolerance inside the bracket, so the
   * bracket closes from both sides; bisection takes over when a value is not usable (eps = 0).
   */
  private CalibratedNoise shrink(
      DpSgdParameters base,
      double delta,
      double targetEpsilon,
      double lo,
      double epsAtLo,
      double hi,
      double epsAtHi)
      throws BadInputException {
    double xLo = Math.log(lo);
    double xHi = Math.log(hi);
    double fLo = Math.log(epsAtLo / targetEpsilon); // > 0
    double fHi = Math.log(epsAtHi / targetEpsilon); // <= 0
    double margin = 0.5 * Math.log1p(relativeTolerance);
    int lastMoved = 0; // -1: lo moved last, +1: hi moved last
    while (xHi - xLo > Math.log1p(relativeTolerance)) {
      double x;
      if (Double.isFinite(fLo) && Double.isFinite(fHi) && fLo > fHi) {
        x = xHi - fHi * (xHi - xLo) / (fHi - fLo);
      } else {
        x = 0.5 * (xLo + xHi);
      }
      x = Math.min(xHi - margin, Math.max(xLo + margin, x));
      double sigma = Math.exp(x);
      double eps = epsilonAt(base, sigma, delta);
      double f = Math.log(eps / targetEpsilon);
      if (eps <= targetEpsilon) {
        xHi = x;
        fHi = f;
        hi = sigma;
        epsAtHi = eps;
        if (lastMoved == +1) {
          fLo /= 2; // Illinois: stop the far end from pinning the secant
        }
        lastMoved = +1;
      } else {
        xLo = x;
        fLo = f;
        if (lastMoved == -1) {
          fHi /= 2;
        }
        lastMoved = -1;
      }
    }
    return new CalibratedNoise(hi, epsAtHi);
  }

  private double epsilonAt(DpSgdParameters base, double sigma, double delta)
      throws BadInputException {
    return accountant.epsilon(base.withNoiseMultiplier(sigma), delta);
  }
}
