package dev.trustml.privacy;

import dev.trustml.error.BadInputException;
import java.util.Arrays;

/**
 * Renyi-DP accountant for DP-SGD with Poisson sampling: the per-step RDP of the sampled Gaussian
 * mechanism (Mironov, Talwar &amp; Zhang 2019, see {@link SampledGaussianRdp}) is multiplied by the
 * number of steps (RDP composes additively, Mironov 2017 Prop. 1) and converted to (epsilon, delta)
 * at every order of a fixed grid; the smallest epsilon wins.
 *
 * <p>The default grid is Opacus' {@code RDPAccountant.DEFAULT_ALPHAS}: 1.1, 1.2, ..., 10.9 and the
 * integers 12..63. The default conversion is {@link RdpConversion#BALLE_2020}.
 */
public final class RdpAccountant implements PrivacyAccountant {
  private final double[] orders;
  private final RdpConversion conversion;

  /** Opacus' default orders and the Balle et al. 2020 conversion. */
  public RdpAccountant() {
    this(opacusDefaultOrders(), RdpConversion.BALLE_2020);
  }

  /**
   * An accountant over the given orders.
   *
   * @param orders Renyi orders, each > 1 and finite
   * @param conversion the RDP to (epsilon, delta) conversion
   */
  public RdpAccountant(double[] orders, RdpConversion conversion) {
    if (orders.length == 0) {
      throw new IllegalArgumentException("at least one RDP order is needed");
    }
    for (double order : orders) {
      if (!(order > 1 && order < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException("RDP orders must be finite and > 1, got " + order);
      }
    }
    this.orders = orders.clone();
    this.conversion = conversion;
  }

  /** Opacus' default grid: [1 + x/10 for x in range(1, 100)] + list(range(12, 64)). */
  public static double[] opacusDefaultOrders() {
    double[] grid = new double[99 + 52];
    for (int x = 1; x < 100; x++) {
      grid[x - 1] = 1 + x / 10.0;
    }
    for (int a = 12; a < 64; a++) {
      grid[99 + a - 12] = a;
    }
    return grid;
  }

  /**
   * dp_accounting's {@code DEFAULT_RDP_ORDERS}: [1 + x/10 for x in range(1, 100)] + range(11, 64) +
   * [128, 256, 512, 1024].
   */
  public static double[] dpAccountingDefaultOrders() {
    double[] grid = new double[99 + 53 + 4];
    for (int x = 1; x < 100; x++) {
      grid[x - 1] = 1 + x / 10.0;
    }
    for (int a = 11; a < 64; a++) {
      grid[99 + a - 11] = a;
    }
    double[] large = {128, 256, 512, 1024};
    System.arraycopy(large, 0, grid, 99 + 53, large.length);
    return grid;
  }

  @Override
  public AccountantKind kind() {
    return AccountantKind.RDP;
  }

  /** The orders this accountant minimises over (a copy). */
  public double[] orders() {
    return orders.clone();
  }

  /** The conversion this accountant uses. */
  public RdpConversion conversion() {
    return conversion;
  }

  /** RDP of the whole run (all steps) at one order > 1. */
  public static double rdp(DpSgdParameters p, double order) {
    return p.steps() * SampledGaussianRdp.perStep(p.samplingRate(), p.noiseMultiplier(), order);
  }

  @Override
  public double epsilon(DpSgdParameters parameters, double delta) throws BadInputException {
    return epsilonWithOrder(parameters, delta).epsilon();
  }

  /**
   * Epsilon and the order that achieved it.
   *
   * @throws BadInputException if delta is not in (0, 1)
   */
  public RdpEpsilon epsilonWithOrder(DpSgdParameters parameters, double delta)
      throws BadInputException {
    DpSgdParameters.requireValidDelta(delta);
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (double order : orders) {
      double eps = conversion.epsilon(order, rdp(parameters, order), delta);
      if (eps < best) {
        best = eps;
        bestOrder = order;
      }
    }
    return new RdpEpsilon(best, bestOrder);
  }

  @Override
  public double delta(DpSgdParameters parameters, double epsilon) throws BadInputException {
    DpSgdParameters.requireValidEpsilon("epsilon", epsilon);
    double best = 0.0; // log 1
    for (double order : orders) {
      best = Math.min(best, conversion.logDelta(order, rdp(parameters, order), epsilon));
    }
    return Math.exp(best);
  }

  @Override
  public String toString() {
    return "RdpAccountant["
        + orders.length
        + " orders "
        + Arrays.toString(range())
        + ", "
        + conversion
        + "]";
  }

  private double[] range() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double o : orders) {
      lo = Math.min(lo, o);
      hi = Math.max(hi, o);
    }
    return new double[] {lo, hi};
  }
}
