package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.progress.Progress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeamSearchTest {
  /** Candidates sampled for the secret's extrapolated exposure. */
  private static final int SAMPLE = 3;

  private static ExtractionSettings settings(int width, int topK, PartialCanaryForm form) {
    return new ExtractionSettings(0, topK, width, form, SAMPLE, 0);
  }

  private static final String SIX_DIGITS =
      "my pin code is {digit} {digit} {digit} {digit} {digit} {digit}";

  /** Sum over the slots present of |value - secret value|: decomposes over slots. */
  private static double separable(int[] present, Secret secret) {
    double loss = 0;
    for (int i = 0; i < present.length; i++) {
      loss += Math.abs(present[i] - secret.position(i));
    }
    return loss;
  }

  @Test
  void findsTheSecretOfAMillionCandidatesWhenTheLossIsSeparable() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(SIX_DIGITS);
    Secret secret = t.parseSecret("7 0 3 9 9 2");
    FakeScorer scorer = new FakeScorer(t, 64, p -> separable(p, secret));
    RecordingProgress progress = new RecordingProgress();

    ExtractionResult r =
        new BeamSearch(scorer)
            .search(
                t, Optional.of(secret), settings(1, 3, PartialCanaryForm.OMIT_UNFILLED), progress);

    assertEquals(BeamSearch.NAME, r.method());
    assertEquals("7 0 3 9 9 2", r.top().text());
    SecretOutcome s = r.secret().orElseThrow();
    assertTrue(s.exactExtraction());
    assertEquals(1.0, s.perSlotAccuracy());
    assertEquals(0.0, s.loss());
    assertTrue(s.rank().isEmpty(), "a beam search does not know the rank");
    // Beam width 1: 10 candidates per slot, 60 in all, instead of 10^6; then the exposure sample.
    assertEquals(60 + SAMPLE, r.candidatesScored());
    assertEquals(60, BeamSearch.plannedCandidates(t, 1));
    assertEquals(61 + SAMPLE, progress.total, "60 + the secret (in the final step) + the sample");
    assertEquals(61 + SAMPLE, progress.advanced);
    assertTrue(s.exposure().isPresent(), "the secret's exposure is extrapolated");
    assertEquals(SAMPLE, s.rankSample().orElseThrow().sampled());
    assertEquals(1, progress.dones);
    // Runners-up differ from the secret in the last slot by 1.
    assertEquals(
        List.of("7 0 3 9 9 1", "7 0 3 9 9 3"),
        r.topGuesses().subList(1, 3).stream().map(Guess::text).toList());
    // Partial canaries leave the unfilled slots out.
    assertEquals("my pin code is 7", scorer.seen.get(7));
    assertEquals("my pin code is 7 0", scorer.seen.get(10));
  }

  @Test
  void truncatedPartialCanariesAreSentWhenAsked() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("pin {digit} {digit} ok");
    Secret secret = t.parseSecret("3 4");
    CandidateScorer scorer =
        sentences -> {
          double[] out = new double[sentences.size()];
          for (int i = 0; i < out.length; i++) {
            String s = sentences.get(i);
            out[i] = (s.startsWith("pin 3") ? 0 : 1) + (s.equals("pin 3 4 ok") ? 0 : 1);
          }
          return out;
        };
    List<String> seen = new java.util.ArrayList<>();
    CandidateScorer recording =
        sentences -> {
          seen.addAll(sentences);
          return scorer.losses(sentences);
        };
    ExtractionResult r =
        new BeamSearch(recording)
            .search(
                t,
                Optional.of(secret),
                settings(2, 1, PartialCanaryForm.TRUNCATE_AFTER_FILLED),
                Progress.NONE);
    assertEquals("3 4", r.top().text());
    assertEquals("pin 0", seen.get(0));
    assertTrue(seen.contains("pin 3 4 ok"), "the last slot is scored as full sentences");
  }

  @Test
  void wideEnoughBeamEqualsEnumeration() throws Exception {
    // With beam width >= |R| / |last alphabet| nothing is pruned: same top-k as enumeration,
    // even for a loss that is not separable at all.
    CanaryTemplate t = CanaryTemplate.parse("pin {digit} {digit} {digit}");
    FakeScorer scorer =
        new FakeScorer(
            t, 128, p -> p.length < 3 ? 0 : Math.floorMod(p[0] * 31 + p[1] * 17 * p[2], 23));
    ExtractionResult beam =
        new BeamSearch(scorer)
            .search(
                t,
                Optional.empty(),
                settings(100, 8, PartialCanaryForm.OMIT_UNFILLED),
                Progress.NONE);
    ExtractionResult all =
        new EnumerationSearch(scorer)
            .search(
                t,
                Optional.empty(),
                settings(1, 8, PartialCanaryForm.OMIT_UNFILLED),
                Progress.NONE);
    assertEquals(
        all.topGuesses().stream().map(Guess::text).toList(),
        beam.topGuesses().stream().map(Guess::text).toList());
  }

  @Test
  void failsGracefullyWhenPartialLossesCarryNoSignal() throws Exception {
    // Only the complete secret has a low loss; every partial canary scores the same, so the beam
    // keeps the first values in alphabet order and the secret's prefix is pruned at slot 1.
    CanaryTemplate t = CanaryTemplate.parse(SIX_DIGITS);
    Secret secret = t.parseSecret("9 9 9 9 9 9");
    FakeScorer scorer =
        new FakeScorer(t, 64, p -> p.length == 6 && FakeScorer.hamming(p, secret) == 0 ? 0 : 1);
    ExtractionResult r =
        new BeamSearch(scorer)
            .search(
                t,
                Optional.of(secret),
                settings(3, 5, PartialCanaryForm.OMIT_UNFILLED),
                Progress.NONE);
    SecretOutcome s = r.secret().orElseThrow();
    assertFalse(s.exactExtraction());
    assertEquals("0 0 0 0 0 0", r.top().text());
    assertEquals(0.0, s.perSlotAccuracy());
    assertEquals(0.0, s.loss(), "the secret is scored on its own when it is not in the beam");
    assertEquals(10 + 5 * 30, r.candidatesScored() - 1 - SAMPLE);
    assertEquals(5, r.topGuesses().size());
  }

  @Test
  void misleadingPartialLossesGivePartialCredit() throws Exception {
    // The first slot is scored against a decoy, the rest against the secret: the beam commits to
    // the decoy's first digit and recovers the other five.
    CanaryTemplate t = CanaryTemplate.parse(SIX_DIGITS);
    Secret secret = t.parseSecret("1 2 3 4 5 6");
    FakeScorer scorer =
        new FakeScorer(
            t,
            64,
            p -> {
              double loss = Math.abs(p[0] - 8);
              for (int i = 1; i < p.length; i++) {
                loss += Math.abs(p[i] - secret.position(i));
              }
              return loss;
            });
    ExtractionResult r =
        new BeamSearch(scorer)
            .search(
                t,
                Optional.of(secret),
                settings(2, 1, PartialCanaryForm.OMIT_UNFILLED),
                Progress.NONE);
    assertEquals("8 2 3 4 5 6", r.top().text());
    assertEquals(5.0 / 6, r.secret().orElseThrow().perSlotAccuracy(), 1e-15);
  }
}
