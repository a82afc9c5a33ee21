package dev.trustml.model.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The differential-privacy guarantee a model claims, and the mechanism parameters it came from.
 * Every leakage figure trustml reports is set against {@link #epsilon()}: the total over every
 * mechanism that touched the training rows. The DP-SGD parameters are repeated at the top level
 * (reference models are trained with them).
 *
 * @param mechanism e.g. {@code "dp-sgd"}
 * @param epsilon the claimed epsilon (the total of {@code components} under {@code composition})
 * @param delta the claimed delta (likewise the total)
 * @param noiseMultiplier sigma: noise standard deviation relative to the clipping norm
 * @param samplingRate q: the Poisson sampling probability per step
 * @param steps T: the number of noisy steps
 * @param clippingNorm C: the per-example gradient norm bound
 * @param accountant which accountant computed DP-SGD's epsilon ({@code rdp} or {@code pld})
 * @param components every mechanism (and public input) behind the claim; null on cards written
 *     before trustml listed them (DP-SGD alone)
 * @param composition how the components' epsilons and deltas combine into the total (e.g. {@value
 *     #BASIC_COMPOSITION})
 */
public record PrivacyClaim(
    String mechanism,
    double epsilon,
    double delta,
    Double noiseMultiplier,
    Double samplingRate,
    Long steps,
    Double clippingNorm,
    String accountant,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<PrivacyComponent> components,
    @JsonInclude(JsonInclude.Include.NON_NULL) String composition) {

  /**
   * Basic composition (Dwork &amp; Roth 2014, Theorem 3.16): running an (e1, d1)- and an (e2,
   * d2)-DP mechanism on the same rows is (e1 + e2, d1 + d2)-DP.
   */
  public static final String BASIC_COMPOSITION = "basic: epsilons and deltas add";

  public PrivacyClaim {
    components = components == null ? null : List.copyOf(components);
  }

  /** A claim of DP-SGD alone, without a component list. */
  public PrivacyClaim(
      String mechanism,
      double epsilon,
      double delta,
      Double noiseMultiplier,
      Double samplingRate,
      Long steps,
      Double clippingNorm,
      String accountant) {
    this(
        mechanism,
        epsilon,
        delta,
        noiseMultiplier,
        samplingRate,
        steps,
        clippingNorm,
        accountant,
        null,
        null);
  }
}
