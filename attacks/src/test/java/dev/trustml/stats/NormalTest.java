package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values: mpmath 1.3.0 at 40 digits ({@code mp.ncdf}, {@code log(mp.ncdf)}, {@code
 * sqrt(2)*erfinv(2p-1)}, {@code findroot(ncdf(z) - 1e-300)}), cross-checked with scipy 1.17.1
 * {@code scipy.stats.norm.cdf/logcdf/ppf}.
 */
class NormalTest {
  private static void assertRelative(double expected, double actual, double tolerance) {
    assertEquals(expected, actual, Math.abs(expected) * tolerance, () -> "expected " + expected);
  }

  @Test
  void cdfMatchesReferenceValuesAcrossBodyAndTails() {
    assertRelative(0.8413447460685429, Normal.cdf(1.0), 1e-14);
    assertRelative(0.15865525393145705, Normal.cdf(-1.0), 1e-14);
    assertRelative(0.6914624612740131, Normal.cdf(0.5), 1e-14);
    assertRelative(0.0013498980316300946, Normal.cdf(-3.0), 1e-13);
    assertRelative(7.619853024160525e-24, Normal.cdf(-10.0), 1e-13);
    assertRelative(2.7536241186062337e-89, Normal.cdf(-20.0), 1e-13);
    assertRelative(0.9999997133484281, Normal.cdf(5.0), 1e-15);
    assertEquals(0.5, Normal.cdf(0.0), 0.0);
  }

  @Test
  void logCdfStaysFiniteAndAccurateFarInTheTail() {
    assertRelative(-53.23128515051247, Normal.logCdf(-10.0), 1e-14);
    assertRelative(-804.6084420137538, Normal.logCdf(-40.0), 1e-14);
    assertRelative(-5005.524208694205, Normal.logCdf(-100.0), 1e-14);
    assertRelative(-0.0013508099647481938, Normal.logCdf(3.0), 1e-12);
  }

  @Test
  void ppfMatchesReferenceQuantiles() {
    assertRelative(1.9599639845400538, Normal.ppf(0.975), 1e-14);
    assertRelative(2.3263478740408408, Normal.ppf(0.99), 1e-14);
    assertRelative(3.090232306167813, Normal.ppf(0.999), 1e-14);
    assertRelative(-6.361340902404057, Normal.ppf(1e-10), 1e-14);
    assertRelative(-37.04709629936119923, Normal.ppf(1e-300), 1e-14);
    assertRelative(-0.5244005127080408, Normal.ppf(0.3), 1e-14);
    assertRelative(-1.972961051311885, Normal.ppf(0.02425), 1e-14);
    assertRelative(1.2815515655446006, Normal.ppf(0.9), 1e-14);
    assertEquals(0.0, Normal.ppf(0.5), 1e-16);
    assertEquals(Double.NEGATIVE_INFINITY, Normal.ppf(0.0));
    assertEquals(Double.POSITIVE_INFINITY, Normal.ppf(1.0));
    assertThrows(IllegalArgumentException.class, () -> Normal.ppf(1.5));
  }

  @Test
  void ppfInvertsCdfOnAGrid() {
    for (double z = -30; z <= 8; z += 0.37) {
      double p = Normal.cdf(z);
      // p near 1 carries an absolute rounding error of ulp(p): allow for its effect on z.
      double conditioning = Math.ulp(p) / Normal.pdf(z);
      assertEquals(z, Normal.ppf(p), 1e-12 * Math.max(1, Math.abs(z)) + conditioning, "z=" + z);
    }
  }

  @Test
  void symmetryAndSurvival() {
    for (double z = -6; z <= 6; z += 0.25) {
      assertEquals(1.0, Normal.cdf(z) + Normal.cdf(-z), 1e-15);
      assertEquals(Normal.cdf(-z), Normal.sf(z), 0.0);
    }
    assertRelative(-Normal.ppf(1e-12), Normal.isf(1e-12), 0.0);
  }

  @Test
  void logCdfOfTheUpperBodyKeepsTheTinyTailMass() {
    // ln Phi(z) = log1p(-Phi(-z)) for large z: ln(cdf(z)) would round to 0 there. mpmath 1.3.0.
    assertRelative(-7.6198530241605260704e-24, Normal.logCdf(10.0), 1e-13);
    assertRelative(-9.8658764552437573169e-10, Normal.logCdf(6.0), 1e-13);
    // The body, where ln Phi is taken of the cdf directly.
    assertRelative(-0.36894641528865639307, Normal.logCdf(0.5), 1e-15);
    assertRelative(-1.8410216450092635058, Normal.logCdf(-1.0), 1e-15);
    assertRelative(0.0017225689390536811513, Normal.pdf(3.3), 1e-14);
    assertRelative(-27.200188533204672742, Normal.logPdf(-7.25), 1e-15);
  }

  @Test
  void infinitiesAndNaN() {
    assertEquals(0.0, Normal.cdf(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(1.0, Normal.cdf(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logCdf(Double.NEGATIVE_INFINITY));
    assertEquals(0.0, Normal.logCdf(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(0.0, Normal.pdf(Double.POSITIVE_INFINITY), 0.0);
    assertEquals(0.0, Normal.pdf(Double.NEGATIVE_INFINITY), 0.0);
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logPdf(Double.NEGATIVE_INFINITY));
    assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    assertTrue(Double.isNaN(Normal.logCdf(Double.NaN)));
    assertTrue(Double.isNaN(Normal.ppf(Double.NaN)));
    assertEquals(
        "normal quantile needs p in [0, 1], got -0.1",
        assertThrows(IllegalArgumentException.class, () -> Normal.ppf(-0.1)).getMessage());
  }
}
