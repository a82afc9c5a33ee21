package dev.trustml.cli;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.error.BadInputException;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import dev.trustml.model.card.CardMetrics;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.PrivacyAccountant;
import dev.trustml.train.AuditKit;
import dev.trustml.train.DpSgdEpochs;
import dev.trustml.train.DpSgdTargetEpsilon;
import dev.trustml.train.EpsilonFunction;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TrainJob;
import dev.trustml.train.TrainJobResult;
import dev.trustml.train.TrainJobSpec;
import dev.trustml.train.TrainingConfig;
import dev.trustml.train.VocabularySource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml train}: train the text classifier, optionally with DP-SGD. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train trustml's text classifier on a labelled CSV. The bundle (--out) holds only what"
          + " ships: model.pt, the tokenizer file and the model card. Everything derived from the"
          + " training rows - the member / held-out split, canary secrets, seed, data hash and"
          + " accuracies - goes to the audit kit (--audit-kit, default DIR.audit), which must"
          + " never ship.",
      "Members are chosen by --split: bernoulli (default; each distinct row by its own seeded"
          + " coin with probability 1 - --heldout) or stratified (a fixed share per label);"
          + " identical rows always land on the same side. --split none trains on every row (no"
          + " held-out rows, no membership design): how reference models are trained on the"
          + " rows 'trustml shadow plan' chose for them.",
      "With --noise-multiplier or --target-epsilon it trains with DP-SGD and records epsilon on"
          + " the card. A DP run needs a vocabulary that does not come from the rows in the clear:"
          + " --vocab FILE (a public token list), --tokenizer tokenizer.json (a public Hugging"
          + " Face tokenizer) or --dp-vocab (a DP vocabulary whose epsilon is part of the total).",
      "",
      "Examples:",
      "  ./trustml train --data sample-models/sentiment/members.csv --out /tmp/nodp",
      "  ./trustml train --data sample-models/sentiment/members.csv --out /tmp/eps1 \\",
      "      --target-epsilon 1 --delta 1e-5 \\",
      "      --vocab sample-models/data/bert-base-uncased/vocab.txt --vocab-size 6000"
    })
final class TrainCommand implements Callable<Integer> {
  /** The default share of --target-epsilon that --dp-vocab spends. */
  static final double DP_VOCAB_EPSILON_SHARE = 0.25;

  /** The default share of --delta that --dp-vocab spends. */
  static final double DP_VOCAB_DELTA_SHARE = 0.5;

  /**
   * The default K of --dp-vocab-max-words. With Laplace thresholding a word held by a share f of
   * rows of L distinct words reaches an expected count of about n f min(1, K / L) against a
   * threshold growing like K (1 + ln(K / 2 delta) / epsilon): for K up to L the ratio barely moves
   * and is best at K = 1 (measured on sentiment at epsilon 2: 25, 23, 23 and 20 words released for
   * K = 1, 2, 4, 8).
   */
  static final int DEFAULT_DP_VOCAB_MAX_WORDS = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--data", paramLabel = "CSV", required = true, description = "Training CSV.")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "Bundle to write (what ships).")
  Path out;

  @Option(
      names = "--audit-kit",
      paramLabel = "KIT",
      description =
          "Where the split, secrets copy and kit.json go (default: DIR.audit). Never ship it.")
  Path auditKit;

  @Mixin CsvColumnOptions columns;

  @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: DIR's name).")
  String name;

  @Option(
      names = "--split",
      paramLabel = "bernoulli|stratified|none",
      defaultValue = "bernoulli",
      description = "Membership design; none: train on every row (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(
      names = "--heldout",
      paramLabel = "F",
      defaultValue = "0.5",
      description =
          "Share held out: each row's probability of being a non-member (default:"
              + " ${DEFAULT-VALUE}).")
  double heldout;

  @Option(
      names = "--canaries",
      paramLabel = "FILE",
      description =
          "Secrets file from 'trustml canary plant': every copy of a planted canary in the CSV"
              + " is trained on and recorded on the card.")
  Path canaries;

  @Option(
      names = "--max-length",
      paramLabel = "L",
      defaultValue = "32",
      description = "Tokens per text (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--vocab",
      paramLabel = "FILE",
      description =
          "Public token list (one token per line, e.g. a BERT vocab.txt): the first V usable"
              + " words in file order.")
  Path vocab;

  @Option(
      names = "--tokenizer",
      paramLabel = "FILE",
      description =
          "Public Hugging Face tokenizer.json; the model's vocabulary is the tokenizer's.")
  Path tokenizer;

  @Option(
      names = "--dp-vocab",
      description = "DP vocabulary: Laplace partition selection over the training rows.")
  boolean dpVocab;

  @Option(
      names = "--dp-vocab-epsilon",
      paramLabel = "E",
      description =
          "Its share of --target-epsilon (default: a quarter of it; required with"
              + " --noise-multiplier).")
  Double dpVocabEpsilon;

  @Option(
      names = "--dp-vocab-delta",
      paramLabel = "D",
      description = "Its share of --delta (default: half of it).")
  Double dpVocabDelta;

  @Option(
      names = "--dp-vocab-max-words",
      paramLabel = "K",
      description = "Distinct words one row contributes at most (default: 1).")
  Integer dpVocabMaxWords;

  @Option(
      names = "--vocab-size",
      paramLabel = "V",
      defaultValue = "20000",
      description = "Largest vocabulary, [PAD] and [UNK] included (default: ${DEFAULT-VALUE}).")
  int vocabSize;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      description =
          "Vocabulary from the member rows (non-DP default): keep words seen N times (default:"
              + " 1).")
  Integer minCount;

  @Option(
      names = "--embedding-dim",
      paramLabel = "D",
      defaultValue = "64",
      description = "(default: ${DEFAULT-VALUE})")
  int embeddingDim;

  @Option(
      names = "--hidden-dim",
      paramLabel = "H",
      defaultValue = "64",
      description = "(default: ${DEFAULT-VALUE})")
  int hiddenDim;

  @Option(
      names = "--optimizer",
      paramLabel = "sgd|adam",
      defaultValue = "sgd",
      description = "(default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(
      names = "--lr",
      paramLabel = "LR",
      defaultValue = "0.5",
      description = "Learning rate (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      defaultValue = "20",
      description = "(default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(
      names = "--batch-size",
      paramLabel = "B",
      defaultValue = "64",
      description = "Batch size; expected batch size under DP-SGD (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of every random choice (default: 0; with DP, drawn at random and kept in the"
              + " audit kit only).")
  Long seed;

  @Option(
      names = "--noise-multiplier",
      paramLabel = "SIGMA",
      description = "DP-SGD noise multiplier.")
  Double noiseMultiplier;

  @Option(
      names = "--target-epsilon",
      paramLabel = "E",
      description = "DP: calibrate so the total epsilon (DP-SGD plus a DP vocabulary) is <= E.")
  Double targetEpsilon;

  @Option(
      names = "--clip",
      paramLabel = "C",
      defaultValue = "1.0",
      description = "DP-SGD per-example clipping norm (default: ${DEFAULT-VALUE}).")
  double clip;

  @Option(
      names = "--delta",
      paramLabel = "D",
      defaultValue = "1e-5",
      description = "DP delta of the whole claim (default: ${DEFAULT-VALUE}).")
  double delta;

  @Mixin AccountantOption accountant;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (noiseMultiplier != null && targetEpsilon != null) {
      throw new UsageException("give --noise-multiplier or --target-epsilon, not both");
    }
    boolean dp = noiseMultiplier != null || targetEpsilon != null;
    Path kit = auditKit != null ? auditKit : Path.of(out.toString() + ".audit");
    OutputPaths.requireDirectory(out);
    OutputPaths.requireDirectory(kit);
    checkKitApart(out, kit);
    MembershipDesign.Kind design = splitKind(split);
    if (design != null && !(heldout > 0 && heldout < 1)) {
      throw new UsageException(
          "--heldout " + heldout + " is out of range; give the held-out share in (0, 1), e.g. 0.5");
    }
    if (!(delta > 0 && delta < 1)) {
      throw new UsageException(
          "--delta "
              + delta
              + " is out of range; it must be in (0, 1), typically below 1/number-of-rows");
    }
    if (targetEpsilon != null && !(targetEpsilon > 0 && Double.isFinite(targetEpsilon))) {
      throw new UsageException(
          "--target-epsilon " + targetEpsilon + " is out of range; it must be finite and > 0");
    }
    VocabularySource vocabulary = vocabularySource(dp);
    double sgdTarget = targetEpsilon == null ? Double.NaN : targetEpsilon;
    double sgdDelta = delta;
    if (vocabulary instanceof VocabularySource.DpPartitionSelection v) {
      sgdTarget -= v.epsilon();
      sgdDelta -= v.delta();
    }
    PrivacyAccountant acc = accountant.kind.create();
    OptimizerKind opt;
    try {
      opt = OptimizerKind.fromCardName(optimizer.toLowerCase(Locale.ROOT));
    } catch (BadInputException e) {
      throw new UsageException("unknown --optimizer '" + optimizer + "'; use sgd or adam");
    }
    List<PlantedCanary> planted = canaries == null ? List.of() : readCanaries(canaries);
    boolean seedDrawn = seed == null && dp;
    long runSeed = seed != null ? seed : dp ? new SecureRandom().nextLong() : 0;
    TargetEpsilonCalibration calibration =
        targetEpsilon == null
            ? null
            : new TargetEpsilonCalibration(new NoiseCalibrator(acc), sgdDelta, sgdTarget);
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(embeddingDim)
            .hiddenDim(hiddenDim)
            .optimizer(opt)
            .learningRate(learningRate)
            .epochs(epochs)
            .batchSize(batchSize)
            .seed(runSeed);
    if (noiseMultiplier != null) {
      b.dpSgd(new DpSgdEpochs(batchSize, epochs, noiseMultiplier, clip));
    } else if (calibration != null) {
      b.dpSgd(new DpSgdTargetEpsilon(batchSize, epochs, clip, calibration));
    }
    TrainJobSpec jobSpec;
    try {
      TrainingConfig config = b.build();
      jobSpec =
          TrainJobSpec.builder(data, out, config)
              .auditKit(kit)
              .columns(columns.columns())
              .modelName(name != null ? name : out.toAbsolutePath().getFileName().toString())
              .split(design)
              .heldoutFraction(heldout)
              .maxLength(maxLength)
              .maxVocabularySize(vocabSize)
              .vocabulary(vocabulary)
              .delta(delta)
              .canaries(planted, canaries)
              .build();
      jobSpec.validate();
    } catch (BadInputException e) {
      // Nothing has been read yet: every value checked so far came from the command line.
      throw new UsageException(e.message(), e);
    }
    TrainJobResult r;
    try {
      r = new TrainJob(epsilonFunction(acc)).run(jobSpec);
    } catch (BadInputException e) {
      if (calibration != null && calibration.unreachable != null) {
        throw calibration.unreachable;
      }
      throw e;
    }
    report(w, r, seedDrawn);
    w.flush();
    return 0;
  }

  private static void report(PrintWriter w, TrainJobResult r, boolean seedDrawn) {
    ModelCard card = r.card();
    w.printf(
        "wrote %s (%s): model.pt, %s, %s - what ships%n",
        r.bundleDir(), card.name(), card.tokenizer().file(), ModelCards.FILE_NAME);
    w.printf(
        "audit kit %s: %s, %s%s, %s - derived from the training rows; keep it with the auditor"
            + " and never ship it%n",
        r.auditKitDir(),
        r.kit().membersFile(),
        r.kit().nonMembersFile(),
        r.kit().secretsFile() == null ? "" : ", " + r.kit().secretsFile(),
        AuditKit.FILE_NAME);
    CardMetrics m = r.kit().metrics();
    w.printf(
        Locale.ROOT,
        "accuracy: train %.4f, held-out %s (%d train rows, %d held out; %s); %d steps in %.2f s%n",
        m.trainAccuracy(),
        m.heldoutAccuracy() == null ? "-" : String.format(Locale.ROOT, "%.4f", m.heldoutAccuracy()),
        m.trainRows(),
        m.heldoutRows(),
        r.kit().design() == null ? "no split" : r.kit().design().kind().jsonName() + " design",
        r.outcome().steps(),
        r.outcome().seconds());
    if (card.privacy() != null) {
      w.println("          (in the kit only: computed on the rows without noise, not on the card)");
    }
    w.println("privacy: " + InspectCommand.describe(card.privacy()));
    if (card.privacy() != null && card.privacy().components() != null) {
      for (PrivacyComponent c : card.privacy().components()) {
        w.printf(
            Locale.ROOT,
            "  %-24s epsilon %.4g, delta %.3g%n",
            c.mechanism(),
            c.epsilon(),
            c.delta());
      }
      w.println("  composition: " + card.privacy().composition());
    }
    if (seedDrawn) {
      w.printf(
          "seed: drawn at random and recorded only in %s: with it and the rows, training can be"
              + " replayed bit for bit - keep it secret%n",
          r.auditKitDir().resolve(AuditKit.FILE_NAME));
    }
  }

  /** The audit kit must not lie inside the bundle (it would ship) nor be the bundle itself. */
  private static void checkKitApart(Path bundle, Path kit) throws UsageException {
    Path b = bundle.toAbsolutePath().normalize();
    Path k = kit.toAbsolutePath().normalize();
    if (k.startsWith(b)) {
      throw new UsageException(
          "--audit-kit "
              + kit
              + " is inside the bundle directory "
              + bundle
              + ", which ships; give a directory outside it (default: DIR.audit)");
    }
  }

  /** The design of --split; null for {@code none} (every row trained on). */
  private static MembershipDesign.Kind splitKind(String name) throws UsageException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("none")) {
      return null;
    }
    try {
      return MembershipDesign.Kind.fromJson(lower);
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --split '" + name + "'; use bernoulli, stratified or none");
    }
  }

  /** The one vocabulary source the options name, checked against the DP setting. */
  private VocabularySource vocabularySource(boolean dp) throws UsageException {
    int given = (vocab != null ? 1 : 0) + (tokenizer != null ? 1 : 0) + (dpVocab ? 1 : 0);
    if (given > 1) {
      throw new UsageException("give one of --vocab, --tokenizer and --dp-vocab, not several");
    }
    if (!dpVocab && (dpVocabEpsilon != null || dpVocabDelta != null || dpVocabMaxWords != null)) {
      throw new UsageException(
          "--dp-vocab-epsilon, --dp-vocab-delta and --dp-vocab-max-words need --dp-vocab");
    }
    if (minCount != null && (given > 0 || dp)) {
      throw new UsageException(
          "--min-count applies only to a vocabulary built from the member rows (non-DP training"
              + " without --vocab, --tokenizer or --dp-vocab)");
    }
    if (vocab != null) {
      return new VocabularySource.PublicWords(vocab);
    }
    if (tokenizer != null) {
      return new VocabularySource.PublicTokenizer(tokenizer);
    }
    if (dpVocab) {
      return dpVocabulary(dp);
    }
    if (dp) {
      throw new UsageException(
          "DP training needs a vocabulary that does not come from the training rows in the clear:"
              + " give --vocab FILE (a public token list, e.g."
              + " sample-models/data/bert-base-uncased/vocab.txt), --tokenizer tokenizer.json (a"
              + " public Hugging Face tokenizer) or --dp-vocab (a DP vocabulary)");
    }
    return new VocabularySource.FromMembers(minCount == null ? 1 : minCount);
  }

  private VocabularySource dpVocabulary(boolean dp) throws UsageException {
    if (!dp) {
      throw new UsageException(
          "--dp-vocab is for DP training; add --target-epsilon or --noise-multiplier, or drop it");
    }
    double e;
    if (dpVocabEpsilon != null) {
      e = dpVocabEpsilon;
      if (!(e > 0 && Double.isFinite(e))) {
        throw new UsageException(
            "--dp-vocab-epsilon " + e + " is out of range; it must be finite and > 0");
      }
      if (targetEpsilon != null && !(e < targetEpsilon)) {
        throw new UsageException(
            "--dp-vocab-epsilon "
                + e
                + " leaves nothing of --target-epsilon "
                + targetEpsilon
                + " for DP-SGD; give it a smaller share (default: a quarter)");
      }
    } else if (targetEpsilon != null) {
      e = DP_VOCAB_EPSILON_SHARE * targetEpsilon;
    } else {
      throw new UsageException(
          "--dp-vocab with --noise-multiplier needs --dp-vocab-epsilon (its epsilon adds to"
              + " DP-SGD's)");
    }
    double d = dpVocabDelta != null ? dpVocabDelta : DP_VOCAB_DELTA_SHARE * delta;
    if (!(d > 0 && d < delta)) {
      throw new UsageException(
          "--dp-vocab-delta "
              + d
              + " is out of range; it must be in (0, --delta "
              + delta
              + ") so DP-SGD keeps a share");
    }
    int k = dpVocabMaxWords != null ? dpVocabMaxWords : DEFAULT_DP_VOCAB_MAX_WORDS;
    if (k < 1) {
      throw new UsageException("--dp-vocab-max-words " + k + " is out of range; it must be >= 1");
    }
    return new VocabularySource.DpPartitionSelection(e, d, k);
  }

  private static List<PlantedCanary> readCanaries(Path file) throws TrustmlException {
    if (!Files.exists(file)) {
      throw new BadInputException(
          file
              + ": secrets file not found (--canaries); give the secrets file 'trustml canary"
              + " plant' wrote");
    }
    return SecretsJson.read(file);
  }

  /**
   * The noise multiplier for --target-epsilon. Sampling rate and steps depend on the training-set
   * size, so the calibration runs inside the training job; when no noise multiplier reaches the
   * target, the failure is remembered so the command can report it as what it is: a
   * --target-epsilon the user should change (a usage error), not a bad data file.
   */
  private static final class TargetEpsilonCalibration
      implements DpSgdTargetEpsilon.NoiseCalibration {
    private final NoiseCalibrator calibrator;
    private final double delta;
    private final double target;
    UsageException unreachable;

    TargetEpsilonCalibration(NoiseCalibrator calibrator, double delta, double target) {
      this.calibrator = calibrator;
      this.delta = delta;
      this.target = target;
    }

    @Override
    public double noiseMultiplier(double samplingRate, long steps) throws BadInputException {
      try {
        return calibrator.calibrate(samplingRate, steps, delta, target).noiseMultiplier();
      } catch (BadInputException e) {
        unreachable =
            new UsageException(
                e.getMessage()
                    + " (trustml train options: --target-epsilon, --delta, --batch-size,"
                    + " --epochs, --dp-vocab-epsilon)");
        throw e;
      }
    }
  }

  /** The accountant as the trainer sees it; its checked errors cannot happen for valid inputs. */
  static EpsilonFunction epsilonFunction(PrivacyAccountant acc) {
    return new EpsilonFunction() {
      @Override
      public double epsilon(double q, double sigma, long steps, double delta) {
        try {
          return acc.epsilon(DpSgdParameters.of(q, sigma, steps), delta);
        } catch (BadInputException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }

      @Override
      public String name() {
        return acc.kind().cliName();
      }
    };
  }
}
