package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Picks and runs an extraction: {@link EnumerationSearch} when |R| is at most the enumeration limit
 * (exact rank and exposure), else {@link BeamSearch}, with the secret's exposure (if it is known)
 * extrapolated from a skew-normal fitted to a seeded uniform sample of candidates (Carlini et al.
 * 2019, Sec. 4.3).
 */
public final class CanaryExtractor {
  private final CandidateScorer scorer;
  private final ExtractionSettings settings;

  public CanaryExtractor(CandidateScorer scorer, ExtractionSettings settings) {
    this.scorer = scorer;
    this.settings = settings;
  }

  /** ENUMERATE if |R| &lt;= the enumeration limit, else BEAM. */
  public ExtractionMethod chooseMethod(CanaryTemplate template) {
    // A one-candidate space is always enumerated: there is nothing to sample it against.
    long limit = Math.max(1, settings.enumerationLimit());
    return template.spaceSize().compareTo(BigInteger.valueOf(limit)) <= 0
        ? ExtractionMethod.ENUMERATE
        : ExtractionMethod.BEAM;
  }

  /**
   * Extracts the canary of {@code template}.
   *
   * @param secret the planted secret, if known
   * @throws TrustmlException if the model fails
   */
  public ExtractionResult extract(
      CanaryTemplate template, Optional<Secret> secret, Progress progress) throws TrustmlException {
    if (chooseMethod(template) == ExtractionMethod.ENUMERATE) {
      return new EnumerationSearch(scorer, settings.topK()).run(template, secret, progress);
    }
    long start = System.nanoTime();
    BeamSearch beam =
        new BeamSearch(scorer, settings.beamWidth(), settings.topK(), settings.partialForm());
    long sample = secret.isPresent() ? settings.exposureSampleSize() : 0;
    progress.start(
        "beam search + exposure sample",
        beam.plannedCandidates(template) + (secret.isPresent() ? 1 : 0) + sample);
    Progress inner = new AdvanceOnly(progress);
    try {
      ExtractionResult result = beam.run(template, secret, inner);
      if (result.secret().isEmpty()) {
        return result;
      }
      SecretOutcome outcome = result.secret().get();
      double[] sampled = sampleLosses(template, outcome.secret(), inner);
      ExposureEstimate exposure =
          Exposure.extrapolated(outcome.loss(), sampled, template.log2SpaceSize());
      RankSample counted =
          RankSample.of(
              outcome.loss(), sampled, template.spaceSize().subtract(BigInteger.ONE).doubleValue());
      return result.withSecret(
          outcome.withExposure(exposure, counted), sampled.length, System.nanoTime() - start);
    } finally {
      progress.done();
    }
  }

  /**
   * Losses of {@code exposureSampleSize} candidates drawn uniformly (with replacement, never the
   * secret itself, as exposure ranks the secret against the others) with the configured seed.
   */
  double[] sampleLosses(CanaryTemplate template, Secret secret, Progress progress)
      throws TrustmlException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    List<String> sentences = new ArrayList<>(settings.exposureSampleSize());
    while (sentences.size() < settings.exposureSampleSize()) {
      Secret s = template.randomSecret(random);
      if (!s.equals(secret)) {
        sentences.add(template.render(s));
      }
    }
    return BatchScoring.score(scorer, sentences, progress);
  }

  /** Forwards advances only, so nested searches report into one progress bar. */
  private record AdvanceOnly(Progress outer) implements Progress {
    @Override
    public void start(String task, long total) {}

    @Override
    public void advance(long scored) {
      outer.advance(scored);
    }

    @Override
    public void done() {}
  }
}
