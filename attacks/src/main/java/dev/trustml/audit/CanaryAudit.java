package dev.trustml.audit;

import dev.trustml.canary.Alphabet;
import dev.trustml.canary.CanaryExtractor;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.EnumerationSearch;
import dev.trustml.canary.ExposureEstimate;
import dev.trustml.canary.ExposureMethod;
import dev.trustml.canary.ExtractionResult;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.Guess;
import dev.trustml.canary.RankSample;
import dev.trustml.canary.Secret;
import dev.trustml.canary.SecretOutcome;
import dev.trustml.canary.modiva.Modiva;
import dev.trustml.canary.modiva.ModivaProblem;
import dev.trustml.canary.modiva.ModivaResult;
import dev.trustml.error.BadInputException;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.io.Hashing;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.torchscript.TextClassifierScript;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.AuditSetResult;
import dev.trustml.results.CanaryFinding;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.Theoretical;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * {@code trustml audit canary} as a library call: for each canary, run the chosen extraction
 * methods and measure rank, exposure and exact extraction. Computes only.
 */
public final class CanaryAudit {
  /** Enumeration beyond this many candidates is refused (it would take hours): use beam. */
  public static final long ENUMERATION_HARD_LIMIT = 20_000_000L;

  private CanaryAudit() {}

  /**
   * Runs the audit; the model must be loaded trainable when ModIvA may run. Each canary's rank
   * gives a differential-privacy test, the audit set (if any) a one-run bound; all are set against
   * the claim, family-wise at the request's confidence.
   */
  public static CanaryResult run(LoadedModel model, CanaryAuditRequest request, Progress progress)
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
    Theoretical theoretical = MembershipAudit.theoretical(model, request.claimOverride());

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
      LoadedModel model, CanaryTarget target, CanaryAuditRequest request, Progress progress)
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
    ModelCandidateScorer scorer = new ModelCandidateScorer(model, label);
    ExtractionSettings settings = request.extraction();
    boolean small =
        template.spaceFitsInLong() && template.spaceSizeExact() <= settings.enumerationLimit();
    boolean whiteBox = model.hasMethod(TextClassifierScript.EMBEDDING_METHOD);

    List<ExtractionResult> blackBox = new ArrayList<>();
    ModivaResult modiva = null;
    switch (request.method()) {
      case AUTO ->
          blackBox.add(new CanaryExtractor(scorer, settings).extract(template, secret, progress));
      case ENUMERATE -> blackBox.add(enumerate(scorer, template, secret, settings, progress));
      case BEAM -> blackBox.add(beam(scorer, template, secret, settings, progress));
      case MODIVA -> modiva = modiva(model, template, label, request, progress);
      case ALL -> {
        if (small) {
          blackBox.add(enumerate(scorer, template, secret, settings, progress));
        }
        blackBox.add(beam(scorer, template, secret, settings, progress));
        if (whiteBox && model.trainable()) {
          modiva = modiva(model, template, label, request, progress);
        }
      }
    }
    return finding(target, template, secret, blackBox, modiva, request.revealSecrets());
  }

  private static ExtractionResult enumerate(
      ModelCandidateScorer scorer,
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    if (!template.spaceFitsInLong() || template.spaceSizeExact() > ENUMERATION_HARD_LIMIT) {
      throw new UsageException(
          Message.of(
              String.format(
                  "canary '%s' has 2^%.1f candidates, too many to enumerate (limit %,d); use ",
                  template.source(), template.log2SpaceSize(), ENUMERATION_HARD_LIMIT),
              Message.ref(Setting.CANARY_METHOD, "the method"),
              " beam or modiva"));
    }
    return new EnumerationSearch(scorer, settings.topK()).run(template, secret, progress);
  }

  /** Beam search, plus the extrapolated exposure when the secret is known. */
  private static ExtractionResult beam(
      ModelCandidateScorer scorer,
      CanaryTemplate template,
      Optional<Secret> secret,
      ExtractionSettings settings,
      Progress progress)
      throws TrustmlException {
    ExtractionSettings beamOnly =
        new ExtractionSettings(
            0,
            settings.topK(),
            settings.beamWidth(),
            settings.partialForm(),
            settings.exposureSampleSize(),
            settings.seed());
    return new CanaryExtractor(scorer, beamOnly).extract(template, secret, progress);
  }

  private static ModivaResult modiva(
      LoadedModel model,
      CanaryTemplate template,
      int label,
      CanaryAuditRequest request,
      Progress progress)
      throws TrustmlException {
    return Modiva.run(
        model,
        problem(model, template, label),
        request.modiva().withSeed(request.seed()),
        progress);
  }

  /** The template as token ids with one position per slot, and each slot's token ids. */
  public static ModivaProblem problem(LoadedModel model, CanaryTemplate template, int label)
      throws BadInputException {
    List<Long> tokens = new ArrayList<>();
    int[] positions = new int[template.slotCount()];
    long[][] alphabets = new long[template.slotCount()][];
    List<String> fixed = template.fixedSegments();
    int maxLength = model.card().maxLength();
    for (int s = 0; s <= template.slotCount(); s++) {
      for (long t : model.tokenizer().encode(fixed.get(s), maxLength)) {
        tokens.add(t);
      }
      if (s < template.slotCount()) {
        Alphabet a = template.alphabet(s);
        long[] ids = new long[a.size()];
        for (int v = 0; v < a.size(); v++) {
          ids[v] = model.tokenizer().tokenId(a.value(v));
          if (ids[v] < 0) {
            throw new BadInputException(
                "canary '"
                    + template.source()
                    + "': slot "
                    + (s + 1)
                    + " value '"
                    + a.value(v)
                    + "' is not a single token of the model's vocabulary; ModIvA needs one token"
                    + " per slot value (black-box methods enumerate and beam still work)");
          }
        }
        positions[s] = tokens.size();
        alphabets[s] = ids;
        tokens.add(ids[0]);
      }
    }
    if (tokens.size() > maxLength) {
      throw new BadInputException(
          "canary '" + template.source() + "' is longer than the model's max length " + maxLength);
    }
    return new ModivaProblem(
        tokens.stream().mapToLong(Long::longValue).toArray(), positions, alphabets, label);
  }

  private static Measured finding(
      CanaryTarget target,
      CanaryTemplate template,
      Optional<Secret> secret,
      List<ExtractionResult> blackBox,
      ModivaResult modiva,
      boolean reveal) {
    List<CanaryFinding.MethodRun> runs = new ArrayList<>();
    Long rank = null;
    Double exposure = null;
    Double extrapolated = null;
    RankSample sample = null;
    for (ExtractionResult r : blackBox) {
      Optional<SecretOutcome> o = r.secret();
      runs.add(
          new CanaryFinding.MethodRun(
              r.method().name().toLowerCase(java.util.Locale.ROOT),
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
    Boolean modivaExtracted = null;
    Double modivaSlots = null;
    if (modiva != null) {
      if (secret.isPresent()) {
        int[] best = modiva.best().symbols();
        modivaExtracted = Arrays.equals(best, secret.get().positions());
        modivaSlots = slotAccuracy(best, secret.get().positions());
      }
      double seconds = modiva.wallTime().toNanos() / 1e9;
      runs.add(
          new CanaryFinding.MethodRun(
              "modiva",
              modivaExtracted,
              modivaSlots,
              modiva.candidatesScored(),
              seconds > 0 ? modiva.candidatesScored() / seconds : 0,
              seconds));
    }
    // The primary method is the first black-box run (exact when it enumerated), else ModIvA.
    String method;
    Boolean extracted;
    Double slots;
    List<CanaryFinding.Guess> guesses = new ArrayList<>();
    if (!blackBox.isEmpty()) {
      ExtractionResult primary = blackBox.get(0);
      method = primary.method().name().toLowerCase(java.util.Locale.ROOT);
      extracted = primary.secret().map(SecretOutcome::exactExtraction).orElse(null);
      slots = primary.secret().map(SecretOutcome::perSlotAccuracy).orElse(null);
      for (Guess g : primary.topGuesses()) {
        guesses.add(new CanaryFinding.Guess(template.format(g.secret()), g.loss()));
      }
    } else {
      method = "modiva";
      extracted = modivaExtracted;
      slots = modivaSlots;
      for (ModivaResult.Reconstruction r : modiva.reconstructions()) {
        guesses.add(new CanaryFinding.Guess(template.format(Secret.of(r.symbols())), r.loss()));
      }
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
            extracted,
            slots,
            method,
            runs,
            List.of(),
            reveal && secret.isPresent() ? template.format(secret.get()) : null,
            reveal ? guesses : null);
    return new Measured(finding, evidence);
  }

  private static double slotAccuracy(int[] guess, int[] secret) {
    int same = 0;
    for (int i = 0; i < secret.length; i++) {
      same += guess[i] == secret[i] ? 1 : 0;
    }
    return (double) same / secret.length;
  }
}
