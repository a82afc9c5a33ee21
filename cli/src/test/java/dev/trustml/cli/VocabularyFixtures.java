package dev.trustml.cli;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.TokenizerSpec;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.TokenizerKind;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.privacy.DpSgdParameters;
import dev.trustml.privacy.NoiseCalibrator;
import dev.trustml.privacy.RdpAccountant;
import dev.trustml.train.DpSgdConfig;
import dev.trustml.train.DpSgdTargetEpsilon;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TokenizedExample;
import dev.trustml.train.Trainer;
import dev.trustml.train.TrainingConfig;
import dev.trustml.train.TrainingOutcome;
import dev.trustml.train.TrainingSet;
import dev.trustml.train.VocabularyBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Bundles for the vocabulary attack's end-to-end tests, built deterministically in test setup from
 * the sentiment pool ({@code sample-models/sentiment/{members,nonmembers}.csv} together, 3,582 rows
 * with the background pin sentences): each distinct row (text and label) is a member by a seeded
 * fair coin flip (Bernoulli(1/2), recorded on the card), and the model is trained with DP-SGD at
 * epsilon 1 by trustml's trainer; the member and non-member files go to the audit kit beside the
 * bundle ({@code DIR.audit}), as {@code trustml train} writes them. Only the vocabulary differs:
 *
 * <ul>
 *   <li>{@link #leaky}: every word of the members, built in the clear (the leak issue 10 found in
 *       trustml's own sample models);
 *   <li>{@link #publicVocabulary}: the word-initial tokens of the public BERT-base-uncased
 *       WordPiece vocabulary ({@code sample-models/data/bert-base-uncased/vocab.txt}), chosen
 *       without looking at any row.
 * </ul>
 *
 * <p>The stratified counterpart is committed instead ({@link #stratifiedEps1}): a copy of the
 * sample model {@code sentiment/eps1} as it was before the membership design was recorded
 * (stratified split, vocabulary built from its training rows), so the test keeps it after the
 * sample models are rebuilt.
 */
final class VocabularyFixtures {
  static final double CLAIMED_EPSILON = 1.0;
  static final double DELTA = 1e-5;
  private static final long SEED = 20_231;

  private VocabularyFixtures() {}

  /** The DP bundle whose vocabulary holds every member word. */
  static Path leaky(Path dir) throws Exception {
    Split split = bernoulliSplit();
    List<String> vocab =
        VocabularyBuilder.build(
            split.members().stream().map(LabeledText::text).toList(), true, Integer.MAX_VALUE, 1);
    return write(
        dir, "sentiment-eps1-leaky-vocab", split, vocab, TrainingRecipe.VOCABULARY_FROM_MEMBERS);
  }

  /** The DP bundle whose vocabulary is public (BERT word-initial tokens). */
  static Path publicVocabulary(Path dir) throws Exception {
    List<String> vocab = new ArrayList<>(List.of(VocabTokenizer.PAD, VocabTokenizer.UNK));
    for (String line :
        Files.readAllLines(
            SampleModels.root().resolve("data/bert-base-uncased/vocab.txt"),
            StandardCharsets.UTF_8)) {
      // Word-initial tokens the word tokenizer can produce: no "##" pieces, no [special] tokens,
      // no punctuation (which it never emits as a word).
      if (!line.startsWith("##")
          && !line.startsWith("[")
          && VocabTokenizer.words(line, true).equals(List.of(line))) {
        vocab.add(line);
      }
    }
    return write(
        dir,
        "sentiment-eps1-public-vocab",
        bernoulliSplit(),
        vocab,
        TrainingRecipe.VOCABULARY_PUBLIC_WORD_LIST);
  }

  /**
   * A copy of the committed stratified fixture (the old {@code sentiment/eps1}) as {@code dir}, its
   * member and non-member files in the audit kit beside it ({@code DIR.audit}).
   */
  static Path stratifiedEps1(Path dir) throws IOException {
    Path source = Path.of("src/test/resources/fixtures/sentiment-eps1-stratified");
    copy(source, dir);
    copy(source.resolveSibling("sentiment-eps1-stratified.audit"), kit(dir));
    // The card names its kit by the committed directory's name.
    Path card = dir.resolve("trustml-model.json");
    Files.writeString(
        card,
        Files.readString(card)
            .replace("../sentiment-eps1-stratified.audit/", "../" + kitName(dir) + "/"));
    return dir;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  /** The sentiment pool split by a seeded fair coin per distinct row. */
  record Split(List<LabeledText> members, List<LabeledText> nonMembers) {}

  static Split bernoulliSplit() throws Exception {
    List<LabeledText> pool = new ArrayList<>();
    for (String file : List.of("members.csv", "nonmembers.csv")) {
      try (LabeledCsvReader reader =
          LabeledCsvReader.open(
              SampleModels.root().resolve("sentiment").resolve(file), CsvColumns.DEFAULT)) {
        pool.addAll(reader.readAll());
      }
    }
    // One coin per distinct (text, label), flipped in order of first appearance: identical rows
    // land on the same side.
    Map<Long, Boolean> coin = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(SEED);
    List<LabeledText> members = new ArrayList<>();
    List<LabeledText> nonMembers = new ArrayList<>();
    for (LabeledText row : pool) {
      boolean in =
          coin.computeIfAbsent(RowKey.of(row.text(), row.label()), k -> random.nextBoolean());
      (in ? members : nonMembers).add(row);
    }
    return new Split(members, nonMembers);
  }

  private static Path write(
      Path dir, String name, Split split, List<String> vocab, String vocabularySource)
      throws Exception {
    List<String> labels = List.of("negative", "positive");
    VocabTokenizer tokenizer = new VocabTokenizer(vocab, true);
    List<TokenizedExample> examples = new ArrayList<>();
    for (LabeledText row : split.members()) {
      examples.add(
          new TokenizedExample(tokenizer.encode(row.text(), 32), labels.indexOf(row.label())));
    }
    RdpAccountant accountant = new RdpAccountant();
    NoiseCalibrator calibrator = new NoiseCalibrator(accountant);
    TrainingConfig config =
        TrainingConfig.builder()
            .embeddingDim(16)
            .hiddenDim(32)
            .optimizer(OptimizerKind.ADAM)
            .learningRate(0.02)
            .epochs(10)
            .batchSize(256)
            .seed(SEED)
            .dpSgd(
                new DpSgdTargetEpsilon(
                    256,
                    10,
                    1.0,
                    (q, steps) ->
                        calibrator.calibrate(q, steps, DELTA, CLAIMED_EPSILON).noiseMultiplier()))
            .build();
    TrainingOutcome outcome =
        Trainer.train(new TrainingSet(vocab.size(), labels.size(), examples), config);
    DpSgdConfig dp = outcome.dpSgd();
    double epsilon =
        accountant.epsilon(
            DpSgdParameters.of(dp.samplingRate(), dp.noiseMultiplier(), dp.steps()), DELTA);
    ModelCard card =
        new ModelCard(
            ModelCards.SCHEMA_VERSION,
            name,
            "model.pt",
            new Architecture(Architecture.MEAN_POOL_MLP, vocab.size(), 16, 32),
            labels,
            32,
            0,
            new TokenizerSpec(TokenizerKind.VOCAB, "vocab.txt", true),
            new PrivacyClaim(
                "dp-sgd",
                epsilon,
                DELTA,
                dp.noiseMultiplier(),
                dp.samplingRate(),
                dp.steps(),
                dp.clippingNorm(),
                "rdp"),
            new TrainingRecipe(
                "adam",
                0.02,
                10,
                256,
                outcome.steps(),
                null,
                "sentiment-pool.csv",
                null,
                "text",
                "label",
                0.5,
                "../" + kitName(dir) + "/members.csv",
                "../" + kitName(dir) + "/nonmembers.csv",
                vocab.size(),
                null,
                new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5),
                vocabularySource),
            List.of(),
            null,
            null);
    BundleWriter.write(dir, outcome.weights(), vocab, card);
    Path kit = Files.createDirectories(kit(dir));
    writeCsv(kit.resolve("members.csv"), split.members());
    writeCsv(kit.resolve("nonmembers.csv"), split.nonMembers());
    return dir;
  }

  /**
   * The audit kit beside a bundle ({@code DIR.audit}, as {@code trustml train} writes it): the
   * member and non-member files, which must not ship inside the bundle.
   */
  static Path kit(Path bundle) {
    return bundle.resolveSibling(kitName(bundle));
  }

  private static String kitName(Path bundle) {
    return bundle.getFileName() + ".audit";
  }

  static void writeCsv(Path file, List<LabeledText> rows) throws IOException {
    LabeledCsvWriter.write(file, rows);
  }
}
