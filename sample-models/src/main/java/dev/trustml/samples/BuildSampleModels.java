package dev.trustml.samples;

import dev.trustml.canary.CanaryPlanter;
import dev.trustml.canary.CanarySpec;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.canary.Secret;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.RdpAccountant;
import dev.trustml.train.AuditKit;
import dev.trustml.train.EpsilonFunction;
import dev.trustml.train.Evaluation;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TokenizedExample;
import dev.trustml.train.TrainJob;
import dev.trustml.train.TrainJobResult;
import dev.trustml.train.TrainJobSpec;
import dev.trustml.train.VocabularySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the committed sample models ({@code make sample-models}): for each dataset, a non-private
 * model and DP-SGD models at epsilon 8 and 1 (delta 1e-5), all on the same seeded Bernoulli(1/2)
 * membership design and the same public vocabulary (the first word-initial tokens of BERT's
 * WordPiece vocabulary, in file order: nothing in a bundle comes from the training rows), with
 * three canaries planted 1, 4 and 16 times.
 *
 * <p>Layout: {@code <dataset>/<variant>/} is what ships (model.pt, vocab.txt, card); the dataset
 * folder itself is the shared audit kit of its three bundles: members.csv, nonmembers.csv and
 * secrets.json (identical for every variant, since they share the seed and the data) and one {@code
 * kit-<variant>.json} each (seed, data hash, realised counts, accuracies, wall time).
 * Deterministic: same data, same bytes (apart from the wall times in the kit files).
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
   * Background sentences of each canary template with random pins and the other label. Without them
   * the template words alone predict the canaries' label, every pin scores alike, and the loss is
   * lowest for whichever digits the model likes best; with them, fitting the canaries takes
   * remembering their exact digits (the secrets) - as for a real intent classifier that sees many
   * users' pin sentences. They are ordinary rows of the data (the membership design splits them, so
   * about half are trained on), and their pins are drawn from their own seeded stream,
   * independently of the secret and allowing repeats: skipping the secret would make it slightly
   * rarer among the background pins and bias its rank under the no-leak hypothesis.
   */
  static final int DECOYS = 200;

  /**
   * Vocabulary entries: [PAD], [UNK], the digits the canaries need, then the first word-initial
   * tokens of the public BERT-base-uncased vocabulary in file order (roughly frequency order, in
   * general text: sentiment words such as "delicious" or "disappointed" come late, and contractions
   * such as "don't" are not BERT words at all). Measured held-out accuracy on the datasets' own
   * rows (the pin-sentence background rows left out), nodp / eps8 / eps1: sentiment V=5000 0.636
   * (SGD) / 0.683 / 0.614, V=6000 0.734 (Adam) / 0.711 / 0.599, V=8000 0.745 / 0.701 / 0.602,
   * V=12000 0.683 (SGD) / 0.706 / 0.616; spam V=8000 0.951 / 0.910 / 0.847. 8000 words cover 87% of
   * the sentiment tokens; the embedding is 8000 x 32 floats (1 MB per bundle).
   */
  static final int VOCABULARY = 8000;

  /** The public word list, relative to the sample-models folder. */
  static final String PUBLIC_VOCABULARY = "data/bert-base-uncased/vocab.txt";

  /** A dataset and the label its canaries carry. */
  record Dataset(String name, String file, String canaryLabel, String otherLabel, int maxLength) {}

  static final List<Dataset> DATASETS =
      List.of(
          new Dataset("sentiment", "sentiment.csv", "positive", "negative", 32),
          new Dataset("spam", "spam.csv", "ham", "spam", 64));

  static final List<SampleRecipe> RECIPES =
      List.of(
          // Adam, not SGD: with a public vocabulary [UNK] occurs in most rows, and plain SGD at a
          // high rate blows its embedding up (train accuracy 0.59-0.84 against Adam's 0.99).
          new SampleRecipe("nodp", null, OptimizerKind.ADAM, 0.01, 32, 20),
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
    List<LabeledText> rows;
    try (LabeledCsvReader reader =
        LabeledCsvReader.open(dataDir.resolve(d.file()), CsvColumns.DEFAULT)) {
      rows = reader.readAll();
    }
    List<CanarySpec> specs = new ArrayList<>();
    for (int i = 0; i < REPETITIONS.length; i++) {
      specs.add(
          new CanarySpec(
              CanaryTemplate.parse(TEMPLATES.get(i)), labelFor(d, REPETITIONS[i]), REPETITIONS[i]));
    }
    PlantingResult planted = CanaryPlanter.plant(rows, specs, SEED);
    List<PlantedCanary> canaries = new ArrayList<>();
    for (PlantedCanary c : planted.canaries()) {
      canaries.add(
          new PlantedCanary(
              "pin-x" + c.repetitions(),
              c.template(),
              c.label(),
              c.repetitions(),
              c.secret(),
              null,
              true));
    }
    List<LabeledText> data = new ArrayList<>(planted.rows());
    Set<String> decoys = new HashSet<>();
    SplittableRandom decoyRandom = new SplittableRandom(SEED + 1);
    for (PlantedCanary c : canaries) {
      for (int i = 0; i < DECOYS; i++) {
        Secret s = c.template().randomSecret(decoyRandom);
        String text = c.template().render(s);
        decoys.add(text);
        data.add(new LabeledText(text, oppositeOf(d, c.label())));
      }
    }
    PlantingResult auditSet = AuditSetPlanting.plant(d, SEED); // one-run audit set: 1,000 at 1/2
    data.addAll(auditSet.rows());
    canaries.addAll(auditSet.canaries());
    Path csv = dataDir.resolve(d.name() + "-with-canaries.csv");
    LabeledCsvWriter.write(csv, data);
    Path secrets = dataDir.resolve(d.name() + "-secrets.json");
    SecretsJson.write(secrets, canaries);

    RdpAccountant accountant = new RdpAccountant();
    NoiseCalibrator calibrator = new NoiseCalibrator(accountant);
    Map<String, String> splitHashes = new LinkedHashMap<>();
    for (SampleRecipe recipe : recipes) {
      Path out = dir.resolve(recipe.variant());
      TrainJobSpec spec =
          TrainJobSpec.builder(
                  csv,
                  out,
                  recipe.config(
                      SEED,
                      (q, steps) ->
                          calibrator
                              .calibrate(q, steps, DELTA, recipe.targetEpsilon())
                              .noiseMultiplier()))
              .auditKit(dir)
              .columns(CsvColumns.DEFAULT)
              .modelName(d.name() + "-" + recipe.variant())
              .split(MembershipDesign.Kind.BERNOULLI)
              .heldoutFraction(0.5)
              .maxLength(d.maxLength())
              .maxVocabularySize(VOCABULARY)
              .vocabulary(new VocabularySource.PublicWords(root.resolve(PUBLIC_VOCABULARY)))
              .delta(DELTA)
              .canaries(canaries, secrets)
              .build();
      TrainJobResult result = new TrainJob(epsilon(accountant)).run(spec);
      checkDigitsInVocabulary(result);
      checkSharedSplit(dir, splitHashes);
      Files.move(
          dir.resolve(AuditKit.FILE_NAME),
          dir.resolve("kit-" + recipe.variant() + ".json"),
          StandardCopyOption.REPLACE_EXISTING);
      System.out.printf(
          Locale.ROOT,
          "%s/%s: held-out accuracy %.4f (%.4f on the dataset's own rows), train %.4f%s%n",
          d.name(),
          recipe.variant(),
          result.kit().metrics().heldoutAccuracy(),
          ownRowsAccuracy(result, dir.resolve(TrainJob.NON_MEMBERS_FILE), decoys, d.maxLength()),
          result.kit().metrics().trainAccuracy(),
          result.card().privacy() == null
              ? ""
              : String.format(
                  Locale.ROOT,
                  ", epsilon %.3f (sigma %.4f)",
                  result.card().privacy().epsilon(),
                  result.card().privacy().noiseMultiplier()));
    }
  }

  /** Held-out accuracy without the pin-sentence background rows (the dataset's own rows only). */
  private static double ownRowsAccuracy(
      TrainJobResult r, Path nonMembers, Set<String> decoys, int maxLength)
      throws TrustmlException {
    VocabTokenizer tokenizer = new VocabTokenizer(r.vocabulary(), true);
    List<String> labels = r.card().labels();
    List<TokenizedExample> examples = new ArrayList<>();
    try (LabeledCsvReader reader = LabeledCsvReader.open(nonMembers, CsvColumns.DEFAULT)) {
      for (LabeledText t; (t = reader.next()) != null; ) {
        if (!decoys.contains(t.text())) {
          examples.add(
              new TokenizedExample(
                  tokenizer.encode(t.text(), maxLength), labels.indexOf(t.label())));
        }
      }
    }
    return Evaluation.accuracy(r.weights(), examples);
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

  /** The variants share one split (same seed, same data): the kit's files must not change. */
  private static void checkSharedSplit(Path kit, Map<String, String> hashes) throws IOException {
    for (String file :
        new String[] {TrainJob.MEMBERS_FILE, TrainJob.NON_MEMBERS_FILE, TrainJob.SECRETS_FILE}) {
      String hash = Hashing.sha256(Files.readAllBytes(kit.resolve(file)));
      String before = hashes.putIfAbsent(file, hash);
      if (before != null && !before.equals(hash)) {
        throw new IllegalStateException(
            kit.resolve(file) + " changed between variants: they must share one split");
      }
    }
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
