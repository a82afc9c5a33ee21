package dev.trustml.audit;

import dev.trustml.canary.CanarySearch;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.ExposureEstimate;
import dev.trustml.canary.ExposureMethod;
import dev.trustml.canary.ExtractionResult;
import dev.trustml.canary.Guess;
import dev.trustml.canary.RankSample;
import dev.trustml.canary.Secret;
import dev.trustml.canary.SecretOutcome;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.Classifier;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.Theoretical;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code trustml audit canary} as a library call: for each canary, run the chosen extraction
 * methods and measure rank, exposure and exact extraction. Computes only.
 */
public final class CanaryAudit {
  private CanaryAudit() {}

  /**
   * Runs the audit; the model must be loaded trainable when ModIvA may run. Each canary's rank
   * gives a differential-privacy test, the audit set (if any) a one-run bound; all are set against
   * the claim, family-wise at the request's confidence.
   */
  public static CanaryResult run(Classifier model, CanaryAuditRequest request, Progress progress)
      throws TrustmlException {
    Instant started = Instant.now();
    List<Measured> measured = new ArrayList<>();
    for (CanaryTarget target : request.canaries()) {
      measured.add(audit(model, target, request, progress));
    }
    AuditSetAudit.Scored auditSet =
        request.auditSet().isEmpty()
            ? null
            : AuditSetAudit.score(model, request.auditSet(), request.seed());
    Theoretical override = request.claimOverride();
    Theoretical theoretical =
        override != null ? override : AuditSubject.cardClaim(model.card().privacy());

    // Every rigorous bound takes an equal share of the error probability (Bonferroni).
    int family =
        (int) measured.stream().filter(m -> m.evidence().rigorous()).count()
            + (auditSet == null ? 0 : 1);
    double confidence = request.confidence();
    List<CanaryFinding> findings = new ArrayList<>();
    for (Measured m : measured) {
      findings.add(
          m.finding()
              .withEpsilonBounds(CanaryBounds.of(m.evidence(), theoretical, confidence, family)));
    }
    AuditSetResult oneRun =
        auditSet == null
            ? null
            : AuditSetAudit.bound(
                auditSet.scores(),
                auditSet.included(),
                theoretical,
                1 - (1 - confidence) / family,
                confidence,
                request.seed());
    CanaryVerdicts.Decision decision =
        CanaryVerdicts.decide(theoretical, findings, oneRun, confidence, family);

    String sha = Hashing.sha256(model.bundle().modelFile());
    Provenance provenance =
        Provenance.of(
            new Provenance.ModelRef(model.bundle().dir().toString(), sha),
            List.of(),
            request.seed(),
            started);
    return new CanaryResult(
        CanaryResult.SCHEMA_VERSION,
        CanaryResult.KIND,
        new ModelRef(model.bundle().dir().toString(), model.bundle().displayName(), sha),
        theoretical,
        decision.verdict(),
        decision.reason(),
        decision.basis(),
        confidence,
        family,
        request.revealSecrets(),
        findings,
        oneRun,
        provenance);
  }

  /** A canary's finding before its bounds are known, and what the bounds will rest on. */
  private record Measured(CanaryFinding finding, CanaryBounds.RankEvidence evidence) {}

  private static Measured audit(
      Classifier model, CanaryTarget target, CanaryAuditRequest request, Progress progress)
      throws TrustmlException {
    int label = model.card().labelIndex(target.label());
    if (label < 0) {
      throw new BadInputException(
          "canary '"
              + target.template().source()
              + "': label '"
              + target.label()
              + "' is not one of the model's labels ("
              + String.join(", ", model.card().labels())
              + ")");
    }
    CanaryTemplate template = target.template();
    Optional<Secret> secret = Optional.ofNullable(target.secret());
    CanarySearches.Access access =
        new CanarySearches.Access(
            model,
            label,
            new ModelCandidateScorer(model, label),
            request.modiva().withSeed(request.seed()));
    List<ExtractionResult> results = new ArrayList<>();
    for (CanarySearch search :
        CanarySearches.forMethod(request.method(), access, template, request.extraction())) {
      results.add(search.search(template, secret, request.extraction(), progress));
    }
    return finding(target, template, secret, results, request.revealSecrets());
  }

  /** The canary's finding from every search's result; the first result is the primary one. */
  private static Measured finding(
      CanaryTarget target,
      CanaryTemplate template,
      Optional<Secret> secret,
      List<ExtractionResult> results,
      boolean reveal) {
    List<CanaryFinding.MethodRun> runs = new ArrayList<>();
    Long rank = null;
    Double exposure = null;
    Double extrapolated = null;
    RankSample sample = null;
    for (ExtractionResult r : results) {
      Optional<SecretOutcome> o = r.secret();
      runs.add(
          new CanaryFinding.MethodRun(
              r.method(),
              o.map(SecretOutcome::exactExtraction).orElse(null),
              o.map(SecretOutcome::perSlotAccuracy).orElse(null),
              r.candidatesScored(),
              r.candidatesPerSecond(),
              r.wallSeconds()));
      if (o.isPresent()) {
        if (o.get().rank().isPresent() && rank == null) {
          rank = o.get().rank().getAsLong();
        }
        Optional<ExposureEstimate> e = o.get().exposure();
        if (e.isPresent()) {
          if (e.get().method() == ExposureMethod.EXACT_RANK) {
            exposure = exposure == null ? e.get().bits() : exposure;
          } else {
            extrapolated = extrapolated == null ? e.get().bits() : extrapolated;
          }
        }
        if (sample == null && o.get().rankSample().isPresent()) {
          sample = o.get().rankSample().get();
        }
      }
    }
    // The primary search is the first (exact when it enumerated).
    ExtractionResult primary = results.get(0);
    List<CanaryFinding.Guess> guesses = new ArrayList<>();
    for (Guess g : primary.topGuesses()) {
      guesses.add(new CanaryFinding.Guess(template.format(g.secret()), g.loss()));
    }
    long candidates = template.spaceFitsInLong() ? template.spaceSizeExact() : Long.MAX_VALUE;
    CanaryBounds.RankEvidence evidence =
        new CanaryBounds.RankEvidence(
            rank,
            rank == null ? sample : null,
            rank == null ? extrapolated : null,
            template.log2SpaceSize(),
            target.repetitions(),
            target.uniformSecret());
    CanaryFinding finding =
        new CanaryFinding(
            target.id(),
            template.source(),
            target.label(),
            target.repetitions(),
            candidates,
            rank,
            exposure,
            extrapolated,
            primary.secret().map(SecretOutcome::exactExtraction).orElse(null),
            primary.secret().map(SecretOutcome::perSlotAccuracy).orElse(null),
            primary.method(),
            runs,
            List.of(),
            reveal && secret.isPresent() ? template.format(secret.get()) : null,
            reveal ? guesses : null);
    return new Measured(finding, evidence);
  }
}
