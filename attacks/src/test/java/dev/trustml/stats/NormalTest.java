package dev.trustml.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values: mpmath 1.3.0 at 40 digits ({@code mp.ncdf}, {@code log(mp.ncdf)}, {@code
 * sqrt(2)*erfinv(2p-1)}, {@code findroot(ncdf(z) - 1e-300)}), cross-checked with scipy 1.17.1
 * {@code scipy.stats.norm.cdf/logcdf/ppf}; and the published values each former caller of a
 * separate normal implementation (LiRA, the canary's skew-normal, privacy accounting) was tested
 * with.
 */
public class NormalTest {
  /**
   * Phi(z) reference values from stan-dev/math test/unit/math/prim/prob/normal_cdf_log_test.cpp,
   * TEST(ProbNormal, lcdf_tails) (printed to 15 significant digits). Also the skew-normal's tests'
   * table ({@code SkewNormalTest}: a skew normal of shape 0 is this distribution).
   */
  public static final double[][] PHI = {
    {-37.5, 4.60535300958196e-308},
    {-30, 4.90671392714819e-198},
    {-20, 2.75362411860623e-89},
    {-10, 7.61985302416053e-24},
    {-5, 2.86651571879194e-07},
    {-2.5, 0.00620966532577613},
    {-1, 0.158655253931457},
    {0, 0.5},
    {0.5, 0.691462461274013},
    {2, 0.977249868051821},
    {5, 0.999999713348428},
  };

  /**
   * Where the cdf switches from the series of erfc to its continued fraction: x = -z/sqrt 2 = 1.5.
   */
  private static final double FRACTION_FROM = -1.5 * Math.sqrt(2);

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
  void cdfAndLogCdfMatchStanTable() {
    for (double[] row : PHI) {
      double z = row[0];
      double expected = row[1];
      assertEquals(expected, Normal.cdf(z), 2e-14 * expected, "Phi(" + z + ")");
      double log = Math.log(expected);
      assertEquals(log, Normal.logCdf(z), 2e-14 * Math.max(1, Math.abs(log)), "ln Phi(" + z + ")");
    }
  }

  /** Far out the split exp(-hi^2/2) exp(...) must neither overflow nor give NaN. */
  @Test
  void extremeArgumentsGiveTheLimits() {
    for (double z : new double[] {-1e6, -1e200, Double.NEGATIVE_INFINITY}) {
      assertEquals(0.0, Normal.cdf(z), 0.0, "z=" + z);
      assertEquals(1.0, Normal.cdf(-z), 0.0, "z=" + -z);
      assertEquals(0.0, Normal.logCdf(-z), 0.0, "z=" + -z);
    }
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logCdf(Double.NEGATIVE_INFINITY));
    // Around the last representable tail probabilities, still decreasing and never negative.
    double previous = Normal.cdf(-38.0);
    for (double z = -38.01; z > -39.5; z -= 0.01) {
      double p = Normal.cdf(z);
      assertTrue(p >= 0 && p <= previous, "z=" + z);
      previous = p;
    }
  }

  /**
   * Normal CDF values published in dp_accounting pld/privacy_loss_mechanism_test.py
   * (GaussianPrivacyLossTest, mu_upper_cdf cases), which the privacy accountants were checked with.
   */
  @Test
  void cdfMatchesDpAccountingValues() {
    assertEquals(7.61985302416047e-24, Normal.cdf(-10), 1e-13 * 7.6e-24);
    assertEquals(2.866515718791933e-07, Normal.cdf(-5), 1e-14 * 2.9e-7);
    assertEquals(0.8413447460685429, Normal.cdf(1), 3e-16);
    assertEquals(0.9772498680518208, Normal.cdf(2), 3e-16);
    assertEquals(0.6914624612740131, Normal.cdf(0.5), 3e-16);
  }

  /**
   * ln Phi(-t) = -t^2/2 - ln(t sqrt(2 pi)) + ln(1 - 1/t^2 + 3/t^4 - 15/t^6 + 105/t^8 ...), the
   * truncation error below the next term 945/t^10 (Abramowitz &amp; Stegun 26.2.12), where Phi
   * itself has long underflowed.
   */
  @Test
  void logCdfFollowsTheAsymptoticSeriesBeyondUnderflow() {
    for (double t : new double[] {40, 50, 100, 1e3, 1e5}) {
      double u = 1 / (t * t);
      double series = 1 - u * (1 - 3 * u * (1 - 5 * u * (1 - 7 * u)));
      double expected = -0.5 * t * t - Math.log(t) - 0.5 * Math.log(2 * Math.PI) + Math.log(series);
      assertRelative(expected, Normal.logCdf(-t), 1e-13);
      assertRelative(expected, Normal.logSf(t), 1e-13);
    }
  }

  @Test
  void logCdfIsContinuousWhereSeriesAndFractionMeet() {
    for (double z : new double[] {FRACTION_FROM, -FRACTION_FROM}) {
      double below = Normal.logCdf(z - 1e-12);
      double above = Normal.logCdf(z + 1e-12);
      double slope = Math.exp(Normal.logPdf(z) - Normal.logCdf(z));
      assertEquals(below + 2e-12 * slope, above, 1e-15 * Math.max(1, Math.abs(below)), "z=" + z);
    }
  }

  /**
   * Upper-tail probabilities Q(t) (Abramowitz &amp; Stegun 26.2; the same values as
   * scipy.stats.norm.sf and 0.5*math.erfc(t/sqrt(2)) to ~1e-15): LiRA's offline score is -ln Q.
   */
  @Test
  void logSurvivalMatchesTable() {
    double[][] table = {
      {0.0, 0.5},
      {1.0, 0.15865525393145707},
      {2.0, 0.022750131948179195},
      {3.0, 0.0013498980316301},
      {5.0, 2.866515718791939e-7},
      {10.0, 7.619853024160527e-24},
      {-1.0, 0.8413447460685429},
      {-3.0, 0.9986501019683699},
    };
    for (double[] entry : table) {
      assertEquals(Math.log(entry[1]), Normal.logSf(entry[0]), 1e-13, "t=" + entry[0]);
    }
  }

  /** LiRA ranks rows by -ln Q: it must never go up, nor leave the finite range, however far out. */
  @Test
  void logSurvivalIsMonotoneAndFinite() {
    double previous = 0.0;
    for (int i = -4_000; i <= 40_000; i++) {
      double t = i / 100.0;
      double v = Normal.logSf(t);
      assertTrue(v <= previous && v <= 0.0 && Double.isFinite(v), "t=" + t);
      previous = v;
    }
    assertEquals(0.0, Normal.logSf(-40), 0.0);
  }

  @Test
  void probabilitiesBetweenCutsAddUpAndKeepTheFarTail() {
    double[] cuts = {
      Double.NEGATIVE_INFINITY, -7, -2.5, -0.3, 0.4, 3.1, 8, Double.POSITIVE_INFINITY
    };
    double total = 0;
    for (int i = 0; i + 1 < cuts.length; i++) {
      total += Math.exp(Normal.logProbabilityBetween(cuts[i], cuts[i + 1]));
    }
    assertEquals(1.0, total, 1e-15);
    // A narrow interval in the far tail, where a difference of CDFs near 1 would lose everything:
    // Simpson's rule on [8, 8.001] is exact to ~1e-15 relative.
    double narrow = Math.exp(Normal.logProbabilityBetween(8, 8.001));
    double simpson = 1e-3 / 6 * (Normal.pdf(8) + 4 * Normal.pdf(8.0005) + Normal.pdf(8.001));
    assertRelative(simpson, narrow, 1e-9);
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logProbabilityBetween(1, 1));
  }

  @Test
  void narrowIntervalsInEitherTailKeepTheirDigits() {
    // Mirror images of each other: both are differences of two tiny tail probabilities (a
    // difference of CDFs near 1 would lose everything). Simpson's rule on a width of 1e-3.
    double upper = Math.exp(Normal.logProbabilityBetween(8, 8.001));
    double lower = Math.exp(Normal.logProbabilityBetween(-8.001, -8));
    double simpson =
        1e-3
            / 6
            * (Math.exp(Normal.logPdf(8))
                + 4 * Math.exp(Normal.logPdf(8.0005))
                + Math.exp(Normal.logPdf(8.001)));
    assertEquals(simpson, lower, 1e-9 * simpson);
    assertEquals(upper, lower, 1e-12 * upper);
    // An empty or reversed interval has probability 0 (log -inf), never NaN.
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logProbabilityBetween(1e10, 1e10));
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logProbabilityBetween(2, 1));
    assertTrue(Double.isNaN(Normal.cdf(Double.NaN)));
    assertTrue(Double.isNaN(Normal.logCdf(Double.NaN)));
    assertEquals(Double.NEGATIVE_INFINITY, Normal.logCdf(Double.NEGATIVE_INFINITY));
  }

  @Test
  void logCdfShiftMatchesTheDifferenceWhereThatIsAccurate() {
    for (double t : new double[] {-6, -3, -1, 0.5, 2}) {
      for (double w : new double[] {-0.7, 0.01, 0.3, 2.5}) {
        double direct = Normal.logCdf(t - w) - Normal.logCdf(t);
        assertEquals(direct, Normal.logCdfShift(t, w), 1e-13, "t=" + t + " w=" + w);
      }
    }
  }

  /**
   * Far out, ln Phi(t) is about -t^2/2 and a plain difference of two such logs would keep no digit
   * of a small shift; by the asymptotic series ln Phi(y) = -y^2/2 - ln(-y sqrt(2 pi)) + ln S(y),
   * S(y) = 1 - 1/y^2 + 3/y^4 - ... (Abramowitz &amp; Stegun 26.2.12), the shift is t w - w^2/2 -
   * ln((t - w)/t) + ln(S(t - w)/S(t)).
   */
  @Test
  void logCdfShiftKeepsSmallShiftsFarInTheTail() {
    double t = -1e4;
    for (double w : new double[] {1e-6, 0.5, 3}) {
      double s = t - w;
      double expected =
          t * w - 0.5 * w * w - Math.log(s / t) + Math.log(series(s)) - Math.log(series(t));
      assertRelative(expected, Normal.logCdfShift(t, w), 1e-12);
    }
  }

  private static double series(double t) {
    double u = 1 / (t * t);
    return 1 - u * (1 - 3 * u * (1 - 5 * u));
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
