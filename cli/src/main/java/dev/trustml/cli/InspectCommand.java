package dev.trustml.cli;

import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ModelInfo;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.scoring.Scorer;
import dev.trustml.scoring.ScoringSummary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code trustml model inspect DIR}: what a bundle holds and what it claims. */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = {
      "Describe a model bundle: format and call signature, labels, tokenizer, parameters,"
          + " methods, white-box access and the privacy claim.",
      "With --data, also score a labelled CSV and print accuracy and throughput."
    })
final class InspectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin CsvColumnOptions columns;

  @Parameters(index = "0", paramLabel = "DIR", description = "Model bundle directory.")
  Path dir;

  @Option(
      names = "--data",
      paramLabel = "CSV",
      description = "Score this labelled CSV and report accuracy.")
  Path data;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ModelBundle bundle = ModelBundle.open(dir);
    ModelCard card = bundle.card();
    String leak = BundleContents.auditFilesInside(bundle);
    if (leak != null) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("trustml: warning: " + leak);
      err.flush();
    }
    try (Classifier model = Classifiers.open(bundle, false)) {
      ModelInfo info = model.info();
      out.printf("model       %s (%s)%n", bundle.displayName(), dir);
      out.printf(
          "format      %s (%s), forward%s, %s%n",
          info.format(),
          card.modelFile(),
          info.signature().describe(),
          info.detected() ? "detected by probing the model" : "as the card says");
      out.printf("labels      %s%n", String.join(", ", card.labels()));
      out.printf(
          "tokenizer   %s, %s, %,d tokens, max length %d%s%n",
          card.tokenizer().kind().cardName(),
          card.tokenizer().file(),
          model.tokenizer().vocabularySize(),
          card.maxLength(),
          card.tokenizer().addSpecialTokensOrDefault() ? ", special tokens added" : "");
      out.printf("methods     %s%n", String.join(", ", info.methods()));
      out.printf("white-box   %s%n", info.whiteBox());
      out.println("parameters" + (info.parameters().isEmpty() ? "  none shown by the engine" : ""));
      long total = 0;
      int width =
          Math.max(15, info.parameters().stream().mapToInt(p -> p.name().length()).max().orElse(0));
      String row = "  %-" + width + "s %-14s %,d%n";
      for (ModelInfo.Parameter p : info.parameters()) {
        long n = p.size();
        total += n;
        out.printf(
            row,
            p.name(),
            Arrays.stream(p.shape())
                .mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "[", "]")),
            n);
      }
      out.printf(row, "total", "", total);
      out.println("privacy     " + describe(card.privacy()));
      TrainingRecipe t = card.training();
      if (t != null) {
        out.printf(
            Locale.ROOT,
            "training    %s lr=%s, %d steps, batch %d, seed %s, data %s (sha256 %s)%n",
            t.optimizer(),
            t.learningRate(),
            t.steps(),
            t.batchSize(),
            t.seed() == null ? "not on the card" : t.seed().toString(),
            t.dataset(),
            t.datasetSha256() == null
                ? "not on the card"
                : t.datasetSha256().substring(0, 12) + "…");
        out.printf(
            Locale.ROOT,
            "membership  %s; vocabulary from %s%n",
            t.design() == null
                ? "design unknown (card written before trustml recorded it)"
                : t.design().kind().jsonName()
                    + " design, inclusion probability "
                    + t.design().inclusionProbability(),
            t.vocabularySource() == null ? "an unrecorded source" : t.vocabularySource());
      }
      if (card.metrics() != null && card.metrics().heldoutAccuracy() != null) {
        out.printf(
            Locale.ROOT,
            "accuracy    held-out %.3f, train %.3f%n",
            card.metrics().heldoutAccuracy(),
            card.metrics().trainAccuracy() == null ? Double.NaN : card.metrics().trainAccuracy());
      }
      if (!card.canaries().isEmpty()) {
        out.printf("canaries    %d planted (secrets kept apart)%n", card.canaries().size());
        for (PlantedCanaryInfo c : card.canaries()) {
          out.printf(
              "  %-10s x%-3d label %-10s %s%n", c.id(), c.repetitions(), c.label(), c.template());
        }
      }
      if (card.canaryAuditSet() != null) {
        out.printf(
            Locale.ROOT,
            "audit set   %d canaries, each in the data with probability %s (bits kept apart)%n",
            card.canaryAuditSet().count(),
            card.canaryAuditSet().inclusionProbability());
      }
      if (data != null) {
        ScoringSummary s = new Scorer(model).score(data, columns.columns(), e -> {});
        out.printf(
            Locale.ROOT,
            "scored      %s: %,d rows, accuracy %.4f, %.0f examples/s%n",
            data,
            s.rows(),
            s.accuracy(),
            s.examplesPerSecond());
      }
    }
    out.flush();
    return 0;
  }

  static String describe(PrivacyClaim p) {
    if (p == null) {
      return "none: this model claims no differential privacy";
    }
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s, epsilon %.4g, delta %.3g",
                p.mechanism(),
                p.epsilon(),
                p.delta()));
    if (p.noiseMultiplier() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              " (sigma %.4g, q %.4g, %d steps, C %.3g, %s accountant)",
              p.noiseMultiplier(),
              p.samplingRate(),
              p.steps(),
              p.clippingNorm(),
              p.accountant()));
    }
    if (p.components() != null && p.components().size() > 1) {
      b.append("; total of ");
      for (int i = 0; i < p.components().size(); i++) {
        PrivacyComponent c = p.components().get(i);
        b.append(i == 0 ? "" : " + ")
            .append(c.mechanism())
            .append(String.format(Locale.ROOT, " (epsilon %.4g)", c.epsilon()));
      }
    }
    return b.toString();
  }
}
