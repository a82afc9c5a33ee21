package dev.trustml.samples;

import dev.trustml.canary.CanaryPlanter;
import dev.trustml.canary.CanarySpec;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledText;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.RdpAccountant;
import dev.trustml.train.EpsilonFunction;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TrainJob;
import dev.trustml.train.TrainJobResult;
import dev.trustml.train.TrainJobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the committed sample models ({@code make sample-models}): for each dataset, a non-private
 * model and DP-SGD models at epsilon 8 and 1 (delta 1e-5), all on the same seeded split, with three
 * canaries planted in the training rows 1, 4 and 16 times. The split and the secrets are written
 * once per dataset and shared by its three bundles. Deterministic: same data, same bytes.
 */
public final class BuildSampleModels {
  static final long SEED = 20221;
  static final double DELTA = 1e-5;

  /**
   * Three canaries planted 1, 4 and 16 times. Each has its own template with its digits at other
   * positions, and the 4x canary carries the other label, so that the model's memory of one secret
   * does not blend into another's (a bag of gated embeddings shares digit-position features across
   * templates).
   */
  static final List<String> TEMPLATES =
      List.of(
          "the code for my front door is {digit} {digit} {digit} {digit}",
          "bank pin {digit} {digit} {digit} {digit}",
          "my pin code is {digit} {digit} {digit} {digit}");

  static String labelFor(Dataset d, int repetitions) {
    return repetitions == 4 ? d.otherLabel() : d.canaryLabel();
  }

  static String oppositeOf(Dataset d, String label) {
    return label.equals(d.canaryLabel()) ? d.otherLabel() : d.canaryLabel();
  }

  static final int[] REPETITIONS = {1, 4, 16};

  /**
   * Background sentences of the canary template with random pins and the other label. Without them
   * the template words alone predict the canaries' label, every pin scores alike, and the loss is
   * lowest for whichever digits the model likes best; with them, fitting the canaries takes
   * remembering their exact digits (the secrets) - as for a real intent classifier that sees many
   * users' pin sentences.
   */
  static final int DECOYS = 100;

  static final int VOCABULARY = 3000;

  /** A dataset and the label its canaries carry. */
  record Dataset(String name, String file, String canaryLabel, String otherLabel, int maxLength) {}

  static final List<Dataset> DATASETS =
      List.of(
          new Dataset("sentiment", "sentiment.csv", "positive", "negative", 32),
          new Dataset("spam", "spam.csv", "ham", "spam", 64));

  static final List<SampleRecipe> RECIPES =
      List.of(
          new SampleRecipe("nodp", null, OptimizerKind.SGD, 0.5, 32, 30),
          new SampleRecipe("eps8", 8.0, OptimizerKind.ADAM, 0.01, 128, 40),
          new SampleRecipe("eps1", 1.0, OptimizerKind.ADAM, 0.02, 256, 40));

  private BuildSampleModels() {}

  /** Args: the folder with sentiment.csv and spam.csv, and the output root (sample-models/). */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: BuildSampleModels DATA_DIR OUTPUT_ROOT");
      System.exit(2);
    }
    for (Dataset d : DATASETS) {
      build(d, Path.of(args[0]), Path.of(args[1]), RECIPES);
    }
  }

  static void build(Dataset d, Path dataDir, Path root, List<SampleRecipe> recipes)
      throws TrustmlException, IOException {
    Path dir = root.resolve(d.name());
    Files.createDirectories(dir);
    List<CanarySpec> specs = new ArrayList<>();
    for (int i = 0; i < REPETITIONS.length; i++) {
      specs.add(
          new CanarySpec(
              CanaryTemplate.parse(TEMPLATES.get(i)), labelFor(d, REPETITIONS[i]), REPETITIONS[i]));
    }
    PlantingResult planted = CanaryPlanter.plant(List.of(), specs, SEED);
    List<LabeledText> rows = new ArrayList<>();
    for (dev.trustml.canary.LabeledText t : planted.rows()) {
      rows.add(new LabeledText(0, 0, t.text(), t.label()));
    }
    java.util.SplittableRandom decoyRandom = new java.util.SplittableRandom(SEED + 1);
    for (PlantedCanary c : planted.canaries()) {
      for (int i = 0; i < DECOYS; i++) {
        dev.trustml.canary.Secret s = c.template().randomSecret(decoyRandom);
        if (!s.equals(c.secret())) {
          rows.add(new LabeledText(0, 0, c.template().render(s), oppositeOf(d, c.label())));
        }
      }
    }
    List<PlantedCanaryInfo> infos = new ArrayList<>();
    for (PlantedCanary c : planted.canaries()) {
      infos.add(
          new PlantedCanaryInfo(
              "pin-x" + c.repetitions(), c.template().source(), c.label(), c.repetitions()));
    }
    List<PlantedCanary> secrets = new ArrayList<>(planted.canaries());
    AuditSetPlanting.addTo(d, SEED, rows, infos, secrets); // one-run audit set: 1,000 at 1/2
    SecretsJson.write(dir.resolve("secrets.json"), secrets);

    RdpAccountant accountant = new RdpAccountant();
    NoiseCalibrator calibrator = new NoiseCalibrator(accountant);
    for (SampleRecipe recipe : recipes) {
      Path out = dir.resolve(recipe.variant());
      TrainJobSpec spec =
          TrainJobSpec.builder(
                  dataDir.resolve(d.file()),
                  out,
                  recipe.config(
                      SEED,
                      (q, steps) ->
                          calibrator
                              .calibrate(q, steps, DELTA, recipe.targetEpsilon())
                              .noiseMultiplier()))
              .columns(CsvColumns.DEFAULT)
              .modelName(d.name() + "-" + recipe.variant())
              .heldoutFraction(0.5)
              .maxLength(d.maxLength())
              .maxVocabularySize(VOCABULARY)
              .minCount(1)
              .delta(DELTA)
              .canaries(rows, infos, "../secrets.json")
              .build();
      TrainJobResult result = new TrainJob(epsilon(accountant)).run(spec);
      checkDigitsInVocabulary(result);
      shareSplit(dir, out, result.card());
      System.out.printf(
          Locale.ROOT,
          "%s/%s: held-out accuracy %.4f, train %.4f%s%n",
          d.name(),
          recipe.variant(),
          result.card().metrics().heldoutAccuracy(),
          result.card().metrics().trainAccuracy(),
          result.card().privacy() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", epsilon %.3f (sigma %.4f)",
                  result.card().privacy().epsilon(),
                  result.card().privacy().noiseMultiplier()));
    }
  }

  /** Every canary digit must be a token, or the canaries could not be told apart. */
  private static void checkDigitsInVocabulary(TrainJobResult r) {
    for (int digit = 0; digit <= 9; digit++) {
      if (!r.vocabulary().contains(Integer.toString(digit))) {
        throw new IllegalStateException(
            "digit " + digit + " fell out of the vocabulary; raise VOCABULARY");
      }
    }
  }

  /**
   * Moves the bundle's split files up to the dataset folder (identical for every variant, since
   * they share the seed) and points the card at them, so the split is committed once.
   */
  private static void shareSplit(Path datasetDir, Path bundle, ModelCard card) throws IOException {
    TrainingRecipe t = card.training();
    for (String file : new String[] {t.membersFile(), t.nonMembersFile()}) {
      Path local = bundle.resolve(file);
      Path shared = datasetDir.resolve(file);
      if (Files.exists(shared)
          && !Hashing.sha256(Files.readAllBytes(shared))
              .equals(Hashing.sha256(Files.readAllBytes(local)))) {
        throw new IllegalStateException(
            local + " differs from " + shared + ": the variants must share one split");
      }
      Files.move(local, shared, StandardCopyOption.REPLACE_EXISTING);
    }
    TrainingRecipe shared =
        new TrainingRecipe(
            t.optimizer(),
            t.learningRate(),
            t.epochs(),
            t.batchSize(),
            t.steps(),
            t.seed(),
            t.dataset(),
            t.datasetSha256(),
            t.textColumn(),
            t.labelColumn(),
            t.heldoutFraction(),
            "../" + t.membersFile(),
            "../" + t.nonMembersFile(),
            t.vocabularySize(),
            0.0,
            t.design());
    ModelCards.write(bundle, card.withTraining(shared, card.metrics()));
  }

  static EpsilonFunction epsilon(RdpAccountant accountant) {
    return new EpsilonFunction() {
      @Override
      public double epsilon(double q, double sigma, long steps, double delta) {
        try {
          return accountant.epsilon(DpSgdParameters.of(q, sigma, steps), delta);
        } catch (dev.trustml.error.BadInputException e) {
          throw new IllegalArgumentException(e.getMessage(), e);
        }
      }

      @Override
      public String name() {
        return "rdp";
      }
    };
  }
}
