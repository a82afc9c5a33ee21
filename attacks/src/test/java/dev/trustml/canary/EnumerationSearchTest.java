package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.progress.Progress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnumerationSearchTest {
  /** Settings that keep the {@code k} best guesses. */
  private static ExtractionSettings top(int k) {
    return new ExtractionSettings(
        ExtractionSettings.DEFAULT_ENUMERATION_LIMIT, k, 1, PartialCanaryForm.OMIT_UNFILLED, 3, 0);
  }

  private static final double LOG2_10 = Math.log(10) / Math.log(2);

  @Test
  void hammingDistanceScorerRevealsTheSecretAtRankOne() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    Secret secret = t.parseSecret("4 8 2 1");
    FakeScorer scorer = new FakeScorer(t, 300, p -> FakeScorer.hamming(p, secret));
    RecordingProgress progress = new RecordingProgress();

    ExtractionResult r =
        new EnumerationSearch(scorer).search(t, Optional.of(secret), top(5), progress);

    assertEquals(EnumerationSearch.NAME, r.method());
    assertEquals("4 8 2 1", r.top().text());
    assertEquals(0.0, r.top().loss());
    assertEquals(5, r.topGuesses().size());
    // The next best are the 36 secrets at Hamming distance 1; ties go by slot values, so the
    // first four are 0821, 1821, 2821, 3821.
    assertEquals(
        List.of("0 8 2 1", "1 8 2 1", "2 8 2 1", "3 8 2 1"),
        r.topGuesses().subList(1, 5).stream().map(Guess::text).toList());
    SecretOutcome s = r.secret().orElseThrow();
    assertTrue(s.exactExtraction());
    assertEquals(1.0, s.perSlotAccuracy());
    assertEquals(1, s.rank().getAsLong());
    assertEquals(4 * LOG2_10, s.exposure().orElseThrow().bits(), 1e-12);
    assertEquals(0.0, s.loss());
    assertEquals(10_000, r.candidatesScored());
    assertEquals(10_000, scorer.scoredCount());
    assertEquals(10_000, new HashSet<>(scorer.seen).size(), "each candidate scored once");
    assertTrue(r.wallSeconds() > 0);
    assertEquals(r.candidatesScored() / r.wallSeconds(), r.candidatesPerSecond(), 1e-6);
    assertEquals(1, progress.starts);
    assertEquals(1, progress.dones);
    assertEquals(10_000, progress.total);
    assertEquals(10_000, progress.advanced);
  }

  @Test
  void tiesCountAgainstTheSecret() throws Exception {
    // The loss ignores the last digit: 10 candidates share the secret's loss 0, so its rank is 10
    // and its exposure log2(10^4) - log2(10) = 3 log2(10).
    CanaryTemplate t = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    Secret secret = t.parseSecret("4 8 2 1");
    FakeScorer scorer =
        new FakeScorer(t, 256, p -> FakeScorer.hamming(Arrays.copyOf(p, 3), secret));
    ExtractionResult r =
        new EnumerationSearch(scorer).search(t, Optional.of(secret), top(3), Progress.NONE);
    SecretOutcome s = r.secret().orElseThrow();
    assertEquals(10, s.rank().getAsLong());
    assertEquals(3 * LOG2_10, s.exposure().orElseThrow().bits(), 1e-12);
    assertFalse(s.exactExtraction(), "4820 precedes 4821 among the tied guesses");
    assertEquals("4 8 2 0", r.top().text());
    assertEquals(0.75, s.perSlotAccuracy());
  }

  @Test
  void streamedRankEqualsTheRankOverAllLosses() throws Exception {
    // Pseudo-random losses (a hash of the candidate) with many exact ties; the rank counted while
    // streaming (secret's batch first) must equal the definition applied to the full loss list.
    CanaryTemplate t = CanaryTemplate.parse("pin {digit} {digit} {digit}");
    FakeScorer scorer =
        new FakeScorer(
            t, 64, p -> Math.floorMod((p[0] * 7919 + p[1] * 104729 + p[2] * 1299709) ^ 0x5bd1, 37));
    double[] all = new double[1000];
    for (int i = 0; i < all.length; i++) {
      all[i] = scorer.losses(List.of(t.render(t.secretAt(i))))[0];
    }
    SplittableRandom random = new SplittableRandom(1);
    for (int trial = 0; trial < 5; trial++) {
      int index = random.nextInt(1000);
      double[] others = new double[999];
      for (int i = 0, j = 0; i < 1000; i++) {
        if (i != index) {
          others[j++] = all[i];
        }
      }
      ExposureEstimate expected = Exposure.exact(all[index], others);
      ExtractionResult r =
          new EnumerationSearch(scorer)
              .search(t, Optional.of(t.secretAt(index)), top(1), Progress.NONE);
      SecretOutcome s = r.secret().orElseThrow();
      assertEquals(expected.rank(), s.rank(), "secret index " + index);
      assertEquals(expected.bits(), s.exposure().orElseThrow().bits(), 1e-12);
    }
  }

  @Test
  void withoutASecretOnlyGuessesAreReported() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("code {letter}{letter}");
    Secret hidden = t.parseSecret("q z");
    CandidateScorer byWord =
        sentences -> {
          double[] out = new double[sentences.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = sentences.get(i).equals(t.render(hidden)) ? -1 : i % 3;
          }
          return out;
        };
    ExtractionResult r =
        new EnumerationSearch(byWord).search(t, Optional.empty(), top(2), Progress.NONE);
    assertEquals("q z", r.top().text());
    assertTrue(r.secret().isEmpty());
    assertEquals(676, r.candidatesScored());
  }

  @Test
  void nanLossIsABadInput() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("pin {digit}");
    CandidateScorer broken = sentences -> new double[] {0, 1, Double.NaN, 3, 4, 5, 6, 7, 8, 9};
    BadInputException e =
        assertThrows(
            BadInputException.class,
            () -> new EnumerationSearch(broken).search(t, Optional.empty(), top(1), Progress.NONE));
    assertTrue(e.getMessage().contains("'pin 2'"), e.getMessage());
  }

  @Test
  void progressIsClosedWhenTheModelFails() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("pin {digit}");
    CandidateScorer failing =
        sentences -> {
          throw new BadInputException("model exploded");
        };
    RecordingProgress progress = new RecordingProgress();
    assertThrows(
        BadInputException.class,
        () -> new EnumerationSearch(failing).search(t, Optional.empty(), top(1), progress));
    assertEquals(1, progress.dones);
  }
}
