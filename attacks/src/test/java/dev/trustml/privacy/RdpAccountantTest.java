package dev.trustml.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import org.junit.jupiter.api.Test;

/**
 * RDP accountant against published reference values. Each test names its source (repository, file,
 * test) and the RDP to (epsilon, delta) conversion the source used.
 */
class RdpAccountantTest {

  private static DpSgdParameters params(double q, double sigma, long steps)
      throws BadInputException {
    return DpSgdParameters.of(q, sigma, steps);
  }

  /**
   * Orders of TF Privacy's compute_dp_sgd_privacy(): [1.25..4.5] + range(5, 64) + [128, 256, 512].
   */
  private static double[] tfPrivacyCliOrders() {
    double[] first = {1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 4.5};
    double[] orders = new double[first.length + 59 + 3];
    System.arraycopy(first, 0, orders, 0, first.length);
    for (int a = 5; a < 64; a++) {
      orders[first.length + a - 5] = a;
    }
    orders[orders.length - 3] = 128;
    orders[orders.length - 2] = 256;
    orders[orders.length - 1] = 512;
    return orders;
  }

  // pytorch/opacus, opacus/tests/accountants_test.py, AccountingTest.test_rdp_accountant:
  // sigma=1.5, q=0.04, steps=int(90/0.04)=2250, delta=1e-5 -> 7.32911117143 (assertAlmostEqual, 7
  // places). Conversion: Balle et al. 2020 (Opacus get_privacy_spent); Opacus DEFAULT_ALPHAS.
  @Test
  void opacusRdpAccountantVector() throws Exception {
    RdpEpsilon result = new RdpAccountant().epsilonWithOrder(params(0.04, 1.5, 2250), 1e-5);
    assertEquals(7.32911117143, result.epsilon(), 5e-8);
  }

  // tensorflow/privacy, tensorflow_privacy/privacy/analysis/compute_dp_sgd_privacy_test.py,
  // test_compute_dp_sgd_privacy Test0/Test1/Test2: (n, batch, sigma, epochs, delta) -> (eps, order)
  // with q = batch/n and steps = ceil(epochs n / batch), via dp_accounting's RdpAccountant.
  // Conversion: Balle et al. 2020 (dp_accounting compute_epsilon, Prop. 12 of arXiv:2004.00010).
  @Test
  void tfPrivacyComputeDpSgdPrivacyVectors() throws Exception {
    RdpAccountant tf = new RdpAccountant(tfPrivacyCliOrders(), RdpConversion.BALLE_2020);

    RdpEpsilon test0 = tf.epsilonWithOrder(params(150 / 60000.0, 1.3, 6000), 1e-5);
    assertEquals(0.7242234026109595, test0.epsilon(), 5e-8);
    assertEquals(19.0, test0.order());

    RdpEpsilon test1 = tf.epsilonWithOrder(params(100 / 100000.0, 1.0, 30000), 1e-7);
    assertEquals(1.4154988495444842, test1.epsilon(), 5e-8);
    assertEquals(13.0, test1.order());

    // sigma = 0.1 and ~1e6 steps: a fractional order (1.25) far out in the series.
    RdpEpsilon test2 = tf.epsilonWithOrder(params(1024 / 1e8, 0.1, 976563), 1e-7);
    assertEquals(5907982.3113984, test2.epsilon(), 5907982.3113984 * 1e-9);
    assertEquals(1.25, test2.order());
  }

  // tensorflow/privacy, compute_dp_sgd_privacy_test.py, test_compute_dp_sgd_example_privacy:
  // num_epochs=1.2, sigma=0.7 (0.35 with microbatching), delta=1e-5, dp_accounting RdpAccountant
  // with DEFAULT_RDP_ORDERS; no subsampling -> q=1, count=ceil(1.2)=2. Conversion: Balle 2020.
  @Test
  void tfPrivacyExamplePrivacyWithoutSubsampling() throws Exception {
    RdpAccountant dpAccounting =
        new RdpAccountant(RdpAccountant.dpAccountingDefaultOrders(), RdpConversion.BALLE_2020);
    assertEquals(10.8602036, dpAccounting.epsilon(params(1.0, 0.7, 2), 1e-5), 1e-7);
    assertEquals(26.2880374, dpAccounting.epsilon(params(1.0, 0.35, 2), 1e-5), 1e-7);
  }

  // Same file, 'no_microbatching_with_subsampling_rdp': q=0.01, count=ceil(1.2/0.01)=120 ->
  // 3.2392676. Since dp_accounting 0b109e9 (2024) fractional orders sum |terms| of the series in
  // Mironov et al. Sec. 3.3, which over-states A_alpha slightly; we sum the signed series (exact,
  // as Opacus does), so we must land at or just below the published value (optimum at order 4.4).
  @Test
  void tfPrivacyExamplePrivacyWithSubsamplingIsAtOrJustBelowAbsSumBound() throws Exception {
    RdpAccountant dpAccounting =
        new RdpAccountant(RdpAccountant.dpAccountingDefaultOrders(), RdpConversion.BALLE_2020);
    double eps = dpAccounting.epsilon(params(0.01, 0.7, 120), 1e-5);
    assertTrue(eps <= 3.2392676 + 1e-7, "eps " + eps);
    assertTrue(eps >= 3.2392676 - 2e-4, "eps " + eps);
  }

  // google/differential-privacy,
  // python/dp_accounting/dp_accounting/rdp/rdp_privacy_accountant_test.py,
  // test_compute_rdp_poisson_sampled_gaussian at commit d51eedc (2022, signed series):
  // q=0.01, sigma=2.5, 50 steps, orders [1.5, 2.5, 5, 50, 100] ->
  // [6.5007e-04, 1.0854e-03, 2.1808e-03, 2.3846e-02, 1.6742e+02] (np.allclose, rtol 1e-4).
  // The current file (after 0b109e9) lists the |terms|-sum upper bounds
  // [6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02]; ours must not
  // exceed them. No conversion involved (raw RDP).
  @Test
  void dpAccountingPoissonSampledGaussianRdpCurve() throws Exception {
    DpSgdParameters p = params(0.01, 2.5, 50);
    double[] orders = {1.5, 2.5, 5, 50, 100};
    double[] signedSeries2022 = {6.5007e-04, 1.0854e-03, 2.1808e-03, 2.3846e-02, 1.6742e+02};
    double[] absSumBound2024 = {
      6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02
    };
    for (int i = 0; i < orders.length; i++) {
      double rdp = RdpAccountant.rdp(p, orders[i]);
      assertEquals(signedSeries2022[i], rdp, 1e-4 * signedSeries2022[i], "order " + orders[i]);
      assertTrue(rdp <= absSumBound2024[i] * (1 + 1e-7), "order " + orders[i] + ": " + rdp);
    }
    // Integer orders have no series truncation: the 2024 values are exact there.
    assertEquals(2.18075656e-03, RdpAccountant.rdp(p, 5), 1e-11);
    assertEquals(1.67416308e02, RdpAccountant.rdp(p, 100), 1e-6);
  }

  // dp_accounting rdp_privacy_accountant_test.py, test_compute_rdp_gaussian: without subsampling
  // the Gaussian mechanism has RDP alpha / (2 sigma^2) (Mironov 2017, Prop. 7).
  @Test
  void unsampledGaussianRdpIsClosedForm() throws Exception {
    double alpha = 3.14159;
    double sigma = 2.71828;
    assertEquals(
        alpha / (2 * sigma * sigma), RdpAccountant.rdp(params(1.0, sigma, 1), alpha), 1e-15);
    assertEquals(
        7 * alpha / (2 * sigma * sigma), RdpAccountant.rdp(params(1.0, sigma, 7), alpha), 1e-14);
  }

  // dp_accounting rdp_privacy_accountant_test.py, test_compute_epsilon_delta_gaussian: q=1,
  // sigma=4.530877117 is "chosen to obtain exactly (1, 1e-6)-DP" over orders 0.001*i for i in
  // range(1000, 100000); eps(1e-6) = 1 and delta(1) = 1e-6 (7 places). Conversion: Balle 2020.
  // (Order 1.0 is left out: the conversion needs alpha > 1 and dp_accounting skips it too.)
  @Test
  void dpAccountingExactGaussianEpsilonDelta() throws Exception {
    double[] orders = new double[100000 - 1001];
    for (int i = 1001; i < 100000; i++) {
      orders[i - 1001] = 0.001 * i;
    }
    RdpAccountant fine = new RdpAccountant(orders, RdpConversion.BALLE_2020);
    DpSgdParameters p = params(1.0, 4.530877117, 1);
    assertEquals(1.0, fine.epsilon(p, 1e-6), 5e-8);
    assertEquals(1e-6, fine.delta(p, 1.0), 5e-8);
  }

  // dp_accounting rdp_privacy_accountant_test.py, test_compute_epsilon_delta_pure_dp: a constant
  // RDP of 1.1 over orders 2..32 gives eps = 1.32783806176 at order 32 for delta = 1e-5 ("computed
  // by hand"), Balle 2020 conversion; and the inverse gives delta = 1e-5 back.
  @Test
  void dpAccountingPureDpConversion() {
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = 0;
    double bestLogDelta = 0;
    for (int order = 2; order <= 32; order++) {
      double eps = RdpConversion.BALLE_2020.epsilon(order, 1.1, 1e-5);
      if (eps < best) {
        best = eps;
        bestOrder = order;
      }
      bestLogDelta =
          Math.min(bestLogDelta, RdpConversion.BALLE_2020.logDelta(order, 1.1, 1.32783806176));
    }
    assertEquals(1.32783806176, best, 5e-8);
    assertEquals(32, bestOrder);
    assertEquals(1e-5, Math.exp(bestLogDelta), 5e-8);
  }

  // tensorflow/privacy, tutorials/README.md (commit 4f9cc8e, 2019-01-23):
  // "compute_dp_sgd_privacy.py
  // --N=60000 --batch_size=256 --noise_multiplier=1.1 --epochs=60 --delta=1e-5 ... satisfies
  // differential privacy with eps = 3.01" (printed with 3 significant digits). That script used
  // the CLASSIC conversion eps = rdp - log(delta)/(alpha - 1) (rdp_accountant._compute_eps at that
  // commit), orders [1.25, ..., 4.5] + range(5, 64) + [128, 256, 512], steps = ceil(60 N / 256).
  // The README's table (same file) reports for the MNIST tutorial (orders [1 + x/10] + range(12,
  // 64), steps = epochs * (60000 // 256)): sigma 1.3, 15 epochs -> 1.19; sigma 0.7, 45 epochs ->
  // 7.10.
  @Test
  void tfPrivacyReadmeVectorsUseClassicConversion() throws Exception {
    RdpAccountant cli = new RdpAccountant(tfPrivacyCliOrders(), RdpConversion.MIRONOV_2017);
    double q = 256 / 60000.0;
    long steps = (long) Math.ceil(60 * 60000 / 256.0);
    assertEquals(3.01, cli.epsilon(params(q, 1.1, steps), 1e-5), 0.005);

    RdpAccountant tutorial =
        new RdpAccountant(RdpAccountant.opacusDefaultOrders(), RdpConversion.MIRONOV_2017);
    assertEquals(1.19, tutorial.epsilon(params(q, 1.3, 15 * 234), 1e-5), 0.005);
    assertEquals(7.10, tutorial.epsilon(params(q, 0.7, 45 * 234), 1e-5), 0.005);

    // The improved conversion is never worse than the classic one on the same curve.
    RdpAccountant improved = new RdpAccountant(tfPrivacyCliOrders(), RdpConversion.BALLE_2020);
    assertTrue(improved.epsilon(params(q, 1.1, steps), 1e-5) < 3.0);
  }

  // log A_alpha (Mironov et al. 2019, Sec. 3.3) against direct numerical integration of
  // E_{z~N(0,s^2)}[((1-q) + q e^((2z-1)/(2s^2)))^alpha] with mpmath.quad at 50 digits, for the
  // parameter sets of dp_accounting's test_compute_log_a_equals_mp
  // (rdp_privacy_accountant_test.py),
  // which performs the same comparison (rtol 1e-4 there). Not published numbers: an independent
  // method, computed once offline.
  @Test
  void logAMatchesMultiPrecisionQuadrature() {
    double[][] cases = { // q, sigma, order, log A by quadrature
      {1e-7, 0.1, 1.01, 4.0034123225263986e-8},
      {1e-6, 0.1, 256, 3260463.2292971608},
      {1e-5, 0.1, 256.1, 3263607.0397884213},
      {1e-6, 1, 27, 8.7695113048484979e-10},
      {1e-4, 1.0, 1.5, 6.4426869538366497e-9},
      {1e-3, 1.0, 2, 1.7182803522145154e-6},
      {0.01, 10, 20, 0.00019129699912842963},
      {0.1, 100, 20.5, 0.00019991818458068296},
      {0.99, 0.1, 256, 3263997.4271140211},
      {0.999, 100, 256.1, 3.2601080379731127},
    };
    for (double[] c : cases) {
      double order = c[2];
      double logA =
          order == Math.rint(order)
              ? SampledGaussianRdp.logAIntegerOrder(c[0], c[1], (long) order)
              : SampledGaussianRdp.logAFractionalOrder(c[0], c[1], order);
      assertEquals(c[3], logA, 1e-13 + 1e-8 * Math.abs(c[3]), "q=" + c[0] + " s=" + c[1]);
    }
  }

  @Test
  void epsilonIsMonotoneInEveryParameter() throws Exception {
    RdpAccountant rdp = new RdpAccountant();
    double previous = Double.POSITIVE_INFINITY;
    for (double sigma : new double[] {0.5, 0.7, 1.0, 1.5, 2.0, 4.0, 10.0}) {
      double eps = rdp.epsilon(params(0.01, sigma, 1000), 1e-5);
      assertTrue(eps < previous, "more noise must not cost more: sigma " + sigma);
      previous = eps;
    }
    previous = 0;
    for (long steps : new long[] {1, 10, 100, 1000, 10000, 100000}) {
      double eps = rdp.epsilon(params(0.01, 1.0, steps), 1e-5);
      assertTrue(eps > previous, "more steps must cost more: " + steps);
      previous = eps;
    }
    previous = 0;
    for (double q : new double[] {1e-4, 1e-3, 0.01, 0.1, 0.5, 1.0}) {
      double eps = rdp.epsilon(params(q, 1.0, 100), 1e-5);
      assertTrue(eps > previous, "higher sampling rate must cost more: " + q);
      previous = eps;
    }
    previous = 0;
    for (double delta : new double[] {1e-2, 1e-4, 1e-6, 1e-8, 1e-10}) {
      double eps = rdp.epsilon(params(0.01, 1.0, 1000), delta);
      assertTrue(eps > previous, "smaller delta must cost more epsilon: " + delta);
      previous = eps;
    }
  }

  @Test
  void deltaInvertsEpsilon() throws Exception {
    RdpAccountant rdp = new RdpAccountant();
    DpSgdParameters p = params(0.04, 1.5, 2250);
    double eps = rdp.epsilon(p, 1e-5);
    // Both are minima over the same orders of a monotone relation, so they invert each other.
    assertEquals(1e-5, rdp.delta(p, eps), 1e-5 * 1e-6);
  }

  @Test
  void rejectsBadDelta() throws Exception {
    RdpAccountant rdp = new RdpAccountant();
    DpSgdParameters p = params(0.04, 1.5, 10);
    for (double delta : new double[] {0, 1, 2, -1e-5, Double.NaN}) {
      BadInputException e = assertThrows(BadInputException.class, () -> rdp.epsilon(p, delta));
      assertTrue(e.getMessage().contains("delta"), e.getMessage());
    }
  }

  @Test
  void ordersMustBeFiniteAndAboveOne() {
    for (double order : new double[] {1.0, 0.5, Double.POSITIVE_INFINITY, Double.NaN}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> new RdpAccountant(new double[] {2, order}, RdpConversion.BALLE_2020));
      assertEquals("RDP orders must be finite and > 1, got " + order, e.getMessage());
    }
    IllegalArgumentException none =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RdpAccountant(new double[0], RdpConversion.BALLE_2020));
    assertEquals("at least one RDP order is needed", none.getMessage());
    // Just above 1 is a valid order (its bound is useless but harmless).
    assertEquals(
        1,
        new RdpAccountant(new double[] {Math.nextUp(1.0)}, RdpConversion.MIRONOV_2017)
            .orders()
            .length);
  }

  @Test
  void describesItsGridAndKeepsItPrivate() {
    RdpAccountant rdp = new RdpAccountant();
    assertEquals(RdpConversion.BALLE_2020, rdp.conversion());
    assertEquals(AccountantKind.RDP, rdp.kind());
    double[] orders = rdp.orders();
    assertArrayEquals(RdpAccountant.opacusDefaultOrders(), orders);
    assertEquals(151, orders.length);
    orders[0] = 1000; // a copy: the accountant's grid does not change
    assertEquals(1.1, rdp.orders()[0], 0.0);
    assertEquals("RdpAccountant[151 orders [1.1, 63.0], BALLE_2020]", rdp.toString());
    double[] dp = RdpAccountant.dpAccountingDefaultOrders();
    assertEquals(156, dp.length);
    assertEquals(10.9, dp[98], 1e-12);
    assertEquals(11.0, dp[99], 0.0);
    assertEquals(63.0, dp[151], 0.0);
    assertEquals(1024.0, dp[155], 0.0);
  }

  @Test
  void noUsableOrderGivesInfinityAndNoOrder() throws Exception {
    // Balle et al.'s conversion is dropped at orders <= 1.01: with only such orders nothing is
    // certified, and no order is reported (RdpEpsilon's contract: NaN if none did).
    RdpAccountant useless = new RdpAccountant(new double[] {1.005, 1.01}, RdpConversion.BALLE_2020);
    RdpEpsilon none = useless.epsilonWithOrder(params(0.01, 1.0, 100), 1e-5);
    assertEquals(Double.POSITIVE_INFINITY, none.epsilon());
    assertTrue(Double.isNaN(none.order()), "order " + none.order());
  }

  @Test
  void deltaRejectsABadEpsilon() throws Exception {
    RdpAccountant rdp = new RdpAccountant();
    DpSgdParameters p = params(0.04, 1.5, 10);
    for (double eps : new double[] {-1, Double.NaN, Double.POSITIVE_INFINITY}) {
      BadInputException e = assertThrows(BadInputException.class, () -> rdp.delta(p, eps));
      assertEquals("epsilon must be a finite number >= 0, got " + eps, e.getMessage());
    }
  }

  // Balle et al.'s conversion is dropped at orders up to 1.01, where it is numerically unstable
  // and useless (dp_accounting's rule); Mironov's is used at any order > 1.
  @Test
  void balleConversionSkipsOrdersUpTo1point01() {
    assertEquals(Double.POSITIVE_INFINITY, RdpConversion.BALLE_2020.epsilon(1.01, 0.5, 1e-5));
    double justAbove = RdpConversion.BALLE_2020.epsilon(1.011, 0.5, 1e-5);
    double expected =
        0.5 + Math.log1p(-1 / 1.011) - (Math.log(1e-5) + Math.log(1.011)) / (1.011 - 1);
    assertEquals(expected, justAbove, 1e-9 * expected);
    assertEquals(
        0.5 + Math.log(1e5) / 0.01, RdpConversion.MIRONOV_2017.epsilon(1.01, 0.5, 1e-5), 1e-9);
    // An infinite RDP gives nothing at that order: eps = inf, delta = 1.
    assertEquals(
        Double.POSITIVE_INFINITY,
        RdpConversion.MIRONOV_2017.epsilon(2, Double.POSITIVE_INFINITY, 1e-5));
    assertEquals(0.0, RdpConversion.BALLE_2020.logDelta(2, Double.POSITIVE_INFINITY, 1), 0.0);
  }

  // Mironov 2017, Prop. 3 inverted: log delta = (alpha - 1)(rdp - eps) at each order; as a minimum
  // over the same orders it inverts the epsilon exactly.
  @Test
  void mironovDeltaInvertsItsEpsilon() throws Exception {
    assertEquals(-3.0, RdpConversion.MIRONOV_2017.logDelta(3, 0.5, 2), 1e-15);
    RdpAccountant classic =
        new RdpAccountant(RdpAccountant.opacusDefaultOrders(), RdpConversion.MIRONOV_2017);
    DpSgdParameters p = params(0.01, 1.1, 1000);
    double eps = classic.epsilon(p, 1e-5);
    assertEquals(1e-5, classic.delta(p, eps), 1e-5 * 1e-9);
  }

  // Large noise: at eps = 0 the best delta is the Bretagnolle-Huber bound sqrt(1 - e^-rdp) at the
  // smallest order (rdp = 1.1 / (2 sigma^2) without subsampling), far below what any order's
  // Balle et al. bound gives there. (RdpConversion forms log1p(-e^-rdp), which keeps about 10
  // digits for rdp = 5.5e-7, erring upwards.)
  @Test
  void largeNoiseDeltaAtEpsilonZeroIsTheBretagnolleHuberBound() throws Exception {
    double sigma = 1000;
    double rdp = 1.1 / (2 * sigma * sigma);
    double delta = new RdpAccountant().delta(params(1.0, sigma, 1), 0);
    assertEquals(Math.sqrt(-Math.expm1(-rdp)), delta, 1e-9 * delta);
  }
}
