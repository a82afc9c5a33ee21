package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import org.junit.jupiter.api.Test;

class NoiseCalibratorTest {
  private final RdpAccountant rdp = new RdpAccountant();

  private double rdpEpsilon(double q, double sigma, long steps) throws BadInputException {
    return rdp.epsilon(DpSgdParameters.of(q, sigma, steps), 1e-5);
  }

  /** The returned sigma meets the target and a sigma just below it (beyond tolerance) does not. */
  private static void assertTightAndSafe(
      PrivacyAccountant accountant, double q, long steps, double delta, double target)
      throws BadInputException {
    CalibratedNoise noise = new NoiseCalibrator(accountant).calibrate(q, steps, delta, target);
    double sigma = noise.noiseMultiplier();
    double eps = accountant.epsilon(DpSgdParameters.of(q, sigma, steps), delta);
    assertEquals(eps, noise.epsilon(), 0.0);
    assertTrue(eps <= target, "calibrated sigma " + sigma + " overshoots: eps " + eps);
    double smaller = sigma * (1 - 2 * NoiseCalibrator.DEFAULT_RELATIVE_TOLERANCE);
    double epsSmaller = accountant.epsilon(DpSgdParameters.of(q, smaller, steps), delta);
    assertTrue(epsSmaller > target, "sigma " + smaller + " also meets the target: " + epsSmaller);
  }

  // pytorch/opacus, opacus/tests/accountants_test.py, test_get_noise_multiplier_rdp_steps:
  // q=0.04, target eps 8, delta 1e-5, 2000 steps -> 1.3562 (assertAlmostEqual, 4 places), RDP with
  // Balle 2020 conversion. Opacus' search stops once eps is within epsilon_tolerance=0.01 below the
  // target, so its sigma lies in [1.35615, 1.35625] with eps in [7.99, 8]; ours is the tight one.
  @Test
  void opacusRdpCalibrationBySteps() throws Exception {
    assertTrue(rdpEpsilon(0.04, 1.35615, 2000) <= 8 && rdpEpsilon(0.04, 1.35615, 2000) >= 7.99);
    assertTrue(rdpEpsilon(0.04, 1.35625, 2000) <= 8 && rdpEpsilon(0.04, 1.35625, 2000) >= 7.99);
    CalibratedNoise noise = new NoiseCalibrator(rdp).calibrate(0.04, 2000, 1e-5, 8);
    assertTrue(noise.noiseMultiplier() <= 1.35625, "sigma " + noise.noiseMultiplier());
    assertTrue(noise.noiseMultiplier() >= 1.35625 - 0.002, "sigma " + noise.noiseMultiplier());
    assertTightAndSafe(rdp, 0.04, 2000, 1e-5, 8);
  }

  // Same file, test_get_noise_multiplier_rdp_epochs: 90 epochs at q=0.04 (2250 steps) -> 1.416.
  @Test
  void opacusRdpCalibrationByEpochs() throws Exception {
    assertTrue(rdpEpsilon(0.04, 1.41605, 2250) <= 8 && rdpEpsilon(0.04, 1.41595, 2250) >= 7.99);
    CalibratedNoise noise = new NoiseCalibrator(rdp).calibrate(0.04, 2250, 1e-5, 8);
    assertTrue(noise.noiseMultiplier() <= 1.41605, "sigma " + noise.noiseMultiplier());
    assertTrue(noise.noiseMultiplier() >= 1.41605 - 0.002, "sigma " + noise.noiseMultiplier());
  }

  // Opacus accountants_test.py, test_get_noise_multiplier_prv_steps: same budget with the PRV
  // accountant -> 1.2915 (4 places), i.e. PRV's eps upper bound at sigma 1.2915 is in [7.99, 8].
  // A PLD upper bound at that sigma must then also be <= 8 (both bound the same true epsilon
  // tightly), so PLD calibration would need no more noise than Opacus' PRV answer, and clearly less
  // than RDP's 1.3562.
  @Test
  void pldAgreesWithOpacusPrvCalibration() throws Exception {
    PldAccountant pld = new PldAccountant();
    double epsAtPrvSigma = pld.epsilon(DpSgdParameters.of(0.04, 1.29155, 2000), 1e-5);
    assertTrue(epsAtPrvSigma <= 8 && epsAtPrvSigma > 7.95, "eps " + epsAtPrvSigma);
  }

  @Test
  void calibratedSigmaIsTightForBothAccountants() throws Exception {
    assertTightAndSafe(rdp, 0.01, 1000, 1e-5, 1.0);
    assertTightAndSafe(rdp, 0.5, 10, 1e-6, 20.0); // large budget: sigma below 1
    assertTightAndSafe(new PldAccountant(), 0.05, 20, 1e-5, 3.0);
  }

  @Test
  void bracketsThatNeedMoreThanDoublingOnce() throws Exception {
    // A small budget without subsampling: the bracket must double past sigma = 2.
    assertTightAndSafe(rdp, 1.0, 1, 1e-5, 1.0);
    // A large delta: RDP certifies eps = 0 for all large sigma (the Bretagnolle-Huber shortcut
    // of RdpConversion), so the upper end of the bracket has eps = 0, which the log-secant
    // cannot use: the search bisects there.
    assertTightAndSafe(rdp, 1.0, 1, 0.5, 0.01);
  }

  @Test
  void aBudgetMetEvenByTheSmallestNoiseReturnsIt() throws Exception {
    // One step at q = 0.01: even sigma = 0.01 stays below eps = 1e4, so the search halves sigma
    // down to MIN_NOISE_MULTIPLIER and stops there.
    CalibratedNoise noise = new NoiseCalibrator(rdp).calibrate(0.01, 1, 1e-5, 1e4);
    assertEquals(NoiseCalibrator.MIN_NOISE_MULTIPLIER, noise.noiseMultiplier(), 0.0);
    assertEquals(
        rdp.epsilon(DpSgdParameters.of(0.01, NoiseCalibrator.MIN_NOISE_MULTIPLIER, 1), 1e-5),
        noise.epsilon(),
        0.0);
    assertTrue(noise.epsilon() <= 1e4);
  }

  @Test
  void unreachableTargetIsABadInputWithOneLine() {
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new NoiseCalibrator(rdp).calibrate(1.0, 1_000_000, 1e-5, 0.01));
    assertTrue(e.getMessage().contains("out of reach"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void toleranceMustBeAFractionStrictlyBetweenZeroAndOne() {
    for (double tolerance : new double[] {0, 1, -0.1, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new NoiseCalibrator(rdp, tolerance));
      assertEquals("relative tolerance must be in (0, 1), got " + tolerance, e.getMessage());
    }
  }

  @Test
  void rejectsBadInputs() {
    NoiseCalibrator calibrator = new NoiseCalibrator(rdp);
    assertThrows(BadInputException.class, () -> calibrator.calibrate(1.5, 100, 1e-5, 1));
    assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 0, 1e-5, 1));
    assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 100, 2, 1));
    assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 100, 1e-5, 0));
    assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 100, 1e-5, Double.NaN));
    assertThrows(
        BadInputException.class,
        () -> calibrator.calibrate(0.1, 100, 1e-5, Double.POSITIVE_INFINITY));
    // Every input is checked before the first accountant call, in argument order.
    BadInputException delta =
        assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 100, 2, 0));
    assertTrue(delta.getMessage().startsWith("delta must be in (0, 1)"), delta.getMessage());
    BadInputException target =
        assertThrows(BadInputException.class, () -> calibrator.calibrate(0.1, 100, 1e-5, -1));
    assertEquals("target epsilon must be a finite number > 0, got -1.0", target.getMessage());
  }
}
