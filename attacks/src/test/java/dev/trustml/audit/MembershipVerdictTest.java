package dev.trustml.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.model.card.MembershipDesign;
import dev.trustml.results.AttackResult;
import dev.trustml.results.BoundRigor;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.results.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class MembershipVerdictTest {
  private static final AuditDesign BERNOULLI =
      new AuditDesign(
          AuditDesign.Source.CARD, new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5));
  private static final AuditDesign USER = new AuditDesign(AuditDesign.Source.USER_FILES, null);
  private static final Theoretical CLAIM = new Theoretical(1.0, 1e-5, "rdp", "model-card");

  private static AttackResult attack(String name, Double oneRun, BoundRigor rigor, double est) {
    return new AttackResult(
        name,
        "t",
        "p",
        0.5,
        0,
        0.5,
        new TprAtFpr(List.of()),
        oneRun == null ? null : new EpsilonLowerBound(oneRun, rigor, 0.95, 1e-5, "one-run", 100),
        new EpsilonLowerBound(est, BoundRigor.ESTIMATE, 0.95, 1e-5, "split-half", 100),
        null,
        List.of(),
        null);
  }

  @Test
  void aRigorousBoundAboveTheClaimIsViolated() {
    MembershipVerdict v =
        MembershipVerdict.decide(
            CLAIM,
            List.of(
                attack("loss", 0.2, BoundRigor.RIGOROUS, 2.5),
                attack("vocab", 3.6, BoundRigor.RIGOROUS, 4.3)),
            BERNOULLI,
            0.95,
            2);
    assertEquals(Verdict.VIOLATED, v.verdict());
    assertEquals("one-run bound, vocab", v.basis().figure());
    assertEquals(BoundRigor.RIGOROUS, v.basis().rigor());
    assertEquals(3.6, v.basis().value());
    assertEquals(3.6, v.basis().rigorousMax());
    assertEquals(4.3, v.basis().estimateMax());
    assertTrue(v.reason().startsWith("VIOLATED: the vocab attack's one-run bound"), v.reason());
  }

  @Test
  void onlyAnEstimateAboveTheClaimIsSuspectWithTheDesignAsReason() {
    MembershipVerdict v =
        MembershipVerdict.decide(CLAIM, List.of(attack("vocab", null, null, 4.3)), USER, 0.95, 1);
    assertEquals(Verdict.SUSPECT, v.verdict());
    assertEquals("split-half estimate, vocab", v.basis().figure());
    assertNull(v.basis().rigorousMax());
    assertTrue(v.basis().design().startsWith("unknown"));
    assertTrue(v.reason().contains("distribution shift alone can produce this"), v.reason());
    // A one-run figure computed on a design that does not support it is an estimate too.
    MembershipVerdict forced =
        MembershipVerdict.decide(
            CLAIM, List.of(attack("vocab", 3.0, BoundRigor.ESTIMATE, 0.5)), USER, 0.95, 1);
    assertEquals(Verdict.SUSPECT, forced.verdict());
    assertEquals("one-run estimate, vocab", forced.basis().figure());
  }

  @Test
  void nothingAboveTheClaimIsConsistentAndNoClaimIsNoClaim() {
    List<AttackResult> weak = List.of(attack("loss", 0.4, BoundRigor.RIGOROUS, 0.9));
    MembershipVerdict v = MembershipVerdict.decide(CLAIM, weak, BERNOULLI, 0.95, 1);
    assertEquals(Verdict.CONSISTENT, v.verdict());
    assertEquals("one-run bound, loss", v.basis().figure());
    assertTrue(v.reason().contains("This does not prove the claim"), v.reason());
    assertEquals(
        Verdict.NO_CLAIM, MembershipVerdict.decide(null, weak, BERNOULLI, 0.95, 1).verdict());
  }
}
