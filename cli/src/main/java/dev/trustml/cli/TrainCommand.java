package dev.trustml.cli;

import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import dev.trustml.privacy.AccountantKind;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.PrivacyAccountant;
import dev.trustml.train.DpSgdEpochs;
import dev.trustml.train.DpSgdTargetEpsilon;
import dev.trustml.train.EpsilonFunction;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TrainJob;
import dev.trustml.train.TrainJobResult;
import dev.trustml.train.TrainJobSpec;
import dev.trustml.train.TrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
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
      "Train trustml's text classifier on a labelled CSV and write a model bundle (TorchScript"
          + " model, vocabulary, model card, and the exact member / held-out split).",
      "With --noise-multiplier or --target-epsilon it trains with DP-SGD (Poisson sampling,"
          + " per-example clipping, Gaussian noise) and records epsilon on the card.",
      "",
      "Examples:",
      "  ./trustml train --data sample-models/sentiment/members.csv \\",
      "      --out /tmp/sentiment",
      "  ./trustml train --data sample-models/sentiment/members.csv \\",
      "      --out /tmp/sentiment-eps1 --target-epsilon 1 --delta 1e-5 \\",
      "      --epochs 20 --batch-size 64"
    })
final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--data", paramLabel = "CSV", required = true, description = "Training CSV.")
  Path data;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Bundle to write.")
  Path out;

  @Mixin CsvColumnOptions columns;

  @Option(names = "--name", paramLabel = "NAME", description = "Model name (default: DIR's name).")
  String name;

  @Option(
      names = "--heldout",
      paramLabel = "F",
      defaultValue = "0.5",
      description = "Share of rows held out as non-members (default: ${DEFAULT-VALUE}).")
  double heldout;

  @Option(
      names = "--max-length",
      paramLabel = "L",
      defaultValue = "32",
      description = "Tokens per text (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--vocab-size",
      paramLabel = "V",
      defaultValue = "20000",
      description = "Largest vocabulary (default: ${DEFAULT-VALUE}).")
  int vocabSize;

  @Option(
      names = "--min-count",
      paramLabel = "N",
      defaultValue = "1",
      description = "Keep words seen at least N times (default: ${DEFAULT-VALUE}).")
  int minCount;

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
      defaultValue = "0",
      description = "(default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--noise-multiplier",
      paramLabel = "SIGMA",
      description = "DP-SGD noise multiplier.")
  Double noiseMultiplier;

  @Option(
      names = "--target-epsilon",
      paramLabel = "E",
      description = "DP-SGD: calibrate sigma so epsilon <= E.")
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
      description = "DP delta (default: ${DEFAULT-VALUE}).")
  double delta;

  @Option(
      names = "--accountant",
      paramLabel = "rdp|pld",
      defaultValue = "rdp",
      description = "(default: ${DEFAULT-VALUE})")
  String accountant;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    if (noiseMultiplier != null && targetEpsilon != null) {
      throw new UsageException("give --noise-multiplier or --target-epsilon, not both");
    }
    OutputPaths.requireDirectory(out);
    if (!(heldout > 0 && heldout < 1)) {
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
    AccountantKind kind =
        AccountantKind.fromCliName(accountant)
            .orElseThrow(
                () ->
                    new UsageException(
                        "unknown --accountant '" + accountant + "'; use rdp or pld"));
    PrivacyAccountant acc = kind.create();
    OptimizerKind opt;
    try {
      opt = OptimizerKind.fromCardName(optimizer.toLowerCase(Locale.ROOT));
    } catch (BadInputException e) {
      throw new UsageException("unknown --optimizer '" + optimizer + "'; use sgd or adam");
    }
    TargetEpsilonCalibration calibration =
        targetEpsilon == null
            ? null
            : new TargetEpsilonCalibration(new NoiseCalibrator(acc), delta, targetEpsilon);
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(embeddingDim)
            .hiddenDim(hiddenDim)
            .optimizer(opt)
            .learningRate(learningRate)
            .epochs(epochs)
            .batchSize(batchSize)
            .seed(seed);
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
              .columns(columns.columns())
              .modelName(name != null ? name : out.toAbsolutePath().getFileName().toString())
              .heldoutFraction(heldout)
              .maxLength(maxLength)
              .maxVocabularySize(vocabSize)
              .minCount(minCount)
              .delta(delta)
              .build();
      jobSpec.validate();
    } catch (BadInputException e) {
      // Nothing has been read yet: every value checked so far came from the command line.
      throw new UsageException(e.getMessage());
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
    w.printf("wrote %s (%s)%n", r.bundleDir(), r.card().name());
    w.printf(
        Locale.ROOT,
        "accuracy: train %.4f, held-out %.4f (%d train rows, %d held out); %d steps in %.2f s%n",
        r.card().metrics().trainAccuracy(),
        r.card().metrics().heldoutAccuracy(),
        r.card().metrics().trainRows(),
        r.card().metrics().heldoutRows(),
        r.outcome().steps(),
        r.outcome().seconds());
    w.println("privacy: " + InspectCommand.describe(r.card().privacy()));
    w.flush();
    return 0;
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
                    + " --epochs)");
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
