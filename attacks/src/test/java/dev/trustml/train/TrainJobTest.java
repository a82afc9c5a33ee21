package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.json.Json;
import dev.trustml.model.Classifier;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.ReferenceClassifier;
import dev.trustml.model.card.CanaryAuditSetInfo;
import dev.trustml.model.card.MembershipDesign;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.PrivacyComponent;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.scoring.Scorer;
import dev.trustml.scoring.ScoringSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJobTest {
  static final EpsilonFunction NO_ACCOUNTANT =
      new EpsilonFunction() {
        @Override
        public double epsilon(double q, double sigma, long steps, double delta) {
          throw new AssertionError("non-private training must not ask for epsilon");
        }

        @Override
        public String name() {
          return "none";
        }
      };

  static final CsvColumns COLUMNS = new CsvColumns("text", "sentiment");

  /**
   * Unique rows: positive rows say "good"/"great", negative "bad"/"awful"; every row also has a
   * word of its own ("uniqNN") to show where the vocabulary comes from. Some texts need quoting.
   */
  static Path writeCsv(Path dir, int rowsPerLabel) throws Exception {
    return writeCsv(dir, rowsPerLabel, List.of());
  }

  /** As {@link #writeCsv(Path, int)}, with extra rows (text, label) appended. */
  static Path writeCsv(Path dir, int rowsPerLabel, List<String[]> extra) throws Exception {
    StringBuilder sb = new StringBuilder("id,text,sentiment\n");
    for (int i = 0; i < 2 * rowsPerLabel; i++) {
      boolean pos = i % 2 == 0;
      String word = pos ? (i % 4 == 0 ? "good" : "great") : (i % 4 == 1 ? "bad" : "awful");
      String text = "the film was " + word + ", \"really\" uniq" + i + " food";
      sb.append(i).append(",").append(quote(text)).append(",").append(pos ? "pos" : "neg");
      sb.append('\n');
    }
    for (String[] e : extra) {
      sb.append("x,").append(quote(e[0])).append(',').append(e[1]).append('\n');
    }
    Path csv = dir.resolve("reviews.csv");
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    return csv;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  static TrainingConfig config() throws BadInputException {
    return TrainingConfig.builder()
        .embeddingDim(8)
        .hiddenDim(8)
        .epochs(30)
        .batchSize(8)
        .learningRate(0.5)
        .seed(21)
        .build();
  }

  static TrainingConfig dpConfig(long seed) throws BadInputException {
    return TrainingConfig.builder()
        .embeddingDim(8)
        .hiddenDim(8)
        .learningRate(0.5)
        .seed(seed)
        .dpSgd(new DpSgdEpochs(6, 3, 1.3, 0.7))
        .build();
  }

  /** A public word list with WordPiece pieces and specials that must be skipped. */
  static Path publicWords(Path dir) throws Exception {
    Path f = dir.resolve("public-vocab.txt");
    Files.writeString(
        f,
        "[PAD]\n[CLS]\nthe\n##s\nfilm\n!\nwas\ngood\ngreat\nbad\nawful\nfood\nreally\nmy\npin\n");
    return f;
  }

  static List<LabeledText> read(Path csv) throws Exception {
    try (LabeledCsvReader r = LabeledCsvReader.open(csv, CsvColumns.DEFAULT)) {
      return r.readAll();
    }
  }

  static Map<String, Integer> multiset(List<LabeledText> rows) {
    Map<String, Integer> m = new HashMap<>();
    for (LabeledText r : rows) {
      m.merge(r.label() + "\u0000" + r.text(), 1, Integer::sum);
    }
    return m;
  }

  static List<String> fileNames(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static JsonNode json(Path file) throws Exception {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void bundleHoldsWhatShipsAndTheKitHoldsTheSplitAndTheRowFacts(@TempDir Path tmp)
      throws Exception {
    Path csv = writeCsv(tmp, 30);
    Path out = tmp.resolve("bundle");
    TrainJobSpec spec = TrainJobSpec.builder(csv, out, config()).columns(COLUMNS).build();
    TrainJobResult result = new TrainJob(NO_ACCOUNTANT).run(spec);

    Path kit = tmp.resolve("bundle.audit");
    assertEquals(kit, result.auditKitDir());
    assertEquals(List.of("model.pt", "trustml-model.json", "vocab.txt"), fileNames(out));
    assertEquals(List.of("kit.json", "members.csv", "nonmembers.csv"), fileNames(kit));

    List<LabeledText> input;
    try (LabeledCsvReader r = LabeledCsvReader.open(csv, COLUMNS)) {
      input = r.readAll();
    }
    List<LabeledText> members = read(kit.resolve(TrainJob.MEMBERS_FILE));
    List<LabeledText> nonMembers = read(kit.resolve(TrainJob.NON_MEMBERS_FILE));
    List<LabeledText> union = new ArrayList<>(members);
    union.addAll(nonMembers);
    assertEquals(multiset(input), multiset(union));
    for (String key : multiset(members).keySet()) {
      assertFalse(multiset(nonMembers).containsKey(key), "in both parts: " + key);
    }

    // Non-private: the vocabulary comes from the member rows only.
    List<String> vocab = Files.readAllLines(out.resolve(TrainJob.VOCAB_FILE));
    assertEquals(List.of("[PAD]", "[UNK]"), vocab.subList(0, 2));
    assertEquals(result.vocabulary(), vocab);
    for (LabeledText m : members) {
      assertTrue(vocab.contains(uniqueWord(m)), "member word kept: " + uniqueWord(m));
    }
    for (LabeledText m : nonMembers) {
      assertFalse(vocab.contains(uniqueWord(m)), "held-out word leaked: " + uniqueWord(m));
    }

    ModelCard card = ModelCards.read(out);
    assertEquals(List.of("neg", "pos"), card.labels());
    assertNull(card.privacy());
    TrainingRecipe t = card.training();
    assertEquals("sgd", t.optimizer());
    assertEquals(30, t.epochs());
    assertEquals(30L * ((members.size() + 7) / 8), t.steps(), "ceil(members / 8) steps per epoch");
    assertEquals(21L, t.seed(), "a non-DP card keeps the seed");
    assertEquals("reviews.csv", t.dataset());
    assertEquals(sha256(csv), t.datasetSha256());
    assertNotNull(t.trainSeconds());
    assertEquals("sentiment", t.labelColumn());
    assertEquals(0.5, t.heldoutFraction());
    assertEquals(new MembershipDesign(MembershipDesign.Kind.BERNOULLI, 0.5), t.design());
    assertEquals(TrainingRecipe.VOCABULARY_FROM_MEMBERS, t.vocabularySource());
    assertEquals(vocab.size(), t.vocabularySize());
    // The card's paths point into the kit, relative to the bundle.
    assertEquals("../bundle.audit/members.csv", t.membersFile());
    assertEquals("../bundle.audit/nonmembers.csv", t.nonMembersFile());
    assertEquals(
        kit.resolve("members.csv").toRealPath(), out.resolve(t.membersFile()).toRealPath());
    assertEquals(members.size(), card.metrics().trainRows());
    assertEquals(nonMembers.size(), card.metrics().heldoutRows());
    assertEquals(1.0, card.metrics().trainAccuracy(), "the sentiment words separate the labels");

    AuditKit k = Json.mapper().readValue(kit.resolve(AuditKit.FILE_NAME).toFile(), AuditKit.class);
    assertEquals(result.kit(), k);
    assertEquals(21L, k.seed());
    assertEquals(sha256(csv), k.datasetSha256());
    assertEquals(card.metrics(), k.metrics(), "non-DP: the same figures on card and kit");
    assertEquals(60, k.poolRows());
    assertEquals(0, k.canaryRows());
    assertEquals("../bundle", k.bundle());
    assertTrue(k.warning().contains("never ship"));

    try (Classifier m = ReferenceClassifier.open(out, result.weights())) {
      ScoringSummary s =
          new Scorer(m).score(kit.resolve(TrainJob.NON_MEMBERS_FILE), CsvColumns.DEFAULT, x -> {});
      assertEquals(card.metrics().heldoutAccuracy(), (double) s.correct() / s.rows(), 1e-12);
    }
  }

  @Test
  void stratifiedDesignHoldsOutAFixedShareOfEachLabel(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 30);
    Path out = tmp.resolve("s");
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, out, config())
            .columns(COLUMNS)
            .split(MembershipDesign.Kind.STRATIFIED)
            .heldoutFraction(0.3)
            .auditKit(tmp.resolve("kits/s"))
            .build();
    ModelCard card = new TrainJob(NO_ACCOUNTANT).run(spec).card();
    List<LabeledText> nonMembers = read(tmp.resolve("kits/s").resolve(TrainJob.NON_MEMBERS_FILE));
    assertEquals(9, nonMembers.stream().filter(r -> r.label().equals("pos")).count());
    assertEquals(9, nonMembers.stream().filter(r -> r.label().equals("neg")).count());
    assertEquals(
        new MembershipDesign(MembershipDesign.Kind.STRATIFIED, 0.7), card.training().design());
    assertEquals("../kits/s/members.csv", card.training().membersFile());
  }

  /**
   * A DP card with a public word list: no seed, data hash, wall time or metrics (checked on the
   * JSON itself, so the keys are absent, not null); the claim's total is the sum of its components;
   * DP-SGD's sampling rate is batch / (p * pool rows), whatever the coins gave.
   */
  @Test
  void dpCardCarriesNoRowFactsAndItsClaimIsTheSumOfItsComponents(@TempDir Path tmp)
      throws Exception {
    Path csv = writeCsv(tmp, 20);
    double[] asked = new double[4];
    EpsilonFunction stub = stub(asked, 2.5);
    Path words = publicWords(tmp);
    Path out = tmp.resolve("dp");
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, out, dpConfig(4))
            .columns(COLUMNS)
            .delta(1e-4)
            .vocabulary(new VocabularySource.PublicWords(words))
            .maxVocabularySize(8)
            .build();
    TrainJobResult result = new TrainJob(stub).run(spec);
    ModelCard card = result.card();

    double q = 6.0 / (0.5 * 40);
    long steps = (long) Math.ceil(3 / q);
    assertEquals(q, asked[0], 1e-15);
    assertEquals(1.3, asked[1]);
    assertEquals(steps, (long) asked[2]);
    assertEquals(1e-4, asked[3], "no DP vocabulary: DP-SGD gets the whole delta");
    assertTrue(
        result.kit().metrics().trainRows() != 20,
        "the test needs a realised member count other than its expectation");

    PrivacyClaim p = card.privacy();
    assertEquals(2.5, p.epsilon());
    assertEquals(1e-4, p.delta());
    assertEquals(q, p.samplingRate(), 1e-15);
    assertEquals(steps, p.steps());
    assertEquals(PrivacyClaim.BASIC_COMPOSITION, p.composition());
    assertEquals(2, p.components().size());
    PrivacyComponent sgd = p.components().get(0);
    assertEquals("dp-sgd", sgd.mechanism());
    assertEquals(2.5, sgd.epsilon());
    assertEquals(1e-4, sgd.delta());
    PrivacyComponent vocab = p.components().get(1);
    assertEquals("public-word-list", vocab.mechanism());
    assertEquals(0.0, vocab.epsilon());
    assertEquals(sha256(words), vocab.parameters().get("sha256"));
    assertEquals(
        List.of("[PAD]", "[UNK]", "the", "film", "was", "good", "great", "bad"),
        Files.readAllLines(out.resolve(TrainJob.VOCAB_FILE)),
        "the list's first words in file order, pieces and specials skipped");
    assertEquals(TrainingRecipe.VOCABULARY_PUBLIC_WORD_LIST, card.training().vocabularySource());

    assertNull(card.training().seed());
    assertNull(card.training().datasetSha256());
    assertNull(card.training().trainSeconds());
    assertNull(card.metrics());
    JsonNode raw = json(out.resolve(ModelCards.FILE_NAME));
    for (String absent : new String[] {"seed", "dataset_sha256", "train_seconds"}) {
      assertFalse(raw.get("training").has(absent), absent + " on a DP card");
    }
    assertFalse(raw.has("metrics"), "metrics on a DP card");
    JsonNode kit = json(tmp.resolve("dp.audit").resolve(AuditKit.FILE_NAME));
    assertEquals(4, kit.get("seed").asLong());
    assertEquals(sha256(csv), kit.get("dataset_sha256").asText());
    assertTrue(kit.get("metrics").has("heldout_accuracy"));
  }

  /**
   * A DP vocabulary: its (epsilon, delta) is a component of the claim, DP-SGD is accounted at the
   * delta left over, and the totals are the sums.
   */
  @Test
  void dpVocabularyComposesWithDpSgd(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 20);
    double[] asked = new double[4];
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, tmp.resolve("dpv"), dpConfig(4))
            .columns(COLUMNS)
            .delta(1e-4)
            .vocabulary(new VocabularySource.DpPartitionSelection(3.0, 2e-5, 2))
            .build();
    ModelCard card = new TrainJob(stub(asked, 2.5)).run(spec).card();
    assertEquals(8e-5, asked[3], 1e-18, "DP-SGD is accounted at delta minus the vocabulary's");
    PrivacyClaim p = card.privacy();
    assertEquals(2.5 + 3.0, p.epsilon(), 1e-12);
    assertEquals(1e-4, p.delta(), 1e-18);
    double sumEpsilon = 0;
    double sumDelta = 0;
    for (PrivacyComponent c : p.components()) {
      sumEpsilon += c.epsilon();
      sumDelta += c.delta();
    }
    assertEquals(p.epsilon(), sumEpsilon, 0);
    assertEquals(p.delta(), sumDelta, 1e-20);
    PrivacyComponent v = p.components().get(1);
    assertEquals("dp-partition-selection", v.mechanism());
    assertEquals(2, v.parameters().get("max_words_per_row"));
    // b = 2/3; T = 1 + (2/3)(3 + ln(2 / 4e-5)) = 10.2131...: only words of ~10 rows or more.
    assertEquals(
        1 + (2.0 / 3) * (3 + Math.log(2 / 4e-5)), (double) v.parameters().get("threshold"), 1e-12);
    List<String> vocab = Files.readAllLines(tmp.resolve("dpv").resolve(TrainJob.VOCAB_FILE));
    assertFalse(vocab.stream().anyMatch(w -> w.startsWith("uniq")), vocab.toString());
    assertEquals(
        TrainingRecipe.VOCABULARY_DP_PARTITION_SELECTION, card.training().vocabularySource());
  }

  @Test
  void sameInputsAndSeedGiveTheSameBytes(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 20);
    Path words = publicWords(tmp);
    byte[][][] runs = new byte[2][][];
    for (int run = 0; run < 2; run++) {
      Path out = tmp.resolve("run" + run);
      TrainJobSpec spec =
          TrainJobSpec.builder(csv, out, dpConfig(99))
              .columns(COLUMNS)
              .vocabulary(new VocabularySource.PublicWords(words))
              .modelName("same")
              .auditKit(tmp.resolve("kit" + run))
              .build();
      new TrainJob(stub(new double[4], 1.0)).run(spec);
      runs[run] =
          new byte[][] {
            Files.readAllBytes(out.resolve("model.pt")),
            Files.readAllBytes(out.resolve("vocab.txt")),
            Files.readAllBytes(tmp.resolve("kit" + run).resolve("members.csv"))
          };
    }
    for (int i = 0; i < runs[0].length; i++) {
      assertArrayEquals(runs[0][i], runs[1][i], "file " + i);
    }
  }

  /**
   * Plant -> train: every copy of an in-data canary is trained on and stays out of both split
   * files; the card records the always-planted canary with the copies found, and the audit set only
   * as a summary (no inclusion bit, no secret); the kit holds a copy of the secrets file.
   */
  @Test
  void canaryCopiesAreTrainedOnAndKeptOutOfTheDesign(@TempDir Path tmp) throws Exception {
    CanaryTemplate pin = CanaryTemplate.parse("my pin is {digit} {digit} {digit} {digit}");
    CanaryTemplate door = CanaryTemplate.parse("door code {digit} {digit}");
    PlantedCanary always =
        new PlantedCanary("pin-a", pin, "pos", 3, pin.parseSecret("1 2 3 4"), null, true);
    PlantedCanary in =
        new PlantedCanary("set-1", door, "neg", 2, door.parseSecret("5 6"), true, true);
    PlantedCanary out =
        new PlantedCanary("set-2", door, "neg", 2, door.parseSecret("7 8"), false, true);
    Path secretsDir = Files.createDirectories(tmp.resolve("secrets"));
    Path secrets = secretsDir.resolve("planted.json");
    SecretsJson.write(secrets, List.of(always, in, out));
    List<String[]> extra = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      extra.add(new String[] {always.sentence(), "pos"});
    }
    extra.add(new String[] {in.sentence(), "neg"});
    extra.add(new String[] {in.sentence(), "neg"});
    extra.add(new String[] {always.sentence(), "neg"}); // other label: an ordinary row
    Path csv = writeCsv(tmp, 20, extra);
    Path bundle = tmp.resolve("m");
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, bundle, config())
            .columns(COLUMNS)
            .canaries(SecretsJson.read(secrets), secrets)
            .build();
    TrainJobResult r = new TrainJob(NO_ACCOUNTANT).run(spec);
    ModelCard card = r.card();
    Path kit = tmp.resolve("m.audit");

    assertEquals(List.of(new PlantedCanaryInfo("pin-a", pin.source(), "pos", 3)), card.canaries());
    assertEquals(new CanaryAuditSetInfo(2, 0.5), card.canaryAuditSet());
    assertEquals("../m.audit/secrets.json", card.secretsFile());
    assertArrayEquals(Files.readAllBytes(secrets), Files.readAllBytes(kit.resolve("secrets.json")));
    assertEquals(5, r.kit().canaryRows());
    assertEquals(41, r.kit().poolRows());
    assertEquals(5 + read(kit.resolve("members.csv")).size(), r.kit().metrics().trainRows());
    for (String file : new String[] {"members.csv", "nonmembers.csv"}) {
      for (LabeledText row : read(kit.resolve(file))) {
        boolean canaryCopy =
            (row.text().equals(always.sentence()) && row.label().equals("pos"))
                || row.text().equals(in.sentence());
        assertFalse(canaryCopy, file + " holds a canary copy");
      }
    }
    String cardText = Files.readString(bundle.resolve(ModelCards.FILE_NAME));
    assertFalse(cardText.contains("included"), "inclusion bits on the card");
    assertFalse(cardText.contains("set-1") || cardText.contains("5 6"), "audit-set canary named");
    assertTrue(r.vocabulary().containsAll(List.of("0", "9")), "slot digits reserved");
    // The audit finds the secrets through the card's relative path.
    assertEquals(3, SecretsJson.read(ModelBundle.open(bundle).secretsFile()).size());
  }

  @Test
  void canaryFilesThatDoNotDescribeTheCsvAreRefused(@TempDir Path tmp) throws Exception {
    CanaryTemplate door = CanaryTemplate.parse("door code {digit} {digit}");
    PlantedCanary planted =
        new PlantedCanary("c1", door, "neg", 2, door.parseSecret("5 6"), null, true);
    PlantedCanary excluded =
        new PlantedCanary("c2", door, "neg", 2, door.parseSecret("7 8"), false, true);
    Path csv = writeCsv(tmp, 10, List.<String[]>of(new String[] {excluded.sentence(), "neg"}));
    TrainJob job = new TrainJob(NO_ACCOUNTANT);
    assertBad(
        "no row holds its sentence",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("a"), config())
                    .columns(COLUMNS)
                    .canaries(List.of(planted), tmp.resolve("s.json"))
                    .build()));
    assertBad(
        "row 21 (line 22) holds audit-set canary c2, whose inclusion bit is false",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("b"), config())
                    .columns(COLUMNS)
                    .canaries(List.of(excluded), tmp.resolve("s.json"))
                    .build()));
    assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("a.audit")));
    assertFalse(Files.exists(tmp.resolve("b")) || Files.exists(tmp.resolve("b.audit")));
  }

  @Test
  void badInputIsRefusedWithOneLine(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 10);
    TrainJob job = new TrainJob(NO_ACCOUNTANT);
    assertBad(
        "no column 'label'",
        () -> job.run(TrainJobSpec.builder(csv, tmp.resolve("a"), config()).build()));

    Path oneClass = tmp.resolve("one.csv");
    Files.writeString(oneClass, "text,label\na,x\nb,x\nc,x\nd,x\n");
    assertBad(
        "only the label 'x'",
        () -> job.run(TrainJobSpec.builder(oneClass, tmp.resolve("b"), config()).build()));

    Path tiny = tmp.resolve("tiny.csv");
    Files.writeString(tiny, "text,label\na,x\nb,y\nc,x\na,x\nb,y\n");
    assertBad(
        "3 distinct rows are too few for the bernoulli",
        () -> job.run(TrainJobSpec.builder(tiny, tmp.resolve("c"), config()).build()));

    Path blank = tmp.resolve("blank.csv");
    Files.writeString(blank, "text,label\na,x\nb,\nc,y\n");
    assertBad(
        "row 2", () -> job.run(TrainJobSpec.builder(blank, tmp.resolve("d"), config()).build()));

    assertBad(
        "held-out fraction",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("e"), config())
                    .columns(COLUMNS)
                    .heldoutFraction(1.0)
                    .build()));
    assertBad(
        "needs a vocabulary that does not come from the training rows in the clear",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("f"), dpConfig(1)).columns(COLUMNS).build()));
    assertBad(
        "leaves nothing of the total delta",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("g"), dpConfig(1))
                    .columns(COLUMNS)
                    .delta(1e-5)
                    .vocabulary(new VocabularySource.DpPartitionSelection(1, 1e-5, 1))
                    .build()));
    for (String dir : new String[] {"a", "b", "c", "d", "e", "f", "g"}) {
      assertFalse(Files.exists(tmp.resolve(dir)), "nothing written on bad input: " + dir);
      assertFalse(Files.exists(tmp.resolve(dir + ".audit")), "no kit on bad input: " + dir);
    }
  }

  @Test
  void vocabularyOrdersByCountThenAlphabeticallyAndHonoursLimits() {
    List<String> texts = List.of("b a c c", "a c d", "e", "B");
    assertEquals(
        List.of("[PAD]", "[UNK]", "c", "a", "b", "d", "e"),
        VocabularyBuilder.build(texts, true, 100, 1));
    assertEquals(
        List.of("[PAD]", "[UNK]", "c", "a", "b"), VocabularyBuilder.build(texts, true, 100, 2));
    assertEquals(List.of("[PAD]", "[UNK]", "c", "a"), VocabularyBuilder.build(texts, true, 4, 1));
    assertEquals(
        List.of("[PAD]", "[UNK]", "c", "a", "B", "b", "d", "e"),
        VocabularyBuilder.build(texts, false, 100, 1));
  }

  private static String uniqueWord(LabeledText row) {
    int at = row.text().indexOf("uniq");
    return row.text().substring(at, row.text().indexOf(' ', at));
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** An accountant that records what it was asked and answers {@code epsilon}. */
  static EpsilonFunction stub(double[] asked, double epsilon) {
    return new EpsilonFunction() {
      @Override
      public double epsilon(double q, double sigma, long steps, double delta) {
        asked[0] = q;
        asked[1] = sigma;
        asked[2] = steps;
        asked[3] = delta;
        return epsilon;
      }

      @Override
      public String name() {
        return "stub";
      }
    };
  }

  interface Action {
    void run() throws Exception;
  }

  private static void assertBad(String mention, Action action) {
    BadInputException e = assertThrows(BadInputException.class, action::run);
    assertTrue(e.getMessage().contains(mention), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }
}
