package dev.trustml.membership;

import dev.trustml.error.BadInputException;
import dev.trustml.stats.Shuffle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * RMIA, the Relative Membership Inference Attack (Zarifzadeh, Liu, Chan, Shokri, ICML 2024).
 *
 * <p>With {@code Pr(x | theta) = p_y} (softmax at the configured temperature), the likelihood ratio
 * of a row is {@code LR(x) = Pr(x | theta_target) / Pr(x)}, where the marginal {@code Pr(x)}
 * averages the reference models (paper Algorithm 1). The paper scores {@code Score(x) = Pr_z[LR(x)
 * / LR(z) >= gamma]} over population samples {@code z}; the reference code (ml_privacy_meter {@code
 * run_rmia}: {@code np.average(ratios > 1.0)}) compares strictly, which is followed here (the two
 * differ only on exact ties). It is computed in log space as {@code log LR(z) < log LR(x) - log
 * gamma}: the sorted {@code log LR(z)} are searched once per row, O((n + |Z|) log |Z|) time.
 *
 * <p>Marginal {@code Pr(x)} of an evaluated row:
 *
 * <ul>
 *   <li>{@link Mode#OFFLINE} (OUT models only): {@code Pr(x) = ((1 + a) mean_OUT + (1 - a)) / 2},
 *       the linear approximation {@code Pr_IN ~= a Pr_OUT + (1 - a)} of the paper's offline
 *       appendix and of ml_privacy_meter {@code run_rmia}.
 *   <li>{@link Mode#ONLINE}: {@code Pr(x) = (mean_IN + mean_OUT) / 2}, i.e. the average over
 *       reference models with IN and OUT weighted equally (membership prior 1/2) even when their
 *       counts differ; a row no reference model trained on gets the offline estimate.
 * </ul>
 *
 * <p>Population rows {@code z} never peek: each {@code z}'s marginal uses only the reference models
 * it is OUT for (the offline formula), and no {@code z} is the evaluated row. With population rows
 * given (rows known to be outside the target's training data), every audit row is compared with all
 * of them. Without, the audit rows are cross-fitted ({@link CrossFitFolds}): rows of one fold are
 * compared with the rows of the other fold as {@code z}. The target's membership of the rows is
 * never used, so the scores may enter a rigorous bound.
 *
 * <p>Ties: the fraction takes at most |Z| + 1 values, so with a small population many rows tie at
 * the top and TPR at low FPR collapses to 0. The score is therefore {@code (count + u(log LR(x))) /
 * (|Z| + 1)} with {@code u(t) = 1/2 + atan(t)/pi} in (0, 1): the count decides, and among equal
 * counts the continuous likelihood ratio does. Within one comparison set the score is strictly
 * increasing in {@code LR(x)}.
 *
 * <p>Every audit row (and population row) needs at least one OUT reference model; otherwise scoring
 * fails naming the row (train reference models in complementary pairs, as ml_privacy_meter does, so
 * each row is OUT for one of them).
 */
public final class RmiaAttack implements Attack {
  /** Whether IN reference models enter the marginal {@code Pr(x)}. */
  public enum Mode {
    /** IN and OUT reference models. */
    ONLINE,
    /** OUT reference models and the {@code a} approximation. */
    OFFLINE
  }

  private final Mode mode;
  private final RmiaParameters parameters;
  private final AttackInfo info;

  public RmiaAttack(Mode mode, RmiaParameters parameters) {
    this.mode = mode;
    this.parameters = parameters;
    Set<Requirement> requirements =
        mode == Mode.ONLINE
            ? EnumSet.of(Requirement.NEEDS_REFERENCE_MODELS, Requirement.NEEDS_IN_REFERENCES)
            : EnumSet.of(Requirement.NEEDS_REFERENCE_MODELS);
    if (parameters.temperature() != 1.0) {
      // p_y at another temperature needs every logit; at 1 it is exp(-loss).
      requirements.add(Requirement.NEEDS_LOGITS);
    }
    this.info =
        new AttackInfo(
            mode == Mode.ONLINE ? "rmia" : "rmia-offline",
            ThreatModel.REFERENCE_MODELS,
            requirements,
            Citations.ZARIFZADEH_2024,
            "fraction of population rows z with LR(x)/LR(z) > gamma, LR = Pr(x|target)/Pr(x), ties"
                + " broken by LR(x); z from the population file or the other cross-fitting fold"
                + (mode == Mode.ONLINE ? " (IN and OUT models)" : " (OUT models, offline a)"));
  }

  public Mode mode() {
    return mode;
  }

  public RmiaParameters parameters() {
    return parameters;
  }

  @Override
  public AttackInfo info() {
    return info;
  }

  @Override
  public double[] score(AttackInput input) throws BadInputException {
    Requirement.check(info, input);
    ReferenceOutputs references = input.references();
    ReferenceStatistics audit = ReferenceStatistics.of(references, probability());
    requireOutModels(audit, references.numModels(), "audit row");

    ModelOutputs target = input.target();
    int n = target.numRows();
    double logGamma = Math.log(parameters.gamma());
    double[] logLrX = new double[n];
    for (int row = 0; row < n; row++) {
      logLrX[row] = logLikelihoodRatio(target, row, evaluatedMarginal(audit, row));
    }
    double[] scores = new double[n];
    if (input.hasPopulation()) {
      double[] z = sample(populationLogRatios(input), input.seed());
      for (int row = 0; row < n; row++) {
        scores[row] = score(z, logLrX[row], logGamma);
      }
      return scores;
    }
    // Cross-fitted: z of fold f are the rows of the other fold, each with its OUT-only marginal.
    byte[] fold = CrossFitFolds.assign(n, input.seed());
    double[][] z = new double[2][];
    for (int f = 0; f < 2; f++) {
      double[] other = new double[n];
      int count = 0;
      for (int row = 0; row < n; row++) {
        if (fold[row] != f) {
          other[count++] = logLikelihoodRatio(target, row, outMarginal(audit, row));
        }
      }
      z[f] = sample(Arrays.copyOf(other, count), input.seed() + f);
    }
    for (int row = 0; row < n; row++) {
      scores[row] = score(z[fold[row]], logLrX[row], logGamma);
    }
    return scores;
  }

  private ReferenceStatistics.RowSignal probability() {
    double temperature = parameters.temperature();
    return (outputs, row) -> Math.exp(outputs.logTrueClassProbability(row, temperature));
  }

  /** {@code log LR(z)} of every population row, each from the reference models it is OUT for. */
  private double[] populationLogRatios(AttackInput input) throws BadInputException {
    PopulationOutputs population = input.population();
    int refs = input.references().numModels();
    if (population.references().size() != refs) {
      throw new BadInputException(
          "attack '"
              + info.name()
              + "': population rows are scored by "
              + population.references().size()
              + " reference models but the audit rows by "
              + refs
              + "; every reference model must score the population rows");
    }
    ReferenceStatistics stats =
        ReferenceStatistics.of(population.referenceOutputs(), probability());
    requireOutModels(stats, refs, "population row");
    double[] z = new double[population.numRows()];
    for (int row = 0; row < z.length; row++) {
      z[row] = logLikelihoodRatio(population.target(), row, outMarginal(stats, row));
    }
    return z;
  }

  private void requireOutModels(ReferenceStatistics stats, int models, String what)
      throws BadInputException {
    int rowWithoutOut = stats.out().firstEmptyRow();
    if (rowWithoutOut >= 0) {
      throw new BadInputException(
          "attack '"
              + info.name()
              + "': "
              + what
              + " "
              + rowWithoutOut
              + " has no OUT reference model among the "
              + models
              + " given; RMIA needs a reference model not trained on each row (train reference"
              + " models in complementary pairs)");
    }
  }

  /** {@code (#{z : log LR(z) < log LR(x) - log gamma} + u(log LR(x))) / (|Z| + 1)}. */
  private static double score(double[] ascendingZ, double logLrX, double logGamma) {
    double tieBreak = 0.5 + Math.atan(logLrX) / Math.PI;
    return (countBelow(ascendingZ, logLrX - logGamma) + tieBreak) / (ascendingZ.length + 1.0);
  }

  /** {@code log Pr(row | target) - log marginal}. */
  private double logLikelihoodRatio(ModelOutputs target, int row, double marginal) {
    return target.logTrueClassProbability(row, parameters.temperature()) - Math.log(marginal);
  }

  /** {@code Pr(x)} of an evaluated row: see the class comment. */
  private double evaluatedMarginal(ReferenceStatistics stats, int row) {
    if (mode == Mode.ONLINE && stats.in().count(row) > 0) {
      return 0.5 * (stats.in().mean(row) + stats.out().mean(row));
    }
    return outMarginal(stats, row);
  }

  /** The offline marginal from OUT reference models only. */
  private double outMarginal(ReferenceStatistics stats, int row) {
    double a = parameters.offlineA();
    return 0.5 * ((1.0 + a) * stats.out().mean(row) + (1.0 - a));
  }

  /**
   * The {@code log LR(z)}, sorted: all of them, or {@code maxPopulationSamples} drawn without
   * replacement (Fisher-Yates).
   */
  private double[] sample(double[] logRatios, long seed) {
    int max = parameters.maxPopulationSamples();
    double[] z = logRatios;
    if (max > 0 && max < logRatios.length) {
      z = logRatios.clone();
      Shuffle.prefix(z, max, new SplittableRandom(seed));
      z = Arrays.copyOf(z, max);
    } else {
      z = z.clone();
    }
    Arrays.sort(z);
    return z;
  }

  /** Number of entries of the ascending array strictly below {@code bound}. */
  private static int countBelow(double[] ascending, double bound) {
    int lo = 0;
    int hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] < bound) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
