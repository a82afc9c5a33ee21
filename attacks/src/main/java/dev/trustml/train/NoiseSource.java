package dev.trustml.train;

import java.util.SplittableRandom;

/**
 * Where DP-SGD's Gaussian noise comes from. A seam so tests can replace the Gaussians by a known
 * deterministic sequence and compare lazy with eager noise exactly.
 */
interface NoiseSource {
  /**
   * Adds {@code scale * Z_i} to {@code target[i]} for i in [from, to), where each Z_i is a fresh
   * draw of the sum of {@code k} independent standard normals, i.e. N(0, k).
   */
  void addNoise(double[] target, int from, int to, double scale, long k);

  /**
   * Gaussians from {@link SplittableRandom#nextGaussian()}: McFarland's modified ziggurat (2016),
   * fixed by the {@code @implSpec} of {@code RandomGenerator.nextGaussian()} since Java 17, several
   * times faster than the polar method and reproducible from the seed. The sum of k independent
   * N(0, 1) is drawn as sqrt(k) N(0, 1), which has exactly its law.
   */
  static NoiseSource gaussian(SplittableRandom random) {
    return (target, from, to, scale, k) -> {
      double s = k == 1 ? scale : scale * Math.sqrt(k);
      for (int i = from; i < to; i++) {
        target[i] += s * random.nextGaussian();
      }
    };
  }
}
