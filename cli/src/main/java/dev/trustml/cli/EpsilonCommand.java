package dev.trustml.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import dev.trustml.privacy.CalibratedNoise;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.PrivacyAccountant;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trustml epsilon}: the (epsilon, delta) guarantee of DP-SGD with Poisson sampling, or the
 * noise multiplier that meets a target epsilon. Thin glue over {@code dev.trustml.privacy}.
 */
@Command(
    name = "epsilon",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the privacy budget (epsilon) of DP-SGD with Poisson sampling, or, with"
          + " --target-epsilon, the noise multiplier that meets a budget.",
      "Epsilon is an upper bound under add-or-remove-one-example adjacency."
    },
    footer = {
      "",
      "Examples:",
      "  trustml epsilon --sampling-rate 0.04 --noise-multiplier 1.5 \\",
      "      --steps 2250 --delta 1e-5",
      "  trustml epsilon --sampling-rate 0.01 --target-epsilon 3 \\",
      "      --steps 5000 --delta 1e-5 --accountant pld --json"
    })
final class EpsilonCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--sampling-rate",
      required = true,
      paramLabel = "Q",
      description =
          "Probability that an example joins a batch (batch size / dataset size), in (0, 1].")
  double samplingRate;

  @Option(
      names = "--steps",
      required = true,
      paramLabel = "T",
      description = "Number of noisy gradient steps, >= 1.")
  long steps;

  @Option(
      names = "--delta",
      required = true,
      paramLabel = "D",
      description = "Target delta in (0, 1), typically below 1/(number of training examples).")
  double delta;

  @Mixin AccountantOption accountant;

  @Option(names = "--json", description = "Print one JSON object instead of a sentence.")
  boolean json;

  @ArgGroup(exclusive = true, multiplicity = "1")
  NoiseOrTarget noiseOrTarget;

  /** Exactly one of the two: compute epsilon from sigma, or sigma from a target epsilon. */
  static final class NoiseOrTarget {
    @Option(
        names = "--noise-multiplier",
        required = true,
        paramLabel = "S",
        description = "Noise standard deviation divided by the clipping norm (sigma), > 0.")
    Double noiseMultiplier;

    @Option(
        names = "--target-epsilon",
        required = true,
        paramLabel = "E",
        description = "Find the smallest noise multiplier whose epsilon is at most E.")
    Double targetEpsilon;
  }

  @Override
  public Integer call() throws Exception {
    EpsilonReport report;
    try {
      report = compute();
    } catch (BadInputException e) {
      // Every value here came from the command line: a bad or unreachable one is a usage error.
      throw new UsageException(e.message(), e);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json ? new ObjectMapper().writeValueAsString(report) : report.sentence());
    out.flush();
    return 0;
  }

  private EpsilonReport compute() throws BadInputException {
    PrivacyAccountant privacyAccountant = accountant.kind.create();
    EpsilonReport report;
    if (noiseOrTarget.noiseMultiplier != null) {
      DpSgdParameters parameters =
          DpSgdParameters.of(samplingRate, noiseOrTarget.noiseMultiplier, steps);
      double epsilon = privacyAccountant.epsilon(parameters, delta);
      report =
          new EpsilonReport(
              accountant.kind.cliName(),
              epsilon,
              delta,
              samplingRate,
              parameters.noiseMultiplier(),
              steps,
              null);
    } else {
      CalibratedNoise noise =
          new NoiseCalibrator(privacyAccountant)
              .calibrate(samplingRate, steps, delta, noiseOrTarget.targetEpsilon);
      report =
          new EpsilonReport(
              accountant.kind.cliName(),
              noise.epsilon(),
              delta,
              samplingRate,
              noise.noiseMultiplier(),
              steps,
              noiseOrTarget.targetEpsilon);
    }
    return report;
  }

  /** What the command prints; {@code targetEpsilon} is present only when calibrating. */
  @JsonPropertyOrder({
    "epsilon",
    "delta",
    "accountant",
    "sampling_rate",
    "noise_multiplier",
    "steps",
    "target_epsilon"
  })
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EpsilonReport(
      @JsonProperty("accountant") String accountant,
      @JsonProperty("epsilon") double epsilon,
      @JsonProperty("delta") double delta,
      @JsonProperty("sampling_rate") double samplingRate,
      @JsonProperty("noise_multiplier") double noiseMultiplier,
      @JsonProperty("steps") long steps,
      @JsonProperty("target_epsilon") Double targetEpsilon) {

    String sentence() {
      String settings =
          " at delta = "
              + number(delta)
              + " ("
              + accountant
              + " accountant; sampling rate "
              + number(samplingRate)
              + (targetEpsilon == null ? ", noise multiplier " + number(noiseMultiplier) : "")
              + ", "
              + steps
              + " steps)";
      if (targetEpsilon == null) {
        return "epsilon = " + number(epsilon) + settings;
      }
      return "noise multiplier = "
          + number(noiseMultiplier)
          + " gives epsilon = "
          + number(epsilon)
          + " <= "
          + number(targetEpsilon)
          + settings;
    }

    /** Six significant digits, no trailing zeros; "infinity" when there is no finite bound. */
    private static String number(double value) {
      if (Double.isInfinite(value)) {
        return "infinity";
      }
      return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString();
    }
  }
}
