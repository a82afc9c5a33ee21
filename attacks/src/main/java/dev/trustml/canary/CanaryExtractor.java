package dev.trustml.canary;

import dev.trustml.error.TrustmlException;
import dev.trustml.progress.Progress;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The automatic choice of search: {@link EnumerationSearch} when |R| is at most the enumeration
 * limit (exact rank and exposure), else {@link BeamSearch}, which with the secret known also
 * extrapolates its exposure from a seeded uniform sample (Carlini et al. 2019, Sec. 4.3).
 */
public final class CanaryExtractor {
  private final CandidateScorer scorer;
  private final ExtractionSettings settings;

  public CanaryExtractor(CandidateScorer scorer, ExtractionSettings settings) {
    this.scorer = scorer;
    this.settings = settings;
  }

  /** The search for {@code template}: enumeration if |R| &lt;= the limit, else beam search. */
  public CanarySearch chooseSearch(CanaryTemplate template) {
    // A one-candidate space is always enumerated: there is nothing to sample it against.
    long limit = Math.max(1, settings.enumerationLimit());
    return template.spaceSize().compareTo(BigInteger.valueOf(limit)) <= 0
        ? new EnumerationSearch(scorer)
        : new BeamSearch(scorer);
  }

  /**
   * Extracts the canary of {@code template} with the chosen search.
   *
   * @param secret the planted secret, if known
   * @throws TrustmlException if the model fails
   */
  public ExtractionResult extract(
      CanaryTemplate template, Optional<Secret> secret, Progress progress) throws TrustmlException {
    return chooseSearch(template).search(template, secret, settings, progress);
  }
}
