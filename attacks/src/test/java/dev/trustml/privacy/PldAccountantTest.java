package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.stats.Normal;
import org.junit.jupiter.api.Test;

/**
 * PLD accountant against published values (dp_accounting, TF Privacy, Opacus) and the exact
 * Gaussian hockey-stick formula; and the property that makes it trustworthy: it never reports less
 * than the exact value. No RDP conversion is involved anywhere in this class.
 */
class PldAccountantTest {
  private final PldAccountant pld = new PldAccountant();

  private static DpSgdParameters params(double q, double sigma, long steps)
      throws BadInputException {
    return DpSgdParameters.of(q, sigma, steps);
  }

  /**
   * Exact delta(eps) of the Gaussian mechanism with sensitivity 1 and noise s (Balle &amp; Wang
   * 2018, "Improving the Gaussian Mechanism for Differential Privacy", Thm 8): Phi(1/(2s) - eps s)
   * - e^eps Phi(-1/(2s) - eps s). T compositions of noise sigma are one Gaussian with s =
   * sigma/sqrt(T).
   */
  private static double balleWangDelta(double eps, double s) {
    return Normal.cdf(0.5 / s - eps * s) - Math.exp(eps + Normal.logCdf(-0.5 / s - eps * s));
  }

  /** The eps solving balleWangDelta(eps, s) = delta, by bisection (delta is decreasing in eps). */
  private static double balleWangEpsilon(double delta, double s) {
    double lo = 0;
    double hi = 1;
    while (balleWangDelta(hi, s) > delta) {
      hi *= 2;
    }
    for (int i = 0; i < 200; i++) {
      double mid = 0.5 * (lo + hi);
      if (balleWangDelta(mid, s) > delta) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }

  // google/differential-privacy,
  // python/dp_accounting/dp_accounting/pld/privacy_loss_mechanism_test.py,
  // GaussianPrivacyLossTest.test_gaussian_get_delta_for_epsilon (exact one-step hockey-stick,
  // standard_deviation, sensitivity, sampling_prob, adjacency, eps -> delta):
  //   (1, 1, 0.8, ADD, 1) -> 0.0231362104090899; (1, 1, 0.8, REMOVE, 1) -> 0.0816951786585355;
  //   (1, 1, 0.3, ADD, 2) -> 0.0;                (1, 1, 0.3, REMOVE, 2) -> 0.0003341102928869332;
  //   (1, 1, 1.0, ADD/REMOVE, 1) -> 0.12693674; (1, 3, 0.7, REMOVE, 1) -> 0.5356298793262404.
  // Our accountant takes the worse direction; at grid points connect-the-dots is exact, so one step
  // must reproduce the REMOVE values to rounding.
  @Test
  void dpAccountingOneStepSubsampledGaussianDeltas() throws Exception {
    assertEquals(
        0.0231362104090899, new SubsampledGaussianLoss(0.8, 1, Adjacency.ADD).exactDelta(1), 1e-15);
    assertEquals(
        0.0816951786585355,
        new SubsampledGaussianLoss(0.8, 1, Adjacency.REMOVE).exactDelta(1),
        1e-15);
    assertEquals(0.0, new SubsampledGaussianLoss(0.3, 1, Adjacency.ADD).exactDelta(2), 0.0);
    assertEquals(
        0.0003341102928869332,
        new SubsampledGaussianLoss(0.3, 1, Adjacency.REMOVE).exactDelta(2),
        1e-15);
    // sensitivity 3, std 1 == noise multiplier 1/3.
    assertEquals(
        0.5356298793262404,
        new SubsampledGaussianLoss(0.7, 1.0 / 3, Adjacency.REMOVE).exactDelta(1),
        1e-14);

    assertEquals(0.0816951786585355, pld.delta(params(0.8, 1, 1), 1), 1e-14);
    assertEquals(0.0003341102928869332, pld.delta(params(0.3, 1, 1), 2), 1e-15);
    assertEquals(0.12693674, pld.delta(params(1.0, 1, 1), 1), 1e-8);
  }

  // dp_accounting pld/pld_privacy_accountant_test.py, test_gaussian_basic: Gaussian
  // noise_multiplier sqrt(3) composed 3 times (= one Gaussian with sigma 1): delta(1) = 0.126936,
  // epsilon(0.126936) = 1 (both within 1e-3 there).
  @Test
  void dpAccountingGaussianBasic() throws Exception {
    DpSgdParameters p = params(1.0, Math.sqrt(3), 3);
    assertEquals(0.126936, pld.delta(p, 1.0), 1e-6);
    assertEquals(1.0, pld.epsilon(p, 0.126936), 1e-4);
  }

  // dp_accounting pld/pld_privacy_accountant_test.py, test_poisson_subsampled_gaussian and
  // test_self_composed_subsampled_gaussian: q=0.2, noise multiplier 0.5, 3 steps:
  // delta(1) = 0.15594, epsilon(0.15594) = 1 (within 1e-3).
  @Test
  void dpAccountingPoissonSubsampledGaussian() throws Exception {
    DpSgdParameters p = params(0.2, 0.5, 3);
    assertEquals(0.15594, pld.delta(p, 1.0), 1e-4);
    assertEquals(1.0, pld.epsilon(p, 0.15594), 1e-3);
  }

  // tensorflow/privacy, tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py,
  // test_compute_dp_sgd_example_privacy, PLD cases (dp_accounting PLDAccountant, h = 1e-4,
  // connect-the-dots; num_epochs=1.2, delta=1e-5):
  //   no_microbatching_with_subsampling_pld: q=0.01, sigma=0.7, 120 steps -> 2.4612381
  //   microbatching_with_subsampling_pld:    q=0.01, sigma=0.35, 120 steps -> 18.6977407
  //   no_microbatching_no_subsampling_pld:   q=1,    sigma=0.7, 2 steps -> 10.1224946
  @Test
  void tfPrivacyExamplePrivacyPldVectors() throws Exception {
    assertEquals(2.4612381, pld.epsilon(params(0.01, 0.7, 120), 1e-5), 1e-5);
    assertEquals(18.6977407, pld.epsilon(params(0.01, 0.35, 120), 1e-5), 1e-5);
    double noSubsampling = pld.epsilon(params(1.0, 0.7, 2), 1e-5);
    assertEquals(10.1224946, noSubsampling, 1e-5);
    // And against the exact Gaussian formula: an upper bound, and a tight one.
    double exact = balleWangEpsilon(1e-5, 0.7 / Math.sqrt(2));
    assertTrue(noSubsampling >= exact - 1e-9, noSubsampling + " < exact " + exact);
    assertTrue(noSubsampling - exact < 1e-6, noSubsampling + " vs exact " + exact);
  }

  // pytorch/opacus, opacus/tests/accountants_test.py, AccountingTest.test_prv_accountant:
  // sigma=1.5, q=0.04, 2250 steps, delta=1e-5 -> 6.777395712150674, the PRV accountant's
  // eps_upper (Gopi et al. 2021) with eps_error=0.01. Our upper bound must lie in
  // [eps_upper - 2 eps_error, eps_upper]; RDP on the same run gives 7.329.
  @Test
  void opacusPrvVector() throws Exception {
    DpSgdParameters p = params(0.04, 1.5, 2250);
    double eps = pld.epsilon(p, 1e-5);
    assertTrue(eps <= 6.777395712150674, "eps " + eps);
    assertTrue(eps >= 6.777395712150674 - 0.02, "eps " + eps);
    assertTrue(eps < new RdpAccountant().epsilon(p, 1e-5));
  }

  // Without subsampling the composed PLD is exactly Gaussian: it must match Balle & Wang's
  // formula (above, never below) for any split of the noise into steps.
  @Test
  void matchesExactGaussianWithoutSubsampling() throws Exception {
    double[][] cases = {{2.0, 50, 1e-5}, {5.0, 400, 1e-6}, {1.0, 1, 1e-3}, {100.0, 10000, 1e-8}};
    for (double[] c : cases) {
      DpSgdParameters p = params(1.0, c[0], (long) c[1]);
      double s = c[0] / Math.sqrt(c[1]);
      double exact = balleWangEpsilon(c[2], s);
      double eps = pld.epsilon(p, c[2]);
      assertTrue(eps >= exact - 1e-9, "sigma=" + c[0] + " T=" + c[1] + ": " + eps + " < " + exact);
      assertTrue(eps - exact < 1e-4 * Math.max(1, exact), "sigma=" + c[0] + " T=" + c[1]);
      double delta = pld.delta(p, exact);
      assertTrue(delta >= c[2] * (1 - 1e-9), "delta " + delta + " below exact " + c[2]);
    }
  }

  // Tiny noise without subsampling: the loss range is hundreds wide, so h must be widened to fit
  // the grid cap (here a small cap of 2^16 points to make that happen cheaply); still an upper
  // bound on the exact value, and within the widened grid's resolution.
  @Test
  void tinyNoiseWidensTheGridAndStaysAnUpperBound() throws Exception {
    PldAccountant coarse =
        new PldAccountant(PldAccountant.DEFAULT_DISCRETIZATION_INTERVAL, 1 << 16);
    PldEpsilon result = coarse.epsilonDetailed(params(1.0, 0.05, 1), 1e-5);
    double exact = balleWangEpsilon(1e-5, 0.05);
    assertTrue(result.discretizationInterval() > 0.01, "h " + result.discretizationInterval());
    assertTrue(result.epsilon() >= exact - 1e-9, result.epsilon() + " < exact " + exact);
    assertTrue(
        result.epsilon() - exact < 2 * result.discretizationInterval(),
        result.epsilon() + " vs exact " + exact);
  }

  // One subsampled step: the discretised delta is never below the exact hockey-stick divergence
  // (worse of the two directions), on and between grid points. Off the grid connect-the-dots
  // interpolates linearly in e^eps, a chord above the convex exact curve.
  @Test
  void oneStepDeltaIsAnUpperBoundEverywhere() throws Exception {
    SubsampledGaussianLoss remove = new SubsampledGaussianLoss(0.1, 0.8, Adjacency.REMOVE);
    SubsampledGaussianLoss add = new SubsampledGaussianLoss(0.1, 0.8, Adjacency.ADD);
    double h = PldAccountant.DEFAULT_DISCRETIZATION_INTERVAL;
    DiscretePrivacyLoss removeGrid = remove.discretize(h);
    DiscretePrivacyLoss addGrid = add.discretize(h);
    for (double eps = 0; eps < 4; eps += 0.0123457) {
      double exact = Math.max(remove.exactDelta(eps), add.exactDelta(eps));
      double certified = Math.max(removeGrid.deltaForEpsilon(eps), addGrid.deltaForEpsilon(eps));
      assertTrue(certified >= exact - 1e-15, "eps " + eps + ": " + certified + " < " + exact);
      assertTrue(certified - exact < 1e-7, "eps " + eps + ": loose " + certified + " vs " + exact);
    }
    // The accountant uses the same grid for these parameters.
    DpSgdParameters p = params(0.1, 0.8, 1);
    for (double eps : new double[] {0.01234, 0.5, 1.98765}) {
      double exact = Math.max(remove.exactDelta(eps), add.exactDelta(eps));
      assertTrue(pld.delta(p, eps) >= exact - 1e-15, "eps " + eps);
    }
  }

  @Test
  void pldIsTighterThanRdpOnTypicalSettings() throws Exception {
    RdpAccountant rdp = new RdpAccountant();
    double[][] settings = {
      {0.01, 1.0, 1000, 1e-5}, {0.001, 0.8, 10000, 1e-6}, {0.1, 2.0, 500, 1e-5}
    };
    for (double[] s : settings) {
      DpSgdParameters p = params(s[0], s[1], (long) s[2]);
      double viaPld = pld.epsilon(p, s[3]);
      double viaRdp = rdp.epsilon(p, s[3]);
      assertTrue(viaPld < viaRdp, "PLD " + viaPld + " not below RDP " + viaRdp);
      assertTrue(viaPld > 0.5 * viaRdp, "PLD " + viaPld + " implausibly far below RDP " + viaRdp);
    }
  }

  @Test
  void epsilonIsMonotone() throws Exception {
    double previous = Double.POSITIVE_INFINITY;
    for (double sigma : new double[] {0.7, 1.0, 1.5}) {
      double eps = pld.epsilon(params(0.02, sigma, 100), 1e-5);
      assertTrue(eps < previous, "more noise must not cost more: sigma " + sigma);
      previous = eps;
    }
    previous = 0;
    for (long steps : new long[] {1, 10, 100}) {
      double eps = pld.epsilon(params(0.02, 1.0, steps), 1e-5);
      assertTrue(eps > previous, "more steps must cost more: " + steps);
      previous = eps;
    }
    previous = 0;
    for (double q : new double[] {0.001, 0.01, 0.1, 1.0}) {
      double eps = pld.epsilon(params(q, 2.0, 10), 1e-5);
      assertTrue(eps > previous, "higher sampling rate must cost more: " + q);
      previous = eps;
    }
    DpSgdParameters p = params(0.02, 1.0, 100);
    previous = 0;
    for (double delta : new double[] {1e-3, 1e-5, 1e-7}) {
      double eps = pld.epsilon(p, delta);
      assertTrue(eps > previous, "smaller delta must cost more epsilon: " + delta);
      previous = eps;
    }
  }

  @Test
  void largeNoiseKeepsAFineGrid() throws Exception {
    // Huge sigma: one step's loss range is far below the default h; the grid shrinks with it so
    // the bound stays tight (exact: sqrt(T)/sigma scale, Balle & Wang).
    DpSgdParameters p = params(1.0, 1e4, 100);
    double exact = balleWangEpsilon(1e-5, 1e4 / 10);
    PldEpsilon result = pld.epsilonDetailed(p, 1e-5);
    assertTrue(result.discretizationInterval() < PldAccountant.DEFAULT_DISCRETIZATION_INTERVAL);
    assertTrue(result.epsilon() >= exact - 1e-12);
    assertTrue(result.epsilon() < 1.01 * exact, result.epsilon() + " vs exact " + exact);
    // The grid keeps MIN_POINTS_PER_STEP points across one step's loss range, which spans outputs
    // from 9 standard deviations below the mean 0 to 9 above the mean 1. Without subsampling the
    // loss at output x is (2x - 1)/(2 s^2), so the range is (2 + 36 s)/(2 s^2) = (1 + 18 s)/s^2.
    double s = 1e4;
    double range = (1 + 18 * s) / (s * s);
    assertEquals(
        range / PldAccountant.MIN_POINTS_PER_STEP,
        result.discretizationInterval(),
        1e-12 * result.discretizationInterval());
  }

  @Test
  void rejectsBadDeltaAndEpsilon() throws Exception {
    DpSgdParameters p = params(0.04, 1.5, 10);
    assertThrows(BadInputException.class, () -> pld.epsilon(p, 2));
    assertThrows(BadInputException.class, () -> pld.epsilon(p, 0));
    assertThrows(BadInputException.class, () -> pld.delta(p, -1));
    assertThrows(BadInputException.class, () -> pld.delta(p, Double.NaN));
  }

  // A grid cap far below what a long composition needs: h is widened (proportionally to the
  // overshoot) until the composed window fits. The result stays an upper bound on the exact
  // Gaussian epsilon (4.653) and loosens with the coarser grid: measured 4.786 at h = 0.018 with
  // 1024 points, 4.661 at h = 0.0045 with 4096, 4.653 with the default cap.
  @Test
  void longCompositionsWidenTheGridToFitTheCap() throws Exception {
    PldAccountant capped = new PldAccountant(PldAccountant.DEFAULT_DISCRETIZATION_INTERVAL, 1024);
    PldEpsilon result = capped.epsilonDetailed(params(1.0, 30, 1000), 1e-5);
    double exact = balleWangEpsilon(1e-5, 30 / Math.sqrt(1000));
    double h = result.discretizationInterval();
    assertTrue(h > 1e-3 && h < 0.05, "h " + h);
    assertTrue(result.epsilon() >= exact - 1e-9, result.epsilon() + " < exact " + exact);
    assertTrue(result.epsilon() - exact < 10 * h, result.epsilon() + " vs exact " + exact);
  }

  @Test
  void gridSettingsAreCheckedAndShown() {
    for (double h : new double[] {0, 1, -1e-4, Double.NaN}) {
      assertEquals(
          "discretization interval must be in (0, 1), got " + h,
          assertThrows(IllegalArgumentException.class, () -> new PldAccountant(h, 1 << 20))
              .getMessage());
    }
    assertEquals(
        "maxGridPoints must be >= 1024, got 1023",
        assertThrows(IllegalArgumentException.class, () -> new PldAccountant(1e-4, 1023))
            .getMessage());
    assertEquals(
        "PldAccountant[h=0.001, maxGridPoints=1024]", new PldAccountant(1e-3, 1024).toString());
    assertEquals("PldAccountant[h=1.0E-4, maxGridPoints=2097152]", pld.toString());
    assertEquals(AccountantKind.PLD, pld.kind());
  }
}
