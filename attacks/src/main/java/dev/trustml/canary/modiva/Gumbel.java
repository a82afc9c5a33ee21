package dev.trustml.canary.modiva;

import java.util.SplittableRandom;

/** Standard Gumbel draws, from a seeded Java generator so runs are reproducible. */
final class Gumbel {
  private Gumbel() {}

  /** {@code -log(-log U)}, U uniform on (0, 1) (Jang et al. 2017, section 2.1). */
  static double draw(SplittableRandom random) {
    double u;
    do {
      u = random.nextDouble();
    } while (u == 0); // log(0) would give an infinite draw
    return -Math.log(-Math.log(u));
  }
}
