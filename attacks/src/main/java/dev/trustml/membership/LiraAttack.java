package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import dev.trustml.stats.Normal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The Likelihood Ratio Attack, LiRA (Carlini et al. 2022), on the logit-scaled confidence {@code
 * phi = z_y - LSE_{j != y} z_j} ({@link ModelOutputs#logitScaledConfidence}).
 *
 * <p>Per audit row, the reference models' {@code phi} values are split into IN (trained on the row)
 * and OUT and each side is fit with a Gaussian (paper Algorithm 1: mean and variance of the side's
 * values; the reference code, tensorflow/privacy research/mi_lira_2021/plot.py {@code
 * generate_ours}, uses the median as the location instead).
 *
 * <ul>
 *   <li>{@link Mode#ONLINE}: score = {@code log N(phi; mu_in, sd_in^2) - log N(phi; mu_out,
 *       sd_out^2)}, the log of the likelihood ratio of Algorithm 1.
 *   <li>{@link Mode#OFFLINE}: only OUT models; the paper's one-sided offline test, score = {@code
 *       -log P(Z > phi)} with {@code Z ~ N(mu_out, sd_out^2)}, evaluated in log space so that
 *       extreme confidences keep distinct, finite scores.
 * </ul>
 *
 * <p>Variance: {@link Variance#PER_EXAMPLE} fits each row's own standard deviation; {@link
 * Variance#GLOBAL} uses one for all rows, which the paper recommends with few reference models
 * ("fixed variance"). As in the reference code ({@code generate_ours}: {@code std_in = std_out =
 * np.std(dat_in)}; offline {@code np.std(dat_out)}), the global value is the standard deviation of
 * all IN values (online) or all OUT values (offline). With one shared variance the ranking of rows
 * does not depend on its value (online it only rescales the score; offline the score is monotone in
 * {@code phi - mu_out}).
 *
 * <p>Rows without enough references: every row needs at least one OUT model, and online LiRA at
 * least one IN model; otherwise scoring fails with a {@link BadInputException} naming the row (a
 * Gaussian cannot be fit to nothing, and substituting another test would put rows on incomparable
 * scales). With {@link Variance#PER_EXAMPLE}, a side with fewer than two values (or all equal) has
 * no spread estimate and falls back to that side's global standard deviation.
 */
public final class LiraAttack implements Attack {
  /** Whether IN reference models are used. */
  public enum Mode {
    /** IN and OUT Gaussians, likelihood ratio. */
    ONLINE,
    /** OUT Gaussian only, one-sided tail test. */
    OFFLINE
  }

  /** How the Gaussians' standard deviations are estimated. */
  public enum Variance {
    /** Each row's own IN/OUT standard deviation. */
    PER_EXAMPLE,
    /** One standard deviation for all rows ("fixed variance"). */
    GLOBAL
  }

  private final Mode mode;
  private final Variance variance;
  private final AttackInfo info;

  public LiraAttack(Mode mode, Variance variance) {
    this.mode = mode;
    this.variance = variance;
    String name =
        (mode == Mode.ONLINE ? "lira-online" : "lira-offline")
            + (variance == Variance.GLOBAL ? "-fixed-var" : "");
    Set<Requirement> requirements =
        mode == Mode.ONLINE
            ? EnumSet.of(Requirement.NEEDS_REFERENCE_MODELS, Requirement.NEEDS_IN_REFERENCES)
            : EnumSet.of(Requirement.NEEDS_REFERENCE_MODELS);
    String description =
        (mode == Mode.ONLINE
                ? "log-likelihood ratio of phi under IN vs OUT Gaussians"
                : "-log P(phi_OUT > phi), one-sided test against the OUT Gaussian")
            + (variance == Variance.GLOBAL ? ", one global variance" : ", per-row variance");
    this.info =
        new AttackInfo(
            name, ThreatModel.REFERENCE_MODELS, requirements, Citations.CARLINI_2022, description);
  }

  public Mode mode() {
    return mode;
  }

  public Variance variance() {
    return variance;
  }

  @Override
  public AttackInfo info() {
    return info;
  }

  @Override
  public double[] score(AttackInput input) throws BadInputException {
    Requirement.check(info, input);
    ReferenceOutputs references = input.references();
    ReferenceStatistics stats =
        ReferenceStatistics.of(references, ModelOutputs::logitScaledConfidence);
    ReferenceStatistics.Side in = stats.in();
    ReferenceStatistics.Side out = stats.out();
    requireEveryRow(out, "OUT", references.numModels());
    if (mode == Mode.ONLINE) {
      requireEveryRow(in, "IN", references.numModels());
    }
    // Global spreads: the fixed variance, and the per-example fallback for rows without a spread.
    // Online fixed variance uses the IN spread for both sides, as the reference code does.
    double globalInSd = in.pooledSd();
    double globalOutSd =
        mode == Mode.ONLINE && variance == Variance.GLOBAL ? in.pooledSd() : out.pooledSd();
    requireSpread(globalOutSd, mode == Mode.ONLINE && variance == Variance.GLOBAL ? "IN" : "OUT");
    if (mode == Mode.ONLINE) {
      requireSpread(globalInSd, "IN");
    }

    ModelOutputs target = input.target();
    double[] scores = new double[target.numRows()];
    for (int row = 0; row < scores.length; row++) {
      double phi = target.logitScaledConfidence(row);
      double sdOut = sideSd(out, row, globalOutSd);
      if (mode == Mode.ONLINE) {
        double sdIn = sideSd(in, row, globalInSd);
        scores[row] =
            Normal.logDensity(phi, in.mean(row), sdIn)
                - Normal.logDensity(phi, out.mean(row), sdOut);
      } else {
        scores[row] = -Normal.logSf((phi - out.mean(row)) / sdOut);
      }
    }
    return scores;
  }

  private double sideSd(ReferenceStatistics.Side side, int row, double global) {
    if (variance == Variance.GLOBAL) {
      return global;
    }
    double sd = side.sd(row);
    return sd > 0.0 ? sd : global;
  }

  private void requireEveryRow(ReferenceStatistics.Side side, String which, int numModels)
      throws BadInputException {
    int row = side.firstEmptyRow();
    if (row >= 0) {
      throw new BadInputException(
          "attack '"
              + info.name()
              + "': audit row "
              + row
              + " has no "
              + which
              + " reference model among the "
              + numModels
              + " given; "
              + (mode == Mode.ONLINE
                  ? "online LiRA needs an IN and an OUT model for every row: use lira-offline"
                      + " or train reference models on random halves so each row is in and out"
                  : "offline LiRA needs a reference model not trained on each row: train more"
                      + " reference models on data excluding it"));
    }
  }

  private void requireSpread(double sd, String which) throws BadInputException {
    if (!(sd > 0.0) || !Double.isFinite(sd)) {
      throw new BadInputException(
          "attack '"
              + info.name()
              + "': the "
              + which
              + " reference models' logit-scaled confidences have no spread (sd "
              + sd
              + "); check that the reference outputs are not constant or duplicated");
    }
  }
}
