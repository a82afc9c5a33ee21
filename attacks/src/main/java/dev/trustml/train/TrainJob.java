package dev.trustml.train;

import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.io.Hashing;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.CardMetrics;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Trains a model bundle from a labelled CSV: split the rows into members and non-members (written
 * as {@value #MEMBERS_FILE} and {@value #NON_MEMBERS_FILE} so membership audits know the truth),
 * build the vocabulary from the training rows only, train, measure accuracy, and write the
 * TorchScript bundle with a model card that records every parameter, the data's SHA-256, the
 * metrics and - for DP-SGD - the privacy claim.
 */
public final class TrainJob {
  /** The rows trained on (planted canaries excluded), columns text,label. */
  public static final String MEMBERS_FILE = "members.csv";

  /** The held-out rows, columns text,label. */
  public static final String NON_MEMBERS_FILE = "nonmembers.csv";

  /** The vocabulary file inside the bundle. */
  public static final String VOCAB_FILE = "vocab.txt";

  /** Written on the privacy claim. */
  public static final String MECHANISM = "dp-sgd";

  /** Keeps the split's random stream apart from the training streams of the same seed. */
  private static final long SPLIT_SALT = 0x7e57_5971_17L;

  private final EpsilonFunction accountant;

  /**
   * @param accountant computes epsilon for DP-SGD runs
   */
  public TrainJob(EpsilonFunction accountant) {
    this.accountant = Objects.requireNonNull(accountant, "accountant");
  }

  /** Runs the job and writes the bundle into {@code spec.outputDir()}. */
  public TrainJobResult run(TrainJobSpec spec) throws BadInputException, IOException {
    spec.validate();
    Path csv = spec.dataset();
    List<LabeledText> rows;
    try (LabeledCsvReader reader = LabeledCsvReader.open(csv, spec.columns())) {
      rows = reader.readAll();
    }
    List<String> labels = labels(csv, rows, spec);
    DataSplit split =
        DataSplit.stratified(rows, spec.heldoutFraction(), spec.training().seed() ^ SPLIT_SALT);
    if (split.train().size() < 2 || split.heldout().size() < 2) {
      throw new BadInputException(
          csv
              + ": "
              + rows.size()
              + " rows split into "
              + split.train().size()
              + " training and "
              + split.heldout().size()
              + " held-out rows; each part needs at least 2 - add rows or change the held-out"
              + " fraction");
    }
    for (LabeledText planted : spec.plantedRows()) {
      if (!labels.contains(planted.label())) {
        throw new BadInputException(
            "planted canary row "
                + planted.row()
                + " has label '"
                + planted.label()
                + "', which "
                + csv
                + " does not use ("
                + String.join(", ", labels)
                + ")");
      }
    }
    List<LabeledText> trainingRows = new ArrayList<>(split.train());
    trainingRows.addAll(spec.plantedRows());

    List<String> vocabulary =
        VocabularyBuilder.build(
            trainingRows.stream().map(LabeledText::text).toList(),
            spec.lowercase(),
            spec.maxVocabularySize(),
            spec.minCount(),
            canaryAlphabets(spec.canaries()));
    VocabTokenizer tokenizer = new VocabTokenizer(vocabulary, spec.lowercase());
    TrainingSet trainSet =
        new TrainingSet(
            vocabulary.size(), labels.size(), tokenize(trainingRows, tokenizer, labels, spec));
    List<TokenizedExample> heldout = tokenize(split.heldout(), tokenizer, labels, spec);

    TrainingConfig config = spec.training();
    TrainingOutcome outcome = Trainer.train(trainSet, config);
    CardMetrics metrics =
        new CardMetrics(
            Evaluation.accuracy(outcome.weights(), trainSet.examples()),
            Evaluation.accuracy(outcome.weights(), heldout),
            trainSet.size(),
            heldout.size());
    PrivacyClaim privacy = outcome.dpSgd() == null ? null : privacyClaim(outcome.dpSgd(), spec);
    ModelCard card =
        new ModelCard(
            ModelCards.SCHEMA_VERSION,
            spec.modelName() != null ? spec.modelName() : nameOf(spec.outputDir()),
            "model.pt",
            new Architecture(
                Architecture.MEAN_POOL_MLP,
                vocabulary.size(),
                config.embeddingDim(),
                config.hiddenDim()),
            labels,
            spec.maxLength(),
            0,
            new TokenizerSpec(TokenizerKind.VOCAB, VOCAB_FILE, spec.lowercase()),
            privacy,
            recipe(spec, outcome, trainSet.size(), vocabulary.size()),
            spec.canaries(),
            spec.secretsFile(),
            metrics);

    Path dir = spec.outputDir();
    writeSplit(dir.resolve(MEMBERS_FILE), split.train());
    writeSplit(dir.resolve(NON_MEMBERS_FILE), split.heldout());
    BundleWriter.write(dir, outcome.weights(), vocabulary, card);
    return new TrainJobResult(dir, card, outcome.weights(), vocabulary, outcome);
  }

  /** Distinct labels; integers in numeric order, otherwise in code-point order. */
  private static List<String> labels(Path csv, List<LabeledText> rows, TrainJobSpec spec)
      throws BadInputException {
    TreeSet<String> distinct = new TreeSet<>();
    for (LabeledText r : rows) {
      if (r.label().isBlank()) {
        throw new BadInputException(
            csv
                + " row "
                + r.row()
                + " (line "
                + r.line()
                + "): empty value in label column '"
                + spec.columns().label()
                + "'; give every row a label");
      }
      distinct.add(r.label());
    }
    if (distinct.size() < 2) {
      throw new BadInputException(
          csv
              + ": column '"
              + spec.columns().label()
              + "' has "
              + (distinct.isEmpty() ? "no rows" : "only the label '" + distinct.first() + "'")
              + "; a classifier needs rows of at least two labels");
    }
    List<String> labels = new ArrayList<>(distinct);
    if (labels.stream().allMatch(l -> l.matches("-?\\d{1,18}"))) {
      labels.sort(Comparator.comparingLong(Long::parseLong));
    }
    return labels;
  }

  private static List<TokenizedExample> tokenize(
      List<LabeledText> rows, VocabTokenizer tokenizer, List<String> labels, TrainJobSpec spec) {
    List<TokenizedExample> out = new ArrayList<>(rows.size());
    for (LabeledText r : rows) {
      out.add(
          new TokenizedExample(
              tokenizer.encode(r.text(), spec.maxLength()), labels.indexOf(r.label())));
    }
    return out;
  }

  private PrivacyClaim privacyClaim(DpSgdConfig dp, TrainJobSpec spec) throws BadInputException {
    double epsilon =
        accountant.epsilon(dp.samplingRate(), dp.noiseMultiplier(), dp.steps(), spec.delta());
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new BadInputException(
          "the "
              + accountant.name()
              + " accountant gives epsilon "
              + epsilon
              + " for q="
              + dp.samplingRate()
              + ", sigma="
              + dp.noiseMultiplier()
              + ", T="
              + dp.steps()
              + "; raise the noise multiplier or train fewer steps");
    }
    return new PrivacyClaim(
        MECHANISM,
        epsilon,
        spec.delta(),
        dp.noiseMultiplier(),
        dp.samplingRate(),
        dp.steps(),
        dp.clippingNorm(),
        accountant.name());
  }

  /**
   * The slot values of every planted canary's template: they must be tokens, or candidates that
   * differ only in an unseen value would all read as the unknown word and no audit could rank them.
   */
  private static List<String> canaryAlphabets(List<PlantedCanaryInfo> canaries)
      throws BadInputException {
    List<String> tokens = new ArrayList<>();
    for (PlantedCanaryInfo c : canaries) {
      for (dev.trustml.canary.Alphabet a :
          dev.trustml.canary.CanaryTemplate.parse(c.template()).alphabets()) {
        tokens.addAll(a.values());
      }
    }
    return tokens;
  }

  private static TrainingRecipe recipe(
      TrainJobSpec spec, TrainingOutcome outcome, int trainRows, int vocabularySize)
      throws BadInputException {
    TrainingConfig config = spec.training();
    int epochs = config.epochs();
    int batchSize = config.batchSize();
    DpSgdConfig dp = outcome.dpSgd();
    if (dp != null) {
      if (config.dpSgd() instanceof DpSgdEpochs plan) {
        epochs = plan.epochs();
        batchSize = plan.expectedBatchSize();
      } else if (config.dpSgd() instanceof DpSgdTargetEpsilon plan) {
        epochs = plan.epochs();
        batchSize = plan.expectedBatchSize();
      } else {
        epochs = (int) Math.max(1, Math.round(dp.steps() * dp.samplingRate()));
        batchSize = (int) Math.max(1, Math.round(dp.expectedBatchSize(trainRows)));
      }
    }
    return new TrainingRecipe(
        config.optimizer().cardName(),
        config.learningRate(),
        epochs,
        batchSize,
        outcome.steps(),
        config.seed(),
        nameOf(spec.dataset()),
        Hashing.sha256(spec.dataset()),
        spec.columns().text(),
        spec.columns().label(),
        spec.heldoutFraction(),
        MEMBERS_FILE,
        NON_MEMBERS_FILE,
        vocabularySize,
        outcome.seconds(),
        null);
  }

  private static String nameOf(Path p) {
    Path name = p.toAbsolutePath().normalize().getFileName();
    return name == null ? p.toString() : name.toString();
  }

  /** Writes rows as a text,label CSV (RFC 4180 quoting), atomically. */
  static void writeSplit(Path file, List<LabeledText> rows) throws IOException {
    AtomicFiles.write(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
          CSVPrinter printer = new CSVPrinter(w, format);
          printer.printRecord("text", "label");
          for (LabeledText r : rows) {
            printer.printRecord(r.text(), r.label());
          }
          printer.flush();
        });
  }
}
