package dev.trustml.cli;

import dev.trustml.audit.AuditRows;
import dev.trustml.audit.MembershipAnalysis;
import dev.trustml.audit.MembershipAnalysisSettings;
import dev.trustml.audit.MembershipAuditData;
import dev.trustml.audit.MembershipAuditOutcome;
import dev.trustml.audit.MembershipAuditRequest;
import dev.trustml.audit.MembershipCollector;
import dev.trustml.audit.OneRunOption;
import dev.trustml.audit.outputs.OutputsExport;
import dev.trustml.audit.outputs.PrecomputedOutputs;
import dev.trustml.audit.shadow.ReferenceExecutor;
import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.audit.shadow.TrainCommandTemplate;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.membership.AttackRegistry;
import dev.trustml.membership.RmiaParameters;
import dev.trustml.membership.eval.EvaluationSettings;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.progress.Progress;
import dev.trustml.results.MembershipResult;
import dev.trustml.results.Theoretical;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml audit membership}: can an attacker tell members from non-members? */
@Command(
    name = "membership",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run membership-inference attacks against a model (and the vocabulary beside it) and set"
          + " their epsilon lower bounds against the model's claimed epsilon: rigorous when the"
          + " card records Bernoulli(1/2) membership and its own member files are audited,"
          + " estimates otherwise. Verdict: consistent, suspect, violated or no-claim.",
      "",
      "Without a model, --outputs audits precomputed outputs (any framework; see README).",
      "",
      "Example:",
      "  ./trustml audit membership --model sample-models/sentiment/nodp \\",
      "      --shadow-models 8"
    })
final class MembershipCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "DIR",
      description = "Model bundle directory.")
  Path model;

  @Option(
      names = "--members",
      paramLabel = "CSV",
      description = "Rows the model was trained on (default: the card's training.members_file).")
  Path members;

  @Option(
      names = "--non-members",
      paramLabel = "CSV",
      description = "Rows it was not trained on (default: the card's training.non_members_file).")
  Path nonMembers;

  @Option(
      names = "--attack",
      paramLabel = "NAME",
      split = ",",
      description = "Attacks to run (repeatable or comma-separated; default: a sensible set).")
  List<String> attacks = new ArrayList<>();

  @Option(names = "--list-attacks", description = "List the attacks and exit.")
  boolean listAttacks;

  @Option(
      names = "--shadow-models",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Train N reference models (even) with the target's recipe for LiRA/RMIA (default: 0).")
  int shadowModels;

  @Option(
      names = "--train-command",
      paramLabel = "CMD",
      description =
          "Train the --shadow-models reference models with your own command, run by sh -c once"
              + " per model with {train_csv} (its training rows, text,label), {out_dir} (where it"
              + " writes the model bundle) and optionally {seed}; cached like trustml's own,"
              + " one log per model (default: the target's recipe).")
  String trainCommand;

  @Option(
      names = "--executor",
      paramLabel = "local|spark",
      defaultValue = "local",
      description =
          "Where reference models are trained and scored: local (threads and processes of this"
              + " machine) or spark (Apache Spark tasks, with --spark-master; needs trustml's Spark"
              + " module) (default: ${DEFAULT-VALUE}).")
  String executor;

  @Option(
      names = "--spark-master",
      paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (with --executor spark).")
  String sparkMaster;

  @Option(
      names = "--spark-conf",
      paramLabel = "KEY=VALUE",
      description = "A Spark setting (repeatable), e.g. spark.executor.memory=4g.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      description =
          "A reference model bundle trained by trustml, or a plan directory of 'trustml shadow"
              + " plan' holding the models you trained (repeatable).")
  List<Path> references = new ArrayList<>();

  @Mixin ClaimOptions claim;

  @Mixin AuditOutputOptions output;

  @Option(
      names = "--fpr",
      paramLabel = "T",
      split = ",",
      description =
          "FPR budgets for TPR@FPR (default: 0.1,0.01,0.001, without those the non-members"
              + " cannot measure: FPR t needs 1/t of them).")
  List<Double> fprs = new ArrayList<>(EvaluationSettings.DEFAULT_FPRS);

  @Option(
      names = "--bootstrap",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Bootstrap resamples for intervals (0 = none; default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Mixin ConfidenceOption confidence;

  @Option(
      names = "--rmia-a",
      paramLabel = "A",
      defaultValue = "0.3",
      description = "RMIA's offline parameter a (default: ${DEFAULT-VALUE}).")
  double rmiaA;

  @Option(
      names = "--rmia-gamma",
      paramLabel = "G",
      defaultValue = "1",
      description = "RMIA's likelihood-ratio threshold gamma (default: ${DEFAULT-VALUE}).")
  double rmiaGamma;

  @Mixin SeedOption seed;

  @Mixin ShadowCacheOption cacheDir;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Reference models trained at once (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--one-run",
      paramLabel = "auto|off|K",
      defaultValue = "auto",
      description =
          "The one-run epsilon bound (Steinke et al. 2023). auto: computed, and rigorous, when"
              + " the card records Bernoulli(1/2) membership and the card's own member files are"
              + " audited (guess counts chosen on a random half of the rows, the bound on the"
              + " other half); off: never; K: always, with K guesses"
              + " per side fixed in advance (an estimate under any other design). Default:"
              + " ${DEFAULT-VALUE}.")
  String oneRun;

  @Option(
      names = "--population",
      paramLabel = "CSV",
      description =
          "Rows known to be outside the model's training data, for RMIA's population and class"
              + " calibration; never evaluated (default: cross-fit the audited rows).")
  Path population;

  @Mixin CsvColumnOptions columns;

  @Mixin PrecomputedOutputsOptions precomputed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (listAttacks) {
      AttackRegistry.builtIn().listing().forEach(out::println);
      out.flush();
      return 0;
    }
    if (model == null && !precomputed.precomputed()) {
      throw new UsageException(
          "missing --model DIR (the bundle to audit) or --outputs CSV (its precomputed outputs)");
    }
    Theoretical claimed = claim.claim();
    double level = confidence.checked();
    // Checked here, not only where the models are trained, so a typo fails before any scoring.
    if (shadowModels != 0 && (shadowModels < 2 || shadowModels % 2 != 0)) {
      throw new UsageException(
          "--shadow-models must be an even number >= 2 (each row is IN for half of them), or 0"
              + " for none; got "
              + shadowModels);
    }
    ReferenceExecutorChoice executorChoice =
        ReferenceExecutorChoice.of(executor, sparkMaster, sparkConf, shadowModels);
    TrainCommandTemplate command = trainCommand(trainCommand, shadowModels);
    precomputed.check(spec, model);
    output.check(model);
    MembershipAnalysisSettings analysis =
        new MembershipAnalysisSettings(
            attacks,
            EvaluationSettings.of(fprs, bootstrap, level, seed.value),
            claimed,
            RmiaParameters.of(rmiaA, rmiaGamma, 1.0, 0),
            seed.value,
            oneRunOption(oneRun));
    Progress progress = StderrProgress.forConsole(spec.commandLine().getErr(), output.quiet);
    MembershipAuditData data =
        precomputed.precomputed()
            ? PrecomputedOutputs.collect(
                precomputed.outputs, precomputed.referenceOutputs, progress)
            : collect(analysis, executorChoice, command, progress);
    MembershipAnalysisSettings measurable = measurableBudgets(analysis, data);
    MembershipAuditOutcome outcome = MembershipAnalysis.analyse(data, measurable, progress);
    noteLeftOutBudgets(analysis, measurable, data);
    if (precomputed.exportOutputs != null) {
      export(data, precomputed.exportOutputs);
      out.println("wrote " + precomputed.exportOutputs);
    }
    MembershipResult result = outcome.result();
    SummaryTables.membership(result, out);
    return output.finish(result, outcome.scores(), out);
  }

  /**
   * The default FPR budgets the audit rows can measure. A budget the user asked for with --fpr is
   * kept (the evaluator then says how many non-members it needs); a default one that the rows
   * cannot measure is left out, so a small audit runs with its defaults.
   */
  private MembershipAnalysisSettings measurableBudgets(
      MembershipAnalysisSettings analysis, MembershipAuditData data) {
    if (spec.commandLine().getParseResult().hasMatchedOption("--fpr")) {
      return analysis;
    }
    return analysis.withEvaluation(analysis.evaluation().measurableWith(nonMembers(data)));
  }

  /** Says which default budgets were left out (after the analysis, so errors stay one line). */
  private void noteLeftOutBudgets(
      MembershipAnalysisSettings asked, MembershipAnalysisSettings used, MembershipAuditData data) {
    List<Double> dropped = new ArrayList<>(asked.evaluation().fprs());
    dropped.removeAll(used.evaluation().fprs());
    if (dropped.isEmpty()) {
      return;
    }
    spec.commandLine()
        .getErr()
        .println(
            "note: TPR at FPR "
                + dropped.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " left out: "
                + nonMembers(data)
                + " non-members cannot measure it (FPR t needs 1/t); pass --fpr to choose"
                + " budgets");
  }

  private static long nonMembers(MembershipAuditData data) {
    AuditRows rows = data.rows();
    return rows.size() - rows.members();
  }

  /**
   * The collect stage on the model: its files, its outputs, the reference models (trained on the
   * chosen executor, with the target's recipe or {@code command}).
   */
  private MembershipAuditData collect(
      MembershipAnalysisSettings analysis,
      ReferenceExecutorChoice executorChoice,
      TrainCommandTemplate command,
      Progress progress)
      throws TrustmlException {
    Path shadowCache = shadowModels == 0 ? null : cacheDir.checked();
    ModelBundle bundle = ModelBundle.open(model);
    Path membersFile = members != null ? members : fromCard(bundle, true);
    Path nonMembersFile = nonMembers != null ? nonMembers : fromCard(bundle, false);
    try (Classifier target = Classifiers.open(bundle, false);
        ReferenceExecutor referenceExecutor = executorChoice.open()) {
      ShadowPlan shadows =
          shadowModels == 0
              ? null
              : new ShadowPlan(
                  shadowModels,
                  seed.value,
                  shadowCache,
                  threads != null ? threads : Runtime.getRuntime().availableProcessors(),
                  command,
                  referenceExecutor);
      MembershipAuditRequest request =
          new MembershipAuditRequest(
              membersFile,
              nonMembersFile,
              columns.columns(),
              population,
              shadows,
              references,
              precomputed.referencesForModel(),
              precomputed.exportOutputs != null,
              analysis);
      return MembershipCollector.collect(target, request, progress);
    }
  }

  private static void export(MembershipAuditData data, Path dir) throws TrustmlException {
    try {
      OutputsExport.write(data, dir);
    } catch (IOException e) {
      throw new TrustmlException(
          ExitCode.BAD_INPUT,
          "--export-outputs " + dir + ": cannot write (" + e.getMessage() + ")",
          e);
    }
  }

  /** The checked --train-command, or null without one. */
  static TrainCommandTemplate trainCommand(String value, int shadowModels) throws UsageException {
    if (value == null) {
      return null;
    }
    if (shadowModels == 0) {
      throw new UsageException(
          "--train-command trains the --shadow-models reference models; add --shadow-models N");
    }
    String problem = TrainCommandTemplate.problem(value);
    if (problem != null) {
      throw new UsageException("--train-command: " + problem);
    }
    return new TrainCommandTemplate(value);
  }

  /** {@code auto}, {@code off} or a positive guess count. */
  static OneRunOption oneRunOption(String value) throws UsageException {
    String v = value.trim();
    if (v.equals("auto")) {
      return OneRunOption.AUTO;
    }
    if (v.equals("off")) {
      return OneRunOption.OFF;
    }
    try {
      int k = Integer.parseInt(v);
      if (k >= 1) {
        return OneRunOption.fixed(k);
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new UsageException(
        "--one-run must be auto, off or a number of guesses per side >= 1; got '" + value + "'");
  }

  static Path fromCard(ModelBundle bundle, boolean membersSide) throws UsageException {
    TrainingRecipe t = bundle.card().training();
    String file = t == null ? null : membersSide ? t.membersFile() : t.nonMembersFile();
    if (file == null) {
      throw new UsageException(
          "missing "
              + (membersSide ? "--members" : "--non-members")
              + " CSV (the model card does not name its "
              + (membersSide ? "training" : "held-out")
              + " rows)");
    }
    return bundle.dir().resolve(file).normalize();
  }
}
