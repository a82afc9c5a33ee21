package dev.trustml.audit;

import dev.trustml.canary.RankSample;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.Theoretical;
import dev.trustml.stats.SampledRank;
import dev.trustml.stats.SecretRankBound;
import java.util.ArrayList;
import java.util.List;

/**
 * Each canary's differential-privacy test ({@link SecretRankBound}) from what its extraction
 * measured. Computes only.
 *
 * <p>Error budget: an audit states one family-wise confidence c for all its bounds; each of the F
 * rigorous bounds (canaries and the one-run audit set) is taken at 1 - (1 - c)/F (Bonferroni), so
 * the chance that any of them exceeds the true epsilon is at most 1 - c. A sampled rank spends half
 * of its share on the Clopper-Pearson rank bound and half on the DP test: the test can only fail if
 * the rank bound fails (probability &lt;= a/2) or the test fails at the true rank, which the bound
 * does not undercut (probability &lt;= a/2), so the sum is within the canary's share a. An even
 * split is a choice, not an optimum; the bound moves with the logarithm of either half, so the
 * split changes it little.
 */
final class CanaryBounds {
  private CanaryBounds() {}

  /**
   * What an extraction measured that a test can use.
   *
   * @param exactRank the secret's rank among every candidate, or null
   * @param sample the secret against uniformly sampled candidates, or null
   * @param extrapolatedBits the skew-normal extrapolated exposure, or null
   * @param log2Candidates log2 |R|
   * @param repetitions copies planted, or null when unknown
   * @param uniformSecret whether trustml drew the secret uniformly
   */
  record RankEvidence(
      Long exactRank,
      RankSample sample,
      Double extrapolatedBits,
      double log2Candidates,
      Integer repetitions,
      boolean uniformSecret) {

    /** Whether this canary gets a rigorous bound: it counts in the Bonferroni family. */
    boolean rigorous() {
      return uniformSecret && repetitions != null && (exactRank != null || sample != null);
    }
  }

  /**
   * The canary's tests, rigorous first.
   *
   * @param claim the claimed privacy, or null
   * @param confidence the audit's family-wise confidence
   * @param familySize F, the number of rigorous bounds in the audit (at least 1)
   */
  static List<CanaryBound> of(
      RankEvidence e, Theoretical claim, double confidence, int familySize) {
    List<CanaryBound> out = new ArrayList<>();
    if (e.repetitions() == null) {
      return out;
    }
    int k = e.repetitions();
    double delta = claim == null ? 0.0 : claim.delta();
    double share = (1 - confidence) / Math.max(1, familySize);
    BoundRigor rigor = e.uniformSecret() ? BoundRigor.RIGOROUS : BoundRigor.ESTIMATE;
    String notUniform =
        e.uniformSecret()
            ? null
            : "the secret was not drawn uniformly by trustml (the secrets file lacks"
                + " \"secret_drawn\": \"uniform\"), so its rank says nothing rigorous";
    if (e.exactRank() != null) {
      double rank = e.exactRank();
      out.add(
          new CanaryBound(
              SecretRankBound.epsilonLowerBound(rank, e.log2Candidates(), k, delta, 1 - share),
              rigor,
              CanaryBound.EXACT_RANK,
              rank,
              null,
              null,
              k,
              delta,
              confidence,
              claim == null ? null : pValue(rank, e, claim, 0),
              notUniform));
      return out;
    }
    if (e.sample() != null) {
      RankSample s = e.sample();
      double half = share / 2;
      double rank = SampledRank.upper(s.atOrBelow(), s.sampled(), s.otherCandidates(), 1 - half);
      out.add(
          new CanaryBound(
              SecretRankBound.epsilonLowerBound(rank, e.log2Candidates(), k, delta, 1 - half),
              rigor,
              CanaryBound.SAMPLED_RANK,
              rank,
              s.sampled(),
              s.atOrBelow(),
              k,
              delta,
              confidence,
              // The half spent on the rank bound is added, so p < the canary's share exactly when
              // the bound exceeds the claim.
              claim == null ? null : pValue(rank, e, claim, half),
              notUniform));
    }
    if (e.extrapolatedBits() != null) {
      double rank = Math.max(1, Math.pow(2, e.log2Candidates() - e.extrapolatedBits()));
      out.add(
          new CanaryBound(
              SecretRankBound.epsilonLowerBound(rank, e.log2Candidates(), k, delta, 1 - share),
              BoundRigor.ESTIMATE,
              CanaryBound.EXTRAPOLATED_RANK,
              rank,
              null,
              null,
              k,
              delta,
              confidence,
              claim == null ? null : pValue(rank, e, claim, 0),
              "the rank is extrapolated from a skew-normal fit to sampled candidates (Carlini et al."
                  + " 2019, Sec. 4.3), which can miss the far tail either way"));
    }
    return out;
  }

  private static double pValue(double rank, RankEvidence e, Theoretical claim, double spent) {
    double p =
        SecretRankBound.pValue(
            rank, e.log2Candidates(), e.repetitions(), claim.epsilon(), claim.delta());
    return Math.min(1.0, p + spent);
  }
}
