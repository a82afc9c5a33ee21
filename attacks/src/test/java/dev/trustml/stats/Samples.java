package dev.trustml.stats;

import java.util.SplittableRandom;

/** Seeded synthetic score sets with known closed forms, shared by the tests. */
final class Samples {
  private Samples() {}

  /** Members ~ N(shift, 1), non-members ~ N(0, 1); members first. */
  static double[] gaussianScores(int members, int nonMembers, double shift, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] scores = new double[members + nonMembers];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = random.nextGaussian() + (i < members ? shift : 0.0);
    }
    return scores;
  }

  /** Truth vector for {@link #gaussianScores}: the first `members` rows are members. */
  static boolean[] firstAreMembers(int members, int nonMembers) {
    boolean[] truth = new boolean[members + nonMembers];
    for (int i = 0; i < members; i++) {
      truth[i] = true;
    }
    return truth;
  }

  /** A Laplace(0, scale) draw by inversion. */
  static double laplace(SplittableRandom random, double scale) {
    double u = random.nextDouble() - 0.5;
    return -scale * Math.signum(u) * Math.log(1.0 - 2.0 * Math.abs(u));
  }
}
