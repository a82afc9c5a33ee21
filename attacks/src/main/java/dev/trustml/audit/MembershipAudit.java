package dev.trustml.audit;

import dev.trustml.audit.shadow.ShadowModels;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.Attack;
import dev.trustml.membership.AttackInput;
import dev.trustml.membership.AttackRegistry;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.membership.PopulationOutputs;
import dev.trustml.membership.ReferenceOutputs;
import dev.trustml.membership.eval.AttackMetrics;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.membership.eval.MembershipEvaluator;
import dev.trustml.membership.eval.SliceMetrics;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.progress.Progress;
import dev.trustml.provenance.Provenance;
import dev.trustml.results.AttackResult;
import dev.trustml.results.EpsilonLowerBound;
import dev.trustml.results.Interval;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.ModelRef;
import dev.trustml.results.OneRunBound;
import dev.trustml.results.RocPoint;
import dev.trustml.results.SliceResult;
import dev.trustml.results.Theoretical;
import dev.trustml.results.TprAtFpr;
import dev.trustml.results.Verdict;
import dev.trustml.scoring.Scorer;
import dev.trustml.stats.EpsilonLowerBoundResult;
import dev.trustml.stats.OneRunAudit;
import dev.trustml.stats.OneRunAuditResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code trustml audit membership} as a library call: score the member and non-member rows with the
 * target (and reference models), run each attack, evaluate it, and set the strongest empirical
 * epsilon lower bound against the model's claim. Computes only; rendering is elsewhere.
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

    // 1. Target outputs on every row, streamed from both files.
    ScoredRows rows = new ScoredRows(k, keepTexts);
    Scorer scorer = new Scorer(target);
    long memberRows =
        scorer
            .score(
                request.members(),
                request.columns(),
                e -> rows.add(e, true, labelNames.get(e.label())))
            .rows();
    long nonMemberRows =
        scorer
            .score(
                request.nonMembers(),
                request.columns(),
                e -> rows.add(e, false, labelNames.get(e.label())))
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
    ModelOutputs targetOutputs = ModelOutputs.of("target", k, labels, rows.logits());

    // 2. Reference models, trained here or given.
    ReferenceOutputs references = null;
    PopulationOutputs population = null;
    int referenceCount = 0;
    if (request.hasReferenceModels()) {
      String[] texts = rows.texts();
      long[][] tokens = new long[texts.length][];
      for (int i = 0; i < texts.length; i++) {
        tokens[i] = target.tokenizer().encode(texts[i], target.card().maxLength());
      }
      List<ModelOutputs> outs = new ArrayList<>();
      List<boolean[]> masks = new ArrayList<>();
      if (request.shadows() != null) {
        ShadowModels.Trained trained =
            ShadowModels.train(target, tokens, labels, request.shadows(), progress);
        outs.addAll(trained.outputs());
        masks.addAll(Arrays.asList(trained.in()));
      }
      for (Path dir : request.references()) {
        addGivenReference(target, dir, texts, labels, rows.keys(), request.columns(), outs, masks);
      }
      references = ReferenceOutputs.of(outs, masks.toArray(new boolean[0][]));
      referenceCount = outs.size();
      population = populationFromNonMembers(targetOutputs, outs, isMember, labels, k);
    }
    AttackInput input = AttackInput.of(targetOutputs, references, population, request.seed());
    if (request.oneRunGuesses() != null
        && (request.oneRunGuesses() < 1 || 2L * request.oneRunGuesses() > isMember.length)) {
      throw new UsageException(
          "--one-run needs 1 <= K and 2K <= rows audited ("
              + isMember.length
              + "); got "
              + request.oneRunGuesses());
    }

    // 3. Attacks.
    AttackRegistry registry = AttackRegistry.builtIn(request.rmia());
    List<Attack> attacks =
        request.attacks().isEmpty()
            ? registry.defaultsFor(input)
            : registry.byNames(request.attacks());
    for (Attack a : attacks) {
      dev.trustml.membership.Requirement.check(a.info(), input);
    }

    // 4. Evaluate. Each attack's epsilon bound is taken at a Bonferroni-adjusted confidence so
    // that the largest of them holds at the stated confidence (family-wise).
    Theoretical theoretical = theoretical(target, request.claimOverride());
    double delta = theoretical == null ? 0.0 : theoretical.delta();
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
      EpsilonLowerBoundResult eps =
          dev.trustml.stats.EpsilonLowerBound.splitHalf(
              scores, isMember, perAttackConfidence, delta, request.seed());
      OneRunBound oneRun = null;
      if (request.oneRunGuesses() != null) {
        OneRunAuditResult r =
            OneRunAudit.audit(
                scores,
                isMember,
                request.oneRunGuesses(),
                request.oneRunGuesses(),
                delta,
                perAttackConfidence,
                request.seed());
        oneRun =
            new OneRunBound(
                r.epsilonLowerBound(),
                familyConfidence,
                request.oneRunGuesses(),
                r.correctGuesses(),
                r.canaries());
      }
      results.add(toResult(attack, m, eps, familyConfidence, scores, isMember, oneRun));
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
    AttackResult strongest =
        results.stream()
            .max(
                (a, b) ->
                    Double.compare(a.epsilonLowerBound().value(), b.epsilonLowerBound().value()))
            .orElseThrow();
    double largest = strongest.epsilonLowerBound().value();
    // Until the audit records its design, every bound counts as rigorous (the old semantics).
    Verdict verdict =
        Verdict.decide(theoretical == null ? null : theoretical.epsilon(), largest, null);
    String reason = reason(verdict, strongest, theoretical, familyConfidence, attacks.size());

    Provenance provenance =
        Provenance.of(
            new Provenance.ModelRef(
                target.bundle().dir().toString(), Hashing.sha256(target.bundle().modelFile())),
            List.of(
                new Provenance.DataRef(
                    "members",
                    request.members().toString(),
                    Hashing.sha256(request.members()),
                    memberRows),
                new Provenance.DataRef(
                    "non-members",
                    request.nonMembers().toString(),
                    Hashing.sha256(request.nonMembers()),
                    nonMemberRows)),
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
            verdict,
            reason,
            memberRows,
            nonMemberRows,
            referenceCount,
            results,
            slices,
            conventions(familyConfidence, attacks.size(), delta),
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

  private static AttackResult toResult(
      Attack attack,
      AttackMetrics m,
      EpsilonLowerBoundResult eps,
      double familyConfidence,
      double[] scores,
      boolean[] isMember,
      OneRunBound oneRun) {
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
        new EpsilonLowerBound(
            eps.value(), familyConfidence, eps.delta(), eps.method().description(), eps.rowsUsed()),
        new AttackResult.Intervals(
            interval(m.aucCi()), interval(m.advantageCi()), m.bootstrapResamples()),
        roc,
        ScoreHistograms.of(scores, isMember, HISTOGRAM_BINS),
        oneRun);
  }

  private static Interval interval(dev.trustml.stats.Interval i) {
    return i == null ? null : new Interval(i.lower(), i.upper(), i.confidence());
  }

  private static String reason(
      Verdict verdict, AttackResult strongest, Theoretical claim, double confidence, int attacks) {
    String bound =
        String.format(
            Locale.ROOT,
            "the largest empirical lower bound is epsilon >= %.3f (%s, %.0f%% confidence"
                + " family-wise over %d attack%s)",
            strongest.epsilonLowerBound().value(),
            strongest.name(),
            100 * confidence,
            attacks,
            attacks == 1 ? "" : "s");
    return switch (verdict) {
      case NO_CLAIM -> "The model claims no differential privacy; " + bound + ".";
      case CONSISTENT ->
          String.format(
              Locale.ROOT,
              "Consistent with the claimed epsilon = %.4g (delta = %.3g): %s, not above it.",
              claim.epsilon(),
              claim.delta(),
              bound);
      case SUSPECT ->
          String.format(
              Locale.ROOT,
              "SUSPECT: %s, above the claimed epsilon = %.4g (delta = %.3g), but it is an"
                  + " estimate.",
              bound,
              claim.epsilon(),
              claim.delta());
      case VIOLATED ->
          String.format(
              Locale.ROOT,
              "VIOLATED: %s, above the claimed epsilon = %.4g (delta = %.3g). The DP claim is false"
                  + " or the accounting is wrong.",
              bound,
              claim.epsilon(),
              claim.delta());
    };
  }

  private static List<String> conventions(double confidence, int attacks, double delta) {
    return List.of(
        "TPR at FPR t is the largest TPR among operating points with FPR <= t (no interpolation).",
        "Scores: higher means 'more likely a member'; AUC counts ties as one half.",
        String.format(
            Locale.ROOT,
            "Intervals are %.0f%% percentile bootstrap intervals (Poisson bootstrap).",
            100 * confidence),
        String.format(
            Locale.ROOT,
            "Epsilon lower bounds (Jagielski et al. 2020; Nasr et al. 2021) use Clopper-Pearson"
                + " upper bounds on FPR and FNR at delta = %.3g; the decision threshold is chosen on"
                + " a seeded random half of the rows and the bound computed on the other half; each"
                + " attack's bound holds at 1 - (1 - %.2f)/%d so the largest holds at %.0f%%"
                + " (Bonferroni).",
            delta,
            confidence,
            attacks,
            100 * confidence),
        "One-run bounds (Steinke, Nasr & Jagielski 2023), when present, assume every audited row"
            + " was included in training independently at random; they are reported beside, not"
            + " in, the verdict.");
  }

  /** RMIA's z samples: the non-member rows (known not to be in the target's training data). */
  private static PopulationOutputs populationFromNonMembers(
      ModelOutputs target, List<ModelOutputs> refs, boolean[] isMember, int[] labels, int k)
      throws BadInputException {
    int[] idx =
        java.util.stream.IntStream.range(0, isMember.length).filter(i -> !isMember[i]).toArray();
    ModelOutputs t = subset(target, idx, labels, k);
    List<ModelOutputs> r = new ArrayList<>();
    for (ModelOutputs m : refs) {
      r.add(subset(m, idx, labels, k));
    }
    return PopulationOutputs.of(t, r);
  }

  private static ModelOutputs subset(ModelOutputs m, int[] idx, int[] labels, int k)
      throws BadInputException {
    float[] z = new float[idx.length * k];
    int[] y = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      y[i] = labels[idx[i]];
      for (int c = 0; c < k; c++) {
        z[i * k + c] = m.logit(idx[i], c);
      }
    }
    return ModelOutputs.of(m.source() + " (population)", k, y, z);
  }

  /**
   * A reference model given by the user: it must share the target's labels and name the rows it
   * trained on (trustml's cards do), so each audit row is known to be IN or OUT for it.
   */
  private static void addGivenReference(
      LoadedModel target,
      Path dir,
      String[] texts,
      int[] labels,
      long[] keys,
      CsvColumns columns,
      List<ModelOutputs> outs,
      List<boolean[]> masks)
      throws TrustmlException {
    ModelBundle bundle = ModelBundle.open(dir);
    if (!bundle.card().labels().equals(target.card().labels())) {
      throw new BadInputException(
          dir
              + ": reference model has labels "
              + bundle.card().labels()
              + " but the target has "
              + target.card().labels()
              + "; reference models must share the target's label set");
    }
    if (bundle.card().training() == null || bundle.card().training().membersFile() == null) {
      throw new BadInputException(
          dir
              + ": the reference model's card does not name its training rows"
              + " (training.members_file); trustml must know which audit rows it trained on");
    }
    Path membersFile = dir.resolve(bundle.card().training().membersFile());
    long[] trainedKeys;
    try (LabeledCsvReader reader = LabeledCsvReader.open(membersFile, columns)) {
      List<Long> ks = new ArrayList<>();
      for (LabeledText t; (t = reader.next()) != null; ) {
        ks.add(RowKey.of(t.text(), t.label()));
      }
      trainedKeys = ks.stream().mapToLong(Long::longValue).sorted().toArray();
    }
    boolean[] in = new boolean[keys.length];
    for (int i = 0; i < keys.length; i++) {
      in[i] = Arrays.binarySearch(trainedKeys, keys[i]) >= 0;
    }
    try (LoadedModel ref = LoadedModel.load(bundle, false)) {
      // The reference scores the rows with its own tokenizer.
      long[][] tokens = new long[texts.length][];
      for (int i = 0; i < texts.length; i++) {
        tokens[i] = ref.tokenizer().encode(texts[i], ref.card().maxLength());
      }
      float[] logits = BatchLogits.of(ref, tokens);
      outs.add(ModelOutputs.of("reference " + dir, target.card().labels().size(), labels, logits));
      masks.add(in);
    }
  }
}
