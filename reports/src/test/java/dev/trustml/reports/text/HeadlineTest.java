package dev.trustml.reports.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trustml.reports.Fixtures;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.Verdict;
import org.junit.jupiter.api.Test;

class HeadlineTest {

  /** The canary fixture with its verdict replaced (the rest as computed). */
  private static CanaryResult withVerdict(Verdict verdict) {
    CanaryResult c = Fixtures.canary();
    return new CanaryResult(
        c.schemaVersion(),
        c.kind(),
        c.model(),
        c.theoretical(),
        verdict,
        "Because.",
        c.verdictBasis(),
        c.confidence(),
        c.familySize(),
        c.secretsRevealed(),
        c.canaries(),
        c.auditSet(),
        c.provenance());
  }

  @Test
  void canarySuspectWarnsLikeMembershipWhileViolatedIsBad() {
    Headline suspect = Headline.canary(withVerdict(Verdict.SUSPECT));
    assertEquals(Headline.Tone.WARN, suspect.tone());
    assertEquals("SUSPECT", suspect.title());
    assertEquals("Because.", suspect.sentence());

    Headline violated = Headline.canary(withVerdict(Verdict.VIOLATED));
    assertEquals(Headline.Tone.BAD, violated.tone());
    assertEquals("VIOLATED", violated.title());
  }
}
