package dev.trustml.audit;

import dev.trustml.audit.shadow.PlanReferences;
import dev.trustml.audit.shadow.ReferencePlanFile;
import dev.trustml.audit.shadow.ReferenceSet;
import dev.trustml.audit.shadow.ShadowModels;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.Attack;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.AttackRegistry;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.membership.PopulationOutputs;
import dev.trustml.membership.ReferenceOutputs;
import dev.trustml.membership.Requirement;
import dev.trustml.membership.VocabularyCoverage;
import dev.trustml.membership.eval.AttackMetrics;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.membership.eval.MembershipEvaluator;
import dev.trustml.membership.eval.SliceMetrics;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.AttackResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Interval;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.RocPoint;
import dev.trustml.results.SliceResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.scoring.Scorer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code trustml audit membership} as a library call: score the member and non-member rows with the
 * target (and reference models), run each attack, evaluate it, and set its epsilon figures against
 * the model's claim. Computes only; rendering is elsewhere.
 *
 * <p>What the audit may call rigorous depends on how members were chosen ({@link AuditDesign}):
 * only rows included by independent fair coin flips, recorded on the model card and audited on the
 * card's own files, give rigorous one-run bounds (Steinke, Nasr &amp; Jagielski 2023); every other
 * figure is an estimate, which can make a model suspect but never violated. No attack score uses
 * the rows' membership.
 */
public final class MembershipAudit {
  private static final int HISTOGRAM_BINS = 30;

  private MembershipAudit() {}

  /** Runs the audit. */
  public static MembershipAuditOutcome run(
      LoadedModel target, MembershipAuditRequest request, Progress progress)
      throws TrustmlException {
    Instant started = Instant.now();
    List<String> labelNames = target.card().labels();
    int k = labelNames.size();
    boolean keepTexts = request.hasReferenceModels();

    // Named attacks are checked before any scoring; coverage is computed only when an attack may
    // read it (tokenising every text twice costs time on big audits).
    AttackRegistry registry = AttackRegistry.builtIn(request.rmia());
    List<Attack> named = registry.byNames(request.attacks());
    boolean wantsCoverage =
        named.isEmpty()
            || named.stream()
                .anyMatch(a -> a.info().requirements().contains(Requirement.NEEDS_VOCABULARY));

    // 1. Target outputs on every row, streamed from both files, and the vocabulary's coverage.
    ScoredRows rows = new ScoredRows(k, keepTexts);
    VocabularyCoverage.Builder coverage =
        wantsCoverage ? VocabularyCoverage.builder(target.tokenizer()) : null;
    Scorer scorer = new Scorer(target);
    long memberRows =
        scorer
            .score(
                request.members(),
                request.columns(),
                e -> {
                  rows.add(e, true, labelNames.get(e.label()));
                  if (coverage != null) {
                    coverage.add(e.text());
                  }
                })
            .rows();
    long nonMemberRows =
        scorer
            .score(
                request.nonMembers(),
                request.columns(),
                e -> {
                  rows.add(e, false, labelNames.get(e.label()));
                  if (coverage != null) {
                    coverage.add(e.text());
                  }
                })
            .rows();
    long overlap = rows.overlapCount();
    if (overlap > 0) {
      throw new BadInputException(
          request.members()
              + " and "
              + request.nonMembers()
              + " share "
              + overlap
              + " row(s) with the same text and label; a row cannot be both a member and a"
              + " non-member: remove them from one file");
    }
    int[] labels = rows.labels();
    boolean[] isMember = rows.isMember();
    long[] keys = rows.keys();
    ModelOutputs targetOutputs = ModelOutputs.of("target", k, labels, rows.logits());
    ScoredRows populationRows =
        request.population() == null
            ? null
            : PopulationRows.score(
                scorer, request.population(), request.columns(), labelNames, keepTexts, keys);

    String membersSha = Hashing.sha256(request.members());
    String nonMembersSha = Hashing.sha256(request.nonMembers());
    AuditDesign design =
        AuditDesign.of(
            target.bundle(), request.members(), request.nonMembers(), membersSha, nonMembersSha);
    Theoretical theoretical = theoretical(target, request.claimOverride());
    double delta = delta(theoretical);
    EpsilonBounds bounds =
        new EpsilonBounds(isMember, keys, design, request.oneRun(), delta, request.seed());

    // 2. Reference models, trained here or given; their outputs on the population rows too.
    References refs =
        request.hasReferenceModels()
            ? References.build(target, request, rows, populationRows, progress)
            : null;
    PopulationOutputs population = null;
    if (populationRows != null) {
      ModelOutputs popTarget =
          ModelOutputs.of(
              "target (population)", k, populationRows.labels(), populationRows.logits());
      population =
          refs == null
              ? PopulationOutputs.of(popTarget, List.of())
              : PopulationOutputs.of(popTarget, refs.populationOutputs(), refs.populationIn());
    }
    ReferenceOutputs references = refs == null ? null : refs.auditOutputs();
    AttackInput input =
        AttackInput.of(
            targetOutputs,
            references,
            population,
            request.seed(),
            coverage == null ? null : coverage.build());

    // 3. Attacks.
    List<Attack> attacks = named.isEmpty() ? registry.defaultsFor(input) : named;
    for (Attack a : attacks) {
      Requirement.check(a.info(), input);
    }

    // 4. Evaluate. Each attack's epsilon figures are taken at a Bonferroni-adjusted confidence so
    // that the largest of them holds at the stated confidence (family-wise).
    EvaluationSettings settings = request.evaluation().withDelta(delta);
    double familyConfidence = settings.confidence();
    double perAttackConfidence = 1 - (1 - familyConfidence) / attacks.size();
    MembershipEvaluator evaluator =
        new MembershipEvaluator(settings.withConfidence(familyConfidence));
    List<AttackResult> results = new ArrayList<>();
    List<SliceResult> slices = new ArrayList<>();
    List<double[]> allScores = new ArrayList<>();
    List<String> names = new ArrayList<>();
    progress.start("attacks", attacks.size());
    for (Attack attack : attacks) {
      double[] scores = attack.score(input);
      AttackMetrics m = evaluator.evaluate(scores, isMember, labels);
      results.add(
          toResult(
              attack,
              m,
              bounds.oneRun(scores, perAttackConfidence, familyConfidence),
              bounds.estimate(scores, perAttackConfidence, familyConfidence),
              scores,
              isMember));
      for (SliceMetrics s : m.slices()) {
        slices.add(
            new SliceResult(
                attack.info().name(),
                labelNames.get(s.label()),
                s.members(),
                s.nonMembers(),
                s.auc(),
                s.tprAtFpr()));
      }
      allScores.add(scores);
      names.add(attack.info().name());
      progress.advance(1);
    }
    progress.done();

    // 5. Verdict against the claim.
    MembershipVerdict verdict =
        MembershipVerdict.decide(theoretical, results, design, familyConfidence, attacks.size());

    List<Provenance.DataRef> data = new ArrayList<>();
    data.add(
        new Provenance.DataRef("members", request.members().toString(), membersSha, memberRows));
    data.add(
        new Provenance.DataRef(
            "non-members", request.nonMembers().toString(), nonMembersSha, nonMemberRows));
    if (populationRows != null) {
      data.add(
          new Provenance.DataRef(
              "population",
              request.population().toString(),
              Hashing.sha256(request.population()),
              populationRows.size()));
    }
    Provenance provenance =
        Provenance.of(
            new Provenance.ModelRef(
                target.bundle().dir().toString(), Hashing.sha256(target.bundle().modelFile())),
            data,
            request.seed(),
            started);
    MembershipResult result =
        new MembershipResult(
            MembershipResult.SCHEMA_VERSION,
            MembershipResult.KIND,
            new ModelRef(
                target.bundle().dir().toString(),
                target.bundle().displayName(),
                provenance.model().sha256()),
            theoretical,
            verdict.verdict(),
            verdict.reason(),
            verdict.basis(),
            memberRows,
            nonMemberRows,
            refs == null ? 0 : refs.count(),
            results,
            slices,
            conventions(
                familyConfidence, attacks.size(), delta, design, bounds, populationRows != null),
            provenance);
    AuditScores scores =
        new AuditScores(rows.rowNumbers(), isMember, labels, labelNames, names, allScores);
    return new MembershipAuditOutcome(result, scores);
  }

  /** The claim: the command line's if given, else the model card's, else none. */
  static Theoretical theoretical(LoadedModel target, Theoretical override) {
    if (override != null) {
      return override;
    }
    PrivacyClaim p = target.card().privacy();
    return p == null ? null : new Theoretical(p.epsilon(), p.delta(), p.accountant(), "model-card");
  }

  private static double delta(Theoretical theoretical) {
    return theoretical == null ? 0.0 : theoretical.delta();
  }

  private static AttackResult toResult(
      Attack attack,
      AttackMetrics m,
      EpsilonLowerBound oneRun,
      EpsilonLowerBound estimate,
      double[] scores,
      boolean[] isMember) {
    List<TprAtFpr.Point> points = new ArrayList<>();
    for (dev.trustml.membership.eval.TprAtFpr t : m.tprAtFpr()) {
      points.add(new TprAtFpr.Point(t.fpr(), t.tpr(), interval(t.ci())));
    }
    List<RocPoint> roc = new ArrayList<>();
    for (dev.trustml.stats.RocPoint p : m.roc()) {
      roc.add(new RocPoint(p.fpr(), p.tpr()));
    }
    return new AttackResult(
        attack.info().name(),
        attack.info().threatModel().description(),
        attack.info().citation(),
        m.auc(),
        m.advantage(),
        m.balancedAccuracy(),
        new TprAtFpr(points),
        oneRun,
        estimate,
        new AttackResult.Intervals(
            interval(m.aucCi()), interval(m.advantageCi()), m.bootstrapResamples()),
        roc,
        ScoreHistograms.of(scores, isMember, HISTOGRAM_BINS));
  }

  private static Interval interval(dev.trustml.stats.Interval i) {
    return i == null ? null : new Interval(i.lower(), i.upper(), i.confidence());
  }

  private static List<String> conventions(
      double confidence,
      int attacks,
      double delta,
      AuditDesign design,
      EpsilonBounds bounds,
      boolean populationFile) {
    List<String> out = new ArrayList<>();
    out.add(
        "TPR at FPR t is the largest TPR among operating points with FPR <= t (no interpolation).");
    out.add("Scores: higher means 'more likely a member'; AUC counts ties as one half.");
    out.add(
        String.format(
            Locale.ROOT,
            "Intervals are %.0f%% percentile bootstrap intervals (Poisson bootstrap).",
            100 * confidence));
    out.add("Membership design: " + design.describe() + ".");
    out.add(
        String.format(
            Locale.ROOT,
            "epsilon_estimate (Jagielski et al. 2020; Nasr et al. 2021): Clopper-Pearson upper"
                + " bounds on FPR and FNR at delta = %.3g, the threshold chosen on a seeded random"
                + " half of the rows and the bound computed on the other half. It is an ESTIMATE:"
                + " it treats the rows of one model as independent trials and assumes members and"
                + " non-members come from the same distribution, so it can make a model suspect,"
                + " never violated.",
            delta));
    out.add(
        bounds.computesOneRun()
            ? String.format(
                Locale.ROOT,
                "epsilon_lower_bound (Steinke, Nasr & Jagielski 2023, one training run): guesses"
                    + " 'member' for the highest and 'non-member' for the lowest scores; rigorous"
                    + " only when every row was included by an independent fair coin (%s). %d"
                    + " audit row(s) whose text and label occur more than once are one group, not"
                    + " independent trials, and are left out of it.",
                design.supportsRigorousBound() ? "this audit's design" : "not this audit's design",
                bounds.excludedRows())
            : "epsilon_lower_bound (Steinke, Nasr & Jagielski 2023, one training run) is absent:"
                + " it is rigorous only when every row was included by an independent fair coin,"
                + " recorded on the model card (training.design bernoulli 0.5), and audited on the"
                + " card's own member and non-member files.");
    out.add(
        String.format(
            Locale.ROOT,
            "Each attack's figures hold at 1 - (1 - %.2f)/%d so the largest holds at %.0f%%"
                + " (Bonferroni over attacks).",
            confidence,
            attacks,
            100 * confidence));
    out.add(
        populationFile
            ? "RMIA's population and class calibration: the population file (rows outside the"
                + " target's training data, never evaluated); each population row's marginal uses"
                + " only the reference models it is OUT for."
            : "RMIA's population and class calibration: the audit rows cross-fitted in two seeded"
                + " folds (rows of one fold compared with / calibrated on the other fold); each"
                + " population row's marginal uses only the reference models it is OUT for; no"
                + " membership bit is used.");
    return out;
  }

  /** The reference models' outputs on the audit rows and on the population rows. */
  private record References(
      ReferenceOutputs auditOutputs,
      List<ModelOutputs> populationOutputs,
      boolean[][] populationIn,
      int count) {

    static References build(
        LoadedModel target,
        MembershipAuditRequest request,
        ScoredRows rows,
        ScoredRows population,
        Progress progress)
        throws TrustmlException {
      int[] labels = rows.labels();
      String[] popTexts = population == null ? null : population.texts();
      int[] popLabels = population == null ? null : population.labels();
      // In the order given: shadows, then each --reference (a bundle or a plan's models).
      List<ReferenceSet> sets = new ArrayList<>();
      if (request.shadows() != null) {
        sets.add(
            ShadowModels.train(
                target, rows.texts(), labels, popTexts, popLabels, request.shadows(), progress));
      }
      for (Path dir : request.references()) {
        if (ReferencePlanFile.isPlan(dir)) {
          sets.add(
              PlanReferences.collect(
                  dir,
                  target.card().labels(),
                  Hashing.sha256(target.bundle().modelFile()),
                  new PlanReferences.Rows(rows.texts(), labels, rows.keys()),
                  population == null
                      ? null
                      : new PlanReferences.Rows(popTexts, popLabels, population.keys()),
                  request.shadows() != null
                      ? request.shadows().threads()
                      : Runtime.getRuntime().availableProcessors(),
                  progress));
          continue;
        }
        GivenReference ref = GivenReference.score(target, dir, request.columns(), rows, population);
        sets.add(
            new ReferenceSet(
                List.of(ref.auditOutputs()),
                new boolean[][] {ref.auditIn()},
                population == null ? List.of() : List.of(ref.populationOutputs()),
                population == null ? null : new boolean[][] {ref.populationIn()}));
      }
      List<ModelOutputs> outs = new ArrayList<>();
      List<boolean[]> masks = new ArrayList<>();
      List<ModelOutputs> popOuts = new ArrayList<>();
      List<boolean[]> popMasks = new ArrayList<>();
      for (ReferenceSet set : sets) {
        outs.addAll(set.outputs());
        masks.addAll(Arrays.asList(set.in()));
        popOuts.addAll(set.populationOutputs());
        if (population != null) {
          popMasks.addAll(Arrays.asList(set.populationIn()));
        }
      }
      return new References(
          ReferenceOutputs.of(outs, masks.toArray(new boolean[0][])),
          popOuts,
          population == null ? null : popMasks.toArray(new boolean[0][]),
          outs.size());
    }
  }
}
