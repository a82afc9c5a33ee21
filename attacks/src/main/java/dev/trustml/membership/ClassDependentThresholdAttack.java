package dev.trustml.membership;

import dev.trustml.error.BadInputException;

/**
 * Class-dependent threshold attack: the threshold attack on a signal with one threshold per true
 * class, expressed as one global threshold on a per-class calibrated score.
 *
 * <p>Why: classes differ in difficulty, so a class whose examples all have low loss would be
 * flagged wholesale by a global loss threshold while a hard class would never be. Song &amp; Mittal
 * (2021, "class-dependent thresholds" of their metric-based attacks) therefore pick the threshold
 * {@code tau_c} per class {@code c}. Here the score of a row of class {@code c} is standardised
 * against that class: {@code (s - mean_c) / sd_c}. Thresholding it at one global {@code t} equals
 * thresholding the raw signal at {@code tau_c = mean_c + t * sd_c} in each class, so the
 * evaluation's single threshold sweep explores class-dependent thresholds, and a per-class offset
 * in the signal cancels. Unlike Song &amp; Mittal, who tune {@code tau_c} on shadow models, the
 * calibration needs no labelled members, and standardisation keeps every row's within-class order
 * (no ties are introduced).
 *
 * <p>Calibration rows are never the evaluated rows and never use membership: the population rows
 * (known non-members scored by the target) when the input has them, so that {@code t} counts
 * non-member standard deviations; otherwise the audit rows cross-fitted ({@link CrossFitFolds}):
 * rows of one fold are standardised with the moments of the other fold. A class with fewer than two
 * calibration rows, or with zero spread, is calibrated with the mean and standard deviation of all
 * calibration rows instead (no class-specific correction is possible).
 */
public final class ClassDependentThresholdAttack implements Attack {
  private final ThresholdSignal signal;
  private final AttackInfo info;

  public ClassDependentThresholdAttack(ThresholdSignal signal) {
    this.signal = signal;
    this.info =
        new AttackInfo(
            signal.cliName() + "-class",
            signal.threatModel(),
            signal.requirements(),
            Citations.SONG_MITTAL_2021,
            signal.description()
                + ", standardised per true class (population rows if given, else the other"
                + " cross-fitting fold)");
  }

  public ThresholdSignal signal() {
    return signal;
  }

  @Override
  public AttackInfo info() {
    return info;
  }

  @Override
  public double[] score(AttackInput input) throws BadInputException {
    Requirement.check(info, input);
    ModelOutputs target = input.target();
    double[] raw = signal.memberScores(target);
    double[] scores = new double[raw.length];
    if (input.hasPopulation()) {
      ClassMoments moments = ClassMoments.of(signal, input.population().target());
      for (int row = 0; row < raw.length; row++) {
        scores[row] = moments.standardise(raw[row], target.label(row));
      }
      return scores;
    }
    byte[] fold = CrossFitFolds.assign(raw.length, input.seed());
    ClassMoments[] byFold = {
      ClassMoments.of(raw, target, fold, (byte) 1), ClassMoments.of(raw, target, fold, (byte) 0)
    };
    for (int row = 0; row < raw.length; row++) {
      scores[row] = byFold[fold[row]].standardise(raw[row], target.label(row));
    }
    return scores;
  }

  /** Per-class mean and (population) standard deviation, with the global fallback. */
  private static final class ClassMoments {
    private static final int MIN_ROWS_PER_CLASS = 2;
    private final double[] mean;
    private final double[] sd;

    private ClassMoments(double[] mean, double[] sd) {
      this.mean = mean;
      this.sd = sd;
    }

    /** Moments of the rows of fold {@code from}. */
    static ClassMoments of(double[] signalValues, ModelOutputs rows, byte[] fold, byte from) {
      Welford[] perClass = newAccumulators(rows.numClasses());
      Welford all = new Welford();
      for (int row = 0; row < signalValues.length; row++) {
        if (fold[row] == from) {
          perClass[rows.label(row)].add(signalValues[row]);
          all.add(signalValues[row]);
        }
      }
      return finish(perClass, all);
    }

    static ClassMoments of(ThresholdSignal signal, ModelOutputs rows) {
      Welford[] perClass = newAccumulators(rows.numClasses());
      Welford all = new Welford();
      for (int row = 0; row < rows.numRows(); row++) {
        double s = signal.memberScore(rows, row);
        perClass[rows.label(row)].add(s);
        all.add(s);
      }
      return finish(perClass, all);
    }

    private static Welford[] newAccumulators(int numClasses) {
      Welford[] acc = new Welford[numClasses];
      for (int c = 0; c < numClasses; c++) {
        acc[c] = new Welford();
      }
      return acc;
    }

    private static ClassMoments finish(Welford[] perClass, Welford all) {
      double globalSd = all.sd() > 0.0 ? all.sd() : 1.0;
      double[] mean = new double[perClass.length];
      double[] sd = new double[perClass.length];
      for (int c = 0; c < perClass.length; c++) {
        Welford w = perClass[c];
        if (w.count() >= MIN_ROWS_PER_CLASS && w.sd() > 0.0) {
          mean[c] = w.mean();
          sd[c] = w.sd();
        } else {
          mean[c] = all.mean();
          sd[c] = globalSd;
        }
      }
      return new ClassMoments(mean, sd);
    }

    double standardise(double value, int c) {
      return (value - mean[c]) / sd[c];
    }
  }
}
