package dev.trustml.train;

import dev.trustml.canary.PlantedCanary;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.io.AtomicFiles;
import dev.trustml.io.Hashing;
import dev.trustml.json.Json;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.CardMetrics;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains a model bundle from a labelled CSV.
 *
 * <ol>
 *   <li>Canary copies (rows equal to an in-data canary of the secrets file) are set apart: always
 *       trained on, outside the membership design.
 *   <li>The other rows are split by the recorded {@link MembershipDesign} (Bernoulli coins per
 *       distinct row, or a stratified share; identical rows on the same side).
 *   <li>The vocabulary comes from the spec's {@link VocabularySource}: from the member rows only
 *       for non-private runs; for DP runs from a public list or tokenizer, or from DP partition
 *       selection whose (epsilon, delta) is composed into the claim.
 *   <li>Train; DP-SGD's sampling rate comes from the expected training-set size under the design.
 *   <li>Write what ships into the bundle directory (model.pt, tokenizer file, card) and everything
 *       derived from the rows into the audit kit (members, non-members, secrets, {@link AuditKit}).
 *       A DP card carries no seed, data hash, wall time or metrics computed on the rows; the card's
 *       member, non-member and secrets paths point into the kit relative to the bundle.
 * </ol>
 */
public final class TrainJob {
  /** The rows trained on (canary copies excluded), columns text,label, in the audit kit. */
  public static final String MEMBERS_FILE = "members.csv";

  /** The held-out rows, columns text,label, in the audit kit. */
  public static final String NON_MEMBERS_FILE = "nonmembers.csv";

  /** The copy of the canary secrets file in the audit kit. */
  public static final String SECRETS_FILE = "secrets.json";

  /** The vocabulary file inside the bundle (word vocabularies). */
  public static final String VOCAB_FILE = BuiltVocabulary.VOCAB_FILE;

  /** The tokenizer file inside the bundle (Hugging Face tokenizers). */
  public static final String TOKENIZER_FILE = BuiltVocabulary.TOKENIZER_FILE;

  /** Written on the privacy claim. */
  public static final String MECHANISM = "dp-sgd";

  /** Keeps the split's random stream apart from the training streams of the same seed. */
  private static final long SPLIT_SALT = 0x7e57_5971_17L;

  /** Keeps the DP vocabulary's streams apart from the training streams of the same seed. */
  private static final long VOCABULARY_SALT = 0x7e57_70ca_b1L;

  private final EpsilonFunction accountant;

  /**
   * @param accountant computes epsilon for DP-SGD runs
   */
  public TrainJob(EpsilonFunction accountant) {
    this.accountant = Objects.requireNonNull(accountant, "accountant");
  }

  /** Runs the job and writes the bundle and its audit kit. */
  public TrainJobResult run(TrainJobSpec spec) throws BadInputException, IOException {
    spec.validate();
    Path csv = spec.dataset();
    List<LabeledText> rows;
    try (LabeledCsvReader reader = LabeledCsvReader.open(csv, spec.columns())) {
      rows = reader.readAll();
    }
    List<String> labels = labels(csv, rows, spec);
    long seed = spec.training().seed();
    CanaryRows canaries = CanaryRows.separate(csv, rows, spec.canaries());
    DataSplit split;
    if (spec.design() == null) {
      split = DataSplit.none(canaries.pool());
    } else {
      checkPoolSize(csv, canaries.pool(), spec.design());
      split = DataSplit.of(spec.design(), canaries.pool(), seed ^ SPLIT_SALT);
    }
    if (split.design() != null && (split.train().isEmpty() || split.heldout().isEmpty())) {
      throw new BadInputException(
          csv
              + ": the "
              + describe(spec.design())
              + " design put every row on one side ("
              + split.train().size()
              + " members, "
              + split.heldout().size()
              + " held out); add rows");
    }
    // The rows trained on, in CSV order: members and canary copies.
    Set<LabeledText> members = identitySet(split.train());
    List<LabeledText> trainingRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (canaries.isCopy()[i] || members.contains(rows.get(i))) {
        trainingRows.add(rows.get(i));
      }
    }
    double expectedRows = split.expectedTrainRows() + canaries.expectedCopies();

    BuiltVocabulary vocabulary =
        BuiltVocabulary.build(
            spec, trainingRows, canaryAlphabets(spec.canaries()), seed ^ VOCABULARY_SALT);
    try {
      return train(spec, rows, labels, canaries, split, trainingRows, expectedRows, vocabulary);
    } finally {
      vocabulary.tokenizer().close();
    }
  }

  private TrainJobResult train(
      TrainJobSpec spec,
      List<LabeledText> rows,
      List<String> labels,
      CanaryRows canaries,
      DataSplit split,
      List<LabeledText> trainingRows,
      double expectedRows,
      BuiltVocabulary vocabulary)
      throws BadInputException, IOException {
    Tokenizer tokenizer = vocabulary.tokenizer();
    TrainingSet trainSet =
        new TrainingSet(
            vocabulary.size(),
            labels.size(),
            tokenize(trainingRows, tokenizer, labels, spec),
            expectedRows);
    List<TokenizedExample> heldout = tokenize(split.heldout(), tokenizer, labels, spec);

    TrainingConfig config = spec.training();
    TrainingOutcome outcome = Trainer.train(trainSet, config);
    CardMetrics metrics =
        new CardMetrics(
            Evaluation.accuracy(outcome.weights(), trainSet.examples()),
            heldout.isEmpty() ? null : Evaluation.accuracy(outcome.weights(), heldout),
            trainSet.size(),
            heldout.size());
    boolean dp = outcome.dpSgd() != null;
    PrivacyClaim privacy = dp ? privacyClaim(outcome.dpSgd(), spec, vocabulary) : null;

    Path dir = spec.outputDir();
    Path kitDir = spec.auditKit();
    String secretsName = spec.secretsFile() == null ? null : SECRETS_FILE;
    String datasetSha256 = Hashing.sha256(spec.dataset());
    String modelName = spec.modelName() != null ? spec.modelName() : nameOf(dir);
    ModelCard card =
        new ModelCard(
            ModelCards.SCHEMA_VERSION,
            modelName,
            "model.pt",
            new Architecture(
                Architecture.MEAN_POOL_MLP,
                vocabulary.size(),
                config.embeddingDim(),
                config.hiddenDim()),
            labels,
            spec.maxLength(),
            0,
            vocabulary.spec(),
            privacy,
            recipe(spec, outcome, expectedRows, vocabulary, split.design(), datasetSha256, dir),
            canaries.planted(),
            secretsName == null ? null : relative(dir, kitDir.resolve(secretsName)),
            dp ? null : metrics,
            canaries.auditSet());
    AuditKit kit =
        new AuditKit(
            AuditKit.WARNING,
            modelName,
            relative(kitDir, dir),
            config.seed(),
            nameOf(spec.dataset()),
            datasetSha256,
            split.design(),
            MEMBERS_FILE,
            NON_MEMBERS_FILE,
            secretsName,
            canaries.pool().size(),
            canaries.copies(),
            metrics,
            outcome.seconds());

    Files.createDirectories(kitDir);
    LabeledCsvWriter.write(kitDir.resolve(MEMBERS_FILE), split.train());
    LabeledCsvWriter.write(kitDir.resolve(NON_MEMBERS_FILE), split.heldout());
    if (spec.secretsFile() != null) {
      SecretsCopy.copy(spec.secretsFile(), spec.canaries(), kitDir, SECRETS_FILE);
    }
    AtomicFiles.write(kitDir.resolve(AuditKit.FILE_NAME), Json.mapper().writeValueAsBytes(kit));
    if (vocabulary.tokenizerFile() != null) {
      BundleWriter.writeWithTokenizerFile(dir, outcome.weights(), vocabulary.tokenizerFile(), card);
    } else {
      BundleWriter.write(dir, outcome.weights(), vocabulary.tokens(), card);
    }
    return new TrainJobResult(
        dir, kitDir, card, kit, outcome.weights(), vocabulary.tokens(), outcome);
  }

  /**
   * Refuses a pool too small for the design before any coin is drawn: each side must expect at
   * least 2 distinct rows.
   */
  private static void checkPoolSize(Path csv, List<LabeledText> pool, MembershipDesign design)
      throws BadInputException {
    Set<String> distinct = new HashSet<>();
    Map<String, Set<String>> byLabel = new LinkedHashMap<>();
    for (LabeledText r : pool) {
      String key = r.label() + "\u0000" + r.text();
      distinct.add(key);
      byLabel.computeIfAbsent(r.label(), l -> new HashSet<>()).add(r.text());
    }
    double p = design.inclusionProbability();
    double members;
    double nonMembers;
    if (design.kind() == MembershipDesign.Kind.BERNOULLI) {
      members = p * distinct.size();
      nonMembers = (1 - p) * distinct.size();
    } else {
      nonMembers = 0;
      for (Set<String> texts : byLabel.values()) {
        nonMembers += Math.round((1 - p) * texts.size());
      }
      members = distinct.size() - nonMembers;
    }
    if (members < 2 || nonMembers < 2) {
      throw new BadInputException(
          String.format(
              Locale.ROOT,
              "%s: %d distinct rows are too few for the %s design (%.1f members and %.1f held out"
                  + " expected); each part needs at least 2 - add rows or change the held-out"
                  + " fraction",
              csv,
              distinct.size(),
              describe(design),
              members,
              nonMembers));
    }
  }

  private static String describe(MembershipDesign design) {
    return String.format(
        Locale.ROOT,
        "%s (inclusion probability %s)",
        design.kind().jsonName(),
        design.inclusionProbability());
  }

  /** A set of the very row objects (two equal rows from different CSV lines are different). */
  private static Set<LabeledText> identitySet(List<LabeledText> rows) {
    Set<LabeledText> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    set.addAll(rows);
    return set;
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
      List<LabeledText> rows, Tokenizer tokenizer, List<String> labels, TrainJobSpec spec) {
    List<TokenizedExample> out = new ArrayList<>(rows.size());
    for (LabeledText r : rows) {
      out.add(
          new TokenizedExample(
              tokenizer.encode(r.text(), spec.maxLength()), labels.indexOf(r.label())));
    }
    return out;
  }

  /**
   * The claim: DP-SGD at the delta left after the vocabulary's share, composed with the
   * vocabulary's component by basic composition (epsilons and deltas add).
   */
  private PrivacyClaim privacyClaim(DpSgdConfig dp, TrainJobSpec spec, BuiltVocabulary vocabulary)
      throws BadInputException {
    double sgdDelta = spec.delta() - spec.vocabularyDelta();
    double epsilon =
        accountant.epsilon(dp.samplingRate(), dp.noiseMultiplier(), dp.steps(), sgdDelta);
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
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("noise_multiplier", dp.noiseMultiplier());
    params.put("sampling_rate", dp.samplingRate());
    params.put("steps", dp.steps());
    params.put("clipping_norm", dp.clippingNorm());
    params.put("accountant", accountant.name());
    List<PrivacyComponent> components = new ArrayList<>();
    components.add(new PrivacyComponent(MECHANISM, epsilon, sgdDelta, params));
    components.add(vocabulary.component());
    double totalEpsilon = 0;
    double totalDelta = 0;
    for (PrivacyComponent c : components) {
      totalEpsilon += c.epsilon();
      totalDelta += c.delta();
    }
    return new PrivacyClaim(
        MECHANISM,
        totalEpsilon,
        totalDelta,
        dp.noiseMultiplier(),
        dp.samplingRate(),
        dp.steps(),
        dp.clippingNorm(),
        accountant.name(),
        components,
        PrivacyClaim.BASIC_COMPOSITION);
  }

  /**
   * The slot values of every canary's template: they must be tokens, or candidates that differ only
   * in an unseen value would all read as the unknown word and no audit could rank them. They come
   * from the auditor's templates, not from the data.
   */
  private static List<String> canaryAlphabets(List<PlantedCanary> canaries) {
    List<String> tokens = new ArrayList<>();
    for (PlantedCanary c : canaries) {
      for (dev.trustml.canary.Alphabet a : c.template().alphabets()) {
        tokens.addAll(a.values());
      }
    }
    return tokens;
  }

  private static TrainingRecipe recipe(
      TrainJobSpec spec,
      TrainingOutcome outcome,
      double expectedRows,
      BuiltVocabulary vocabulary,
      MembershipDesign design,
      String datasetSha256,
      Path dir) {
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
        batchSize = (int) Math.max(1, Math.round(dp.expectedBatchSize(expectedRows)));
      }
    }
    boolean keepRowFacts = dp == null;
    Path kitDir = spec.auditKit();
    return new TrainingRecipe(
        config.optimizer().cardName(),
        config.learningRate(),
        epochs,
        batchSize,
        outcome.steps(),
        keepRowFacts ? config.seed() : null,
        nameOf(spec.dataset()),
        keepRowFacts ? datasetSha256 : null,
        spec.columns().text(),
        spec.columns().label(),
        design == null ? 0 : spec.heldoutFraction(),
        relative(dir, kitDir.resolve(MEMBERS_FILE)),
        relative(dir, kitDir.resolve(NON_MEMBERS_FILE)),
        vocabulary.size(),
        keepRowFacts ? outcome.seconds() : null,
        design,
        vocabulary.source());
  }

  /** {@code target} relative to directory {@code from}, with '/' separators. */
  static String relative(Path from, Path target) {
    Path rel = from.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }

  private static String nameOf(Path p) {
    Path name = p.toAbsolutePath().normalize().getFileName();
    return name == null ? p.toString() : name.toString();
  }
}
