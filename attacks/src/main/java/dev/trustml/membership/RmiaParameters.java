package dev.trustml.membership;

import dev.trustml.error.UsageException;

/**
 * Parameters of RMIA (Zarifzadeh et al. 2024).
 *
 * <p>Defaults follow the maintained reference implementation, privacytrustlab/ml_privacy_meter
 * {@code modules/mia/attacks/rmia.py}: {@code offline_a = 0.3} ({@code get_out_ref_signals}), the
 * comparison {@code ratios > 1.0} (gamma = 1), and the plain softmax (temperature 1, {@code
 * get_signals.py get_softmax}). The paper's experiment configs (ml_privacy_meter commit d327341,
 * {@code research/2024_rmia/attack_configs}) use gamma = 2, temperature 2 and {@code offline_a}
 * tuned per dataset (0.3 CIFAR-10, 0.6 CIFAR-100, 0.2 Purchase-100); set them here to reproduce
 * those.
 *
 * @param offlineA {@code a} in {@code Pr(x) = ((1 + a) Pr_OUT(x) + (1 - a)) / 2}, in [0, 1]
 * @param gamma likelihood-ratio threshold: {@code x} dominates {@code z} when {@code LR(x) / LR(z)
 *     > gamma}; > 0
 * @param temperature softmax temperature for {@code Pr(x | theta)}; > 0
 * @param maxPopulationSamples use at most this many population rows as {@code z} samples, drawn
 *     without replacement with the input's seed; 0 uses all
 */
public record RmiaParameters(
    double offlineA, double gamma, double temperature, int maxPopulationSamples) {

  public RmiaParameters {
    String problem = problem(offlineA, gamma, temperature, maxPopulationSamples);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** The reference implementation's defaults: a = 0.3, gamma = 1, temperature = 1, all z. */
  public static RmiaParameters defaults() {
    return new RmiaParameters(0.3, 1.0, 1.0, 0);
  }

  /**
   * Validated parameters from user-supplied values.
   *
   * @throws UsageException naming the bad value and its allowed range
   */
  public static RmiaParameters of(
      double offlineA, double gamma, double temperature, int maxPopulationSamples)
      throws UsageException {
    String problem = problem(offlineA, gamma, temperature, maxPopulationSamples);
    if (problem != null) {
      throw new UsageException(problem);
    }
    return new RmiaParameters(offlineA, gamma, temperature, maxPopulationSamples);
  }

  private static String problem(
      double offlineA, double gamma, double temperature, int maxPopulationSamples) {
    if (!(offlineA >= 0.0 && offlineA <= 1.0)) {
      return "RMIA offline a is " + offlineA + "; use a value in [0, 1] (default 0.3)";
    }
    if (!(gamma > 0.0) || !Double.isFinite(gamma)) {
      return "RMIA gamma is " + gamma + "; use a finite value > 0 (default 1)";
    }
    if (!(temperature > 0.0) || !Double.isFinite(temperature)) {
      return "RMIA temperature is " + temperature + "; use a finite value > 0 (default 1)";
    }
    if (maxPopulationSamples < 0) {
      return "RMIA population sample count is "
          + maxPopulationSamples
          + "; use 0 (all population rows) or a positive count";
    }
    return null;
  }
}
