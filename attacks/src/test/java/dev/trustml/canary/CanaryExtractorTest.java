package dev.trustml.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.progress.Progress;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class CanaryExtractorTest {
  private static final double LOG2_10 = Math.log(10) / Math.log(2);

  private static ExtractionSettings settings(long limit, int sample, long seed) {
    return new ExtractionSettings(limit, 5, 4, PartialCanaryForm.OMIT_UNFILLED, sample, seed);
  }

  @Test
  void enumeratesUpToTheLimitAndBeamSearchesBeyond() throws Exception {
    CanaryExtractor extractor =
        new CanaryExtractor(sentences -> new double[sentences.size()], settings(10_000, 100, 0));
    assertEquals(
        EnumerationSearch.NAME,
        extractor.chooseSearch(CanaryTemplate.parse("pin {digit} {digit} {digit} {digit}")).name());
    assertEquals(
        BeamSearch.NAME,
        extractor
            .chooseSearch(CanaryTemplate.parse("pin {digit} {digit} {digit} {digit} {digit}"))
            .name());
    assertEquals(
        BeamSearch.NAME,
        extractor.chooseSearch(CanaryTemplate.parse("x" + " {digit}".repeat(30))).name());
    assertEquals(
        100_000,
        ExtractionSettings.defaults().enumerationLimit(),
        "a 4-digit PIN is enumerated by default");
  }

  @Test
  void smallSpaceGetsExactExposure() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse(CanaryTemplateTest.PIN);
    Secret secret = t.parseSecret("0 0 4 2");
    FakeScorer scorer = new FakeScorer(t, 500, p -> FakeScorer.hamming(p, secret));
    ExtractionResult r =
        new CanaryExtractor(scorer, ExtractionSettings.defaults())
            .extract(t, Optional.of(secret), Progress.NONE);
    assertEquals(EnumerationSearch.NAME, r.method());
    ExposureEstimate e = r.secret().orElseThrow().exposure().orElseThrow();
    assertEquals(ExposureMethod.EXACT_RANK, e.method());
    assertEquals(4 * LOG2_10, e.bits(), 1e-12);
  }

  @Test
  void largeSpaceGetsBeamSearchAndExtrapolatedExposure() throws Exception {
    // 10^7 candidates, loss = Hamming distance to the secret plus a small smooth term so that the
    // sampled losses are continuous. The secret is the unique minimum (loss 0 vs >= 1 for others):
    // the extrapolated exposure must be far in the tail, and at most log2|R|.
    CanaryTemplate t = CanaryTemplate.parse("my pin code is" + " {digit}".repeat(7));
    Secret secret = t.parseSecret("3 1 4 1 5 9 2");
    FakeScorer scorer =
        new FakeScorer(
            t,
            256,
            p -> FakeScorer.hamming(p, secret) + 0.01 * (p.length > 0 ? p[p.length - 1] : 0));
    RecordingProgress progress = new RecordingProgress();
    ExtractionResult r =
        new CanaryExtractor(scorer, settings(100_000, 2_000, 17))
            .extract(t, Optional.of(secret), progress);

    assertEquals(BeamSearch.NAME, r.method());
    assertEquals("3 1 4 1 5 9 2", r.top().text());
    SecretOutcome s = r.secret().orElseThrow();
    assertTrue(s.exactExtraction());
    ExposureEstimate e = s.exposure().orElseThrow();
    assertEquals(ExposureMethod.SKEW_NORMAL_EXTRAPOLATION, e.method());
    assertEquals(2_000, e.sampleSize());
    assertEquals(7 * LOG2_10, e.maxBits(), 1e-12);
    assertTrue(e.bits() > 15 && e.bits() <= 7 * LOG2_10, "exposure " + e.bits());
    // Beam 4: 10 + 6 * 40 candidates, then the 2,000-candidate sample.
    assertEquals(250 + 2_000, r.candidatesScored());
    assertEquals(250 + 2_000, scorer.scoredCount());
    assertEquals(1, progress.starts);
    assertEquals(1, progress.dones);
    assertEquals(progress.total, progress.advanced);
  }

  @Test
  void unremarkableSecretHasLowExtrapolatedExposure() throws Exception {
    // Losses unrelated to the secret: a pseudo-random function of the digits. The secret's
    // exposure should then be near that of a random candidate, i.e. small, not near log2|R|.
    CanaryTemplate t = CanaryTemplate.parse("my pin code is" + " {digit}".repeat(6));
    Secret secret = t.parseSecret("5 5 5 5 5 5");
    ToDoubleFunction<int[]> hashLoss =
        p -> {
          long h = 1469598103934665603L;
          for (int v : p) {
            h = (h ^ v) * 1099511628211L;
          }
          return (h >>> 11) / (double) (1L << 53);
        };
    FakeScorer scorer = new FakeScorer(t, 256, hashLoss);
    ExtractionResult r =
        new CanaryExtractor(scorer, settings(1000, 2_000, 3))
            .extract(t, Optional.of(secret), Progress.NONE);
    SecretOutcome s = r.secret().orElseThrow();
    List<String> sample =
        List.copyOf(scorer.seen.subList(scorer.seen.size() - 2_000, scorer.seen.size()));
    double sampledBelow =
        sample.stream()
            .mapToDouble(x -> hashLoss.applyAsDouble(scorer.positions(x)))
            .filter(x -> x <= s.loss())
            .count();
    double empiricalBits = -Math.log((sampledBelow + 1) / 2_001) / Math.log(2);
    ExposureEstimate e = s.exposure().orElseThrow();
    // The skew-normal fit and the empirical tail fraction of the same sample agree in the bulk.
    assertEquals(empiricalBits, e.bits(), 1.0);
    assertTrue(e.bits() < 10, "exposure " + e.bits());
  }

  @Test
  void sampleIsSeeded() throws Exception {
    CanaryTemplate t = CanaryTemplate.parse("my pin code is" + " {digit}".repeat(6));
    Secret secret = t.parseSecret("1 2 3 4 5 6");
    FakeScorer a = new FakeScorer(t, 256, p -> FakeScorer.hamming(p, secret));
    FakeScorer b = new FakeScorer(t, 256, p -> FakeScorer.hamming(p, secret));
    FakeScorer c = new FakeScorer(t, 256, p -> FakeScorer.hamming(p, secret));
    CanaryExtractor x = new CanaryExtractor(a, settings(1000, 500, 9));
    x.extract(t, Optional.of(secret), Progress.NONE);
    new CanaryExtractor(b, settings(1000, 500, 9)).extract(t, Optional.of(secret), Progress.NONE);
    new CanaryExtractor(c, settings(1000, 500, 10)).extract(t, Optional.of(secret), Progress.NONE);
    assertEquals(a.seen, b.seen);
    assertTrue(!a.seen.equals(c.seen));
    assertTrue(!a.seen.subList(a.seen.size() - 500, a.seen.size()).contains(t.render(secret)));
  }
}
