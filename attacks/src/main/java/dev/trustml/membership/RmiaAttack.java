package dev.trustml.membership;

import dev.trustml.error.BadInputException;
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
 * gamma}: the sorted {@code log LR(z)} are searched once per row, O((n + |Z|) log |Z|) time and
 * O(|Z|) extra memory instead of the reference code's {@code n x |Z|} ratio matrix.
 *
 * <p>Marginal {@code Pr(x)}:
 *
 * <ul>
 *   <li>{@link Mode#OFFLINE} (OUT models only): {@code Pr(x) = ((1 + a) mean_OUT + (1 - a)) / 2},
 *       the linear approximation {@code Pr_IN ~= a Pr_OUT + (1 - a)} of the paper's offline
 *       appendix and of ml_privacy_meter {@code run_rmia}.
 *   <li>{@link Mode#ONLINE}: {@code Pr(x) = (mean_IN + mean_OUT) / 2}, i.e. the average over
 *       reference models with IN and OUT weighted equally (membership prior 1/2) even when their
 *       counts differ. A row no reference model trained on, in particular every population row
 *       (non-members by definition), has no {@code mean_IN}; it gets the offline estimate so that
 *       {@code LR(x)} and {@code LR(z)} estimate the same quantity.
 * </ul>
 *
 * <p>Every audit row needs at least one OUT reference model; otherwise scoring fails naming the row
 * (train reference models in complementary pairs, as ml_privacy_meter does, so each row is OUT for
 * one of them). Scores are multiples of {@code 1/|Z|} in [0, 1].
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
            ? EnumSet.of(
                Requirement.NEEDS_REFERENCE_MODELS,
                Requirement.NEEDS_IN_REFERENCES,
                Requirement.NEEDS_POPULATION)
            : EnumSet.of(Requirement.NEEDS_REFERENCE_MODELS, Requirement.NEEDS_POPULATION);
    this.info =
        new AttackInfo(
            mode == Mode.ONLINE ? "rmia" : "rmia-offline",
            ThreatModel.REFERENCE_MODELS,
            requirements,
            Citations.ZARIFZADEH_2024,
            "fraction of population rows z with LR(x)/LR(z) > gamma, LR = Pr(x|target)/Pr(x)"
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
    double temperature = parameters.temperature();
    ReferenceStatistics.RowSignal probability =
        (outputs, row) -> Math.exp(outputs.logTrueClassProbability(row, temperature));

    ReferenceOutputs references = input.references();
    ReferenceStatistics audit = ReferenceStatistics.of(references, probability);
    int rowWithoutOut = audit.out().firstEmptyRow();
    if (rowWithoutOut >= 0) {
      throw new BadInputException(
          "attack '"
              + info.name()
              + "': audit row "
              + rowWithoutOut
              + " has no OUT reference model among the "
              + references.numModels()
              + " given; RMIA needs a reference model not trained on each row (train reference"
              + " models in complementary pairs)");
    }

    PopulationOutputs population = input.population();
    ReferenceStatistics popStats =
        ReferenceStatistics.ofNonMembers(population.references(), probability);
    int[] zRows =
        populationSample(population.numRows(), parameters.maxPopulationSamples(), input.seed());
    double[] zLogRatios = new double[zRows.length];
    for (int k = 0; k < zRows.length; k++) {
      zLogRatios[k] = logLikelihoodRatio(population.target(), zRows[k], popStats);
    }
    Arrays.sort(zLogRatios);

    double logGamma = Math.log(parameters.gamma());
    ModelOutputs target = input.target();
    double[] scores = new double[target.numRows()];
    for (int row = 0; row < scores.length; row++) {
      double bound = logLikelihoodRatio(target, row, audit) - logGamma;
      scores[row] = (double) countBelow(zLogRatios, bound) / zLogRatios.length;
    }
    return scores;
  }

  /** {@code log Pr(row | target) - log Pr(row)}. */
  private double logLikelihoodRatio(ModelOutputs target, int row, ReferenceStatistics stats) {
    return target.logTrueClassProbability(row, parameters.temperature())
        - Math.log(marginal(stats, row));
  }

  /** {@code Pr(x)}: see the class comment. */
  private double marginal(ReferenceStatistics stats, int row) {
    double meanOut = stats.out().mean(row);
    if (mode == Mode.ONLINE && stats.in().count(row) > 0) {
      return 0.5 * (stats.in().mean(row) + meanOut);
    }
    double a = parameters.offlineA();
    return 0.5 * ((1.0 + a) * meanOut + (1.0 - a));
  }

  /** All population rows, or {@code max} of them drawn without replacement (Fisher-Yates). */
  private static int[] populationSample(int numRows, int max, long seed) {
    int[] rows = new int[numRows];
    for (int i = 0; i < numRows; i++) {
      rows[i] = i;
    }
    if (max == 0 || max >= numRows) {
      return rows;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < max; i++) {
      int j = i + random.nextInt(numRows - i);
      int tmp = rows[i];
      rows[i] = rows[j];
      rows[j] = tmp;
    }
    return Arrays.copyOf(rows, max);
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
