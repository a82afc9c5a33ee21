package dev.trustml.cli;

import dev.trustml.audit.CanaryAudit;
import dev.trustml.audit.CanaryAuditRequest;
import dev.trustml.audit.CanaryMethod;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.PartialCanaryForm;
import dev.trustml.canary.modiva.ModivaConfig;
import dev.trustml.error.UsageException;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.results.CanaryResult;
import dev.trustml.results.Theoretical;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml audit canary}: can a planted secret be extracted from the model? */
@Command(
    name = "canary",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure canary exposure, try to extract planted secrets (Carlini et al. 2019; Parikh et"
          + " al. 2022), and set each canary's epsilon lower bound (and the one-run bound of an"
          + " audit set, Steinke et al. 2023) against the claimed epsilon.",
      "Without --canary, audits every canary the model card records, with secrets from the"
          + " bundle's secrets file (or --secrets). A secrets file from 'canary plant --audit-set'"
          + " adds the one-run audit over its audit set.",
      "",
      "Examples:",
      "  ./trustml audit canary --model sample-models/sentiment/nodp",
      "  ./trustml audit canary --model DIR --secrets secrets.json \\",
      "      --json out/canary.json",
      "  ./trustml audit canary --model DIR \\",
      "      --canary 'my pin code is {digit} {digit} {digit} {digit}' \\",
      "      --label positive --method all"
    })
final class CanaryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin ModelOption model;

  @Option(
      names = "--canary",
      paramLabel = "TEMPLATE",
      description =
          "Template: words and slots {digit}, {letter}, {common-word} or {word:FILE}, e.g. 'my pin"
              + " code is"
              + " {digit} {digit} {digit} {digit}'.")
  String template;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description = "The label the canary carried in training (with --canary).")
  String label;

  @Option(
      names = "--secrets",
      paramLabel = "FILE",
      description = "Secrets JSON (default: the bundle's secrets file, if any).")
  Path secrets;

  @Option(
      names = "--method",
      paramLabel = "METHOD",
      defaultValue = "auto",
      description = "auto, enumerate, beam, modiva or all (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--reveal-secrets",
      description = "Include the secrets and the guesses in the report (off by default).")
  boolean reveal;

  @Option(names = "--top-k", paramLabel = "K", defaultValue = "10", description = "Guesses kept.")
  int topK;

  @Option(
      names = "--beam-width",
      paramLabel = "B",
      defaultValue = "100",
      description = "Beam width (default: ${DEFAULT-VALUE}).")
  int beamWidth;

  @Option(
      names = "--enumeration-limit",
      paramLabel = "N",
      defaultValue = "100000",
      description = "auto enumerates spaces up to N candidates (default: ${DEFAULT-VALUE}).")
  long enumerationLimit;

  @Option(
      names = "--restarts",
      paramLabel = "R",
      defaultValue = "8",
      description = "ModIvA random restarts (default: ${DEFAULT-VALUE}).")
  int restarts;

  @Option(
      names = "--steps",
      paramLabel = "S",
      defaultValue = "200",
      description = "ModIvA optimisation steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Mixin ClaimOptions claim;

  @Mixin ConfidenceOption confidence;

  @Mixin SeedOption seed;

  @Mixin AuditOutputOptions output;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    CanaryMethod chosen = parseMethod(method);
    requireAtLeast("--top-k", topK, 1);
    requireAtLeast("--beam-width", beamWidth, 1);
    requireAtLeast("--restarts", restarts, 1);
    requireAtLeast("--steps", steps, 1);
    requireAtLeast("--enumeration-limit", enumerationLimit, 0);
    if ((template == null) != (label == null)) {
      throw new UsageException("--canary and --label go together");
    }
    Theoretical claimed = claim.claim();
    double level = confidence.checked();
    output.check(model.dir);
    ModelBundle bundle = ModelBundle.open(model.dir);
    CanarySecrets canaries = CanarySecrets.resolve(bundle, secrets, template, label);
    ExtractionSettings settings =
        new ExtractionSettings(
            enumerationLimit, topK, beamWidth, PartialCanaryForm.OMIT_UNFILLED, 10_000, seed.value);
    ModivaConfig modiva =
        ModivaConfig.defaults().withRestarts(restarts).withSteps(steps).withTopK(topK);
    boolean whiteBox = chosen.needsWhiteBox();
    CanaryResult result;
    try (Classifier loaded = Classifiers.open(bundle, whiteBox)) {
      result =
          CanaryAudit.run(
              loaded,
              new CanaryAuditRequest(
                  canaries.targets(),
                  chosen,
                  settings,
                  modiva,
                  claimed,
                  reveal,
                  seed.value,
                  canaries.auditSet(),
                  level),
              StderrProgress.forConsole(spec.commandLine().getErr(), output.quiet));
    }
    SummaryTables.canary(result, out);
    return output.finish(result, null, out);
  }

  private static void requireAtLeast(String option, long value, long min) throws UsageException {
    if (value < min) {
      throw new UsageException(
          option + " " + value + " is out of range; it must be at least " + min);
    }
  }

  private static CanaryMethod parseMethod(String name) throws UsageException {
    return CanaryMethod.of(name)
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown --method '"
                        + name
                        + "'; use one of "
                        + String.join(", ", CanaryMethod.names())));
  }
}
