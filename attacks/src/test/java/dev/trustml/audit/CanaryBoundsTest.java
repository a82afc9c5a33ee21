package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.canary.RankSample;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.CanaryBound;
import dev.trustml.results.Theoretical;
import dev.trustml.stats.SampledRank;
import dev.trustml.stats.SecretRankBound;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryBoundsTest {
  private static final double LOG2_1E4 = Math.log(1e4) / Math.log(2);
  private static final Theoretical CLAIM = new Theoretical(1.0, 1e-5, "rdp", "model-card");

  @Test
  void exactRankOfAUniformSecretIsRigorousAtItsBonferroniShare() {
    CanaryBounds.RankEvidence e = new CanaryBounds.RankEvidence(1L, null, null, LOG2_1E4, 1, true);
    assertTrue(e.rigorous());
    List<CanaryBound> bounds = CanaryBounds.of(e, CLAIM, 0.95, 4);
    assertEquals(1, bounds.size());
    CanaryBound b = bounds.get(0);
    assertEquals(BoundRigor.RIGOROUS, b.rigor());
    assertEquals(CanaryBound.EXACT_RANK, b.basis());
    // Four bounds share 5%: this one holds at 98.75%; ln((0.0125 - 1e-5) * 10^4).
    assertEquals(Math.log((0.0125 - 1e-5) * 1e4), b.value(), 1e-12);
    assertEquals(0.95, b.confidence());
    assertEquals(Math.exp(1.0) * 1e-4 + 1e-5, b.pValue(), 1e-15);
    assertNull(b.note());
  }

  @Test
  void aHandPickedSecretGivesOnlyAnEstimate() {
    CanaryBounds.RankEvidence e =
        new CanaryBounds.RankEvidence(1L, null, null, LOG2_1E4, 16, false);
    assertTrue(!e.rigorous());
    CanaryBound b = CanaryBounds.of(e, null, 0.95, 1).get(0);
    assertEquals(BoundRigor.ESTIMATE, b.rigor());
    assertTrue(b.note().contains("secret_drawn"), b.note());
    assertNull(b.pValue(), "no claim, no p-value");
    assertEquals(0.0, b.delta());
    assertEquals(SecretRankBound.epsilonLowerBound(1, LOG2_1E4, 16, 0, 0.95), b.value(), 1e-12);
  }

  @Test
  void sampledRankSpendsHalfItsShareOnTheRankBound() {
    RankSample sample = new RankSample(10_000, 0, 1e8 - 1);
    CanaryBounds.RankEvidence e =
        new CanaryBounds.RankEvidence(null, sample, 20.0, 8 * Math.log(10) / Math.log(2), 1, true);
    List<CanaryBound> bounds = CanaryBounds.of(e, CLAIM, 0.95, 2);
    assertEquals(2, bounds.size());
    CanaryBound sampled = bounds.get(0);
    assertEquals(CanaryBound.SAMPLED_RANK, sampled.basis());
    assertEquals(BoundRigor.RIGOROUS, sampled.rigor());
    // Share 2.5%: 1.25% for the rank bound, 1.25% for the test.
    double rank = SampledRank.upper(0, 10_000, 1e8 - 1, 1 - 0.0125);
    assertEquals(rank, sampled.rank());
    assertEquals(
        SecretRankBound.epsilonLowerBound(rank, 8 * Math.log(10) / Math.log(2), 1, 1e-5, 0.9875),
        sampled.value(),
        1e-12);
    assertEquals(10_000L, sampled.sampled());
    assertEquals(0L, sampled.sampledAtOrBelow());
    // The p-value crosses the share exactly where the bound crosses the claim.
    assertEquals(sampled.value() > 1.0, sampled.pValue() < 0.025);
    CanaryBound extrapolated = bounds.get(1);
    assertEquals(CanaryBound.EXTRAPOLATED_RANK, extrapolated.basis());
    assertEquals(BoundRigor.ESTIMATE, extrapolated.rigor());
    assertEquals(Math.pow(2, 8 * Math.log(10) / Math.log(2) - 20), extrapolated.rank(), 1e-6);
    assertNotNull(extrapolated.note());
  }

  @Test
  void unknownCopiesGiveNoTest() {
    CanaryBounds.RankEvidence e =
        new CanaryBounds.RankEvidence(1L, null, null, LOG2_1E4, null, true);
    assertTrue(!e.rigorous());
    assertTrue(CanaryBounds.of(e, CLAIM, 0.95, 1).isEmpty());
  }
}
