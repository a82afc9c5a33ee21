package dev.trustml.audit;

import dev.trustml.membership.RmiaParameters;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.results.Theoretical;
import java.util.List;

/**
 * How the membership audit's analyse stage works on the collected data.
 *
 * @param attacks attack names; empty for the default set that the collected data allows
 * @param evaluation FPR budgets, bootstrap, confidence and the seed of the metrics
 * @param claimOverride the claim to test instead of the recorded one, or null
 * @param rmia RMIA's parameters
 * @param seed seeds every random choice of the attacks and bounds
 * @param oneRun when to compute the one-run bound (Steinke et al. 2023)
 */
public record MembershipAnalysisSettings(
    List<String> attacks,
    EvaluationSettings evaluation,
    Theoretical claimOverride,
    RmiaParameters rmia,
    long seed,
    OneRunOption oneRun) {

  public MembershipAnalysisSettings {
    attacks = List.copyOf(attacks);
    oneRun = oneRun == null ? OneRunOption.AUTO : oneRun;
  }

  /** The default attacks, metrics and bounds, with every random choice seeded by {@code seed}. */
  public static MembershipAnalysisSettings defaults(long seed) {
    return new MembershipAnalysisSettings(
        List.of(),
        EvaluationSettings.defaults().withSeed(seed),
        null,
        RmiaParameters.defaults(),
        seed,
        OneRunOption.AUTO);
  }

  /** A copy with other evaluation settings. */
  public MembershipAnalysisSettings withEvaluation(EvaluationSettings other) {
    return new MembershipAnalysisSettings(attacks, other, claimOverride, rmia, seed, oneRun);
  }
}
