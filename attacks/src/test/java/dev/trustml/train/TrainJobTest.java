package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.model.LoadedModel;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.ModelCards;
import dev.trustml.model.card.PlantedCanaryInfo;
import dev.trustml.model.card.PrivacyClaim;
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

  /**
   * 60 unique rows: positive rows say "good"/"great", negative "bad"/"awful"; every row also has a
   * word of its own ("uniqNN") to show where the vocabulary comes from. Some texts need quoting.
   */
  static Path writeCsv(Path dir, int rowsPerLabel) throws Exception {
    StringBuilder sb = new StringBuilder("id,text,sentiment\n");
    for (int i = 0; i < 2 * rowsPerLabel; i++) {
      boolean pos = i % 2 == 0;
      String word = pos ? (i % 4 == 0 ? "good" : "great") : (i % 4 == 1 ? "bad" : "awful");
      String text = "the film was " + word + ", \"really\" uniq" + i + " food";
      sb.append(i)
          .append(",\"")
          .append(text.replace("\"", "\"\""))
          .append("\",")
          .append(pos ? "pos" : "neg")
          .append('\n');
    }
    Path csv = dir.resolve("reviews.csv");
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    return csv;
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

  @Test
  void writesTheExactSplitAndABundleThatLibtorchScoresAsTheCardSays(@TempDir Path tmp)
      throws Exception {
    Path csv = writeCsv(tmp, 30);
    Path out = tmp.resolve("bundle");
    CsvColumns columns = new CsvColumns("text", "sentiment");
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, out, config()).columns(columns).heldoutFraction(0.3).build();
    TrainJobResult result = new TrainJob(NO_ACCOUNTANT).run(spec);

    List<LabeledText> input;
    try (LabeledCsvReader r = LabeledCsvReader.open(csv, columns)) {
      input = r.readAll();
    }
    List<LabeledText> members = read(out.resolve(TrainJob.MEMBERS_FILE));
    List<LabeledText> nonMembers = read(out.resolve(TrainJob.NON_MEMBERS_FILE));
    // Union is the input, intersection empty (the texts are unique).
    List<LabeledText> union = new ArrayList<>(members);
    union.addAll(nonMembers);
    assertEquals(multiset(input), multiset(union));
    for (String key : multiset(members).keySet()) {
      assertFalse(multiset(nonMembers).containsKey(key), "in both parts: " + key);
    }
    // Stratified: round(0.3 * 30) = 9 held out per label.
    assertEquals(9, nonMembers.stream().filter(r -> r.label().equals("pos")).count());
    assertEquals(9, nonMembers.stream().filter(r -> r.label().equals("neg")).count());

    // The vocabulary comes from the training rows only.
    List<String> vocab = Files.readAllLines(out.resolve(TrainJob.VOCAB_FILE));
    assertEquals(List.of("[PAD]", "[UNK]"), vocab.subList(0, 2));
    assertEquals(result.vocabulary(), vocab);
    for (LabeledText m : members) {
      assertTrue(vocab.contains(uniqueWord(m)), "member word kept: " + uniqueWord(m));
    }
    for (LabeledText m : nonMembers) {
      assertFalse(vocab.contains(uniqueWord(m)), "held-out word leaked: " + uniqueWord(m));
    }
    // Words of every training row come first (count 42), then words of half of them, ...
    assertEquals(List.of("film", "food", "really", "the", "was"), vocab.subList(2, 7));

    ModelCard card = ModelCards.read(out);
    assertEquals(List.of("neg", "pos"), card.labels());
    assertNull(card.privacy());
    assertEquals("sgd", card.training().optimizer());
    assertEquals(30, card.training().epochs());
    assertEquals(30L * 6, card.training().steps(), "ceil(42 / 8) steps per epoch");
    assertEquals(21, card.training().seed());
    assertEquals("reviews.csv", card.training().dataset());
    assertEquals(sha256(csv), card.training().datasetSha256());
    assertEquals("sentiment", card.training().labelColumn());
    assertEquals(0.3, card.training().heldoutFraction());
    assertEquals(vocab.size(), card.training().vocabularySize());
    assertEquals(42, card.metrics().trainRows());
    assertEquals(18, card.metrics().heldoutRows());
    assertEquals(1.0, card.metrics().trainAccuracy(), "the sentiment words separate the labels");

    try (LoadedModel m = LoadedModel.load(ModelBundle.open(out), false)) {
      ScoringSummary s =
          new Scorer(m).score(out.resolve(TrainJob.NON_MEMBERS_FILE), CsvColumns.DEFAULT, x -> {});
      assertEquals(card.metrics().heldoutAccuracy(), (double) s.correct() / s.rows(), 1e-12);
    }
  }

  private static String uniqueWord(LabeledText row) {
    int at = row.text().indexOf("uniq");
    return row.text().substring(at, row.text().indexOf(' ', at));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void dpSgdJobRecordsThePrivacyClaimAndPlantedCanaries(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 20);
    double[] asked = new double[4];
    EpsilonFunction stub =
        new EpsilonFunction() {
          @Override
          public double epsilon(double q, double sigma, long steps, double delta) {
            asked[0] = q;
            asked[1] = sigma;
            asked[2] = steps;
            asked[3] = delta;
            return 2.5;
          }

          @Override
          public String name() {
            return "stub";
          }
        };
    List<LabeledText> planted =
        List.of(
            new LabeledText(1, 2, "my pin is 1 2 3 4", "pos"),
            new LabeledText(2, 3, "my pin is 1 2 3 4", "pos"));
    PlantedCanaryInfo info =
        new PlantedCanaryInfo("pin-1", "my pin is {digit} {digit} {digit} {digit}", "pos", 2);
    TrainingConfig dp =
        TrainingConfig.builder()
            .embeddingDim(8)
            .hiddenDim(8)
            .learningRate(0.5)
            .seed(4)
            .dpSgd(new DpSgdEpochs(6, 3, 1.3, 0.7))
            .build();
    TrainJobSpec spec =
        TrainJobSpec.builder(csv, tmp.resolve("dp"), dp)
            .columns(new CsvColumns("text", "sentiment"))
            .delta(1e-4)
            .canaries(planted, List.of(info), "secrets.csv")
            .build();
    ModelCard card = new TrainJob(stub).run(spec).card();

    int trainRows = 20 + 2; // half of 40 rows, plus the two planted copies
    assertEquals(trainRows, card.metrics().trainRows());
    double q = 6.0 / trainRows;
    long steps = (long) Math.ceil(3 / q);
    PrivacyClaim p = card.privacy();
    assertEquals(new PrivacyClaim("dp-sgd", 2.5, 1e-4, 1.3, q, steps, 0.7, "stub"), p);
    assertEquals(q, asked[0], 1e-15);
    assertEquals(1.3, asked[1]);
    assertEquals(steps, (long) asked[2]);
    assertEquals(1e-4, asked[3]);
    assertEquals(steps, card.training().steps());
    assertEquals(3, card.training().epochs());
    assertEquals(6, card.training().batchSize());
    assertEquals(List.of(info), card.canaries());
    assertEquals("secrets.csv", card.secretsFile());
    // Canary words are in the vocabulary (they were trained on) but not in members.csv.
    assertTrue(Files.readAllLines(tmp.resolve("dp").resolve(TrainJob.VOCAB_FILE)).contains("pin"));
    assertTrue(
        read(tmp.resolve("dp").resolve(TrainJob.MEMBERS_FILE)).stream()
            .noneMatch(r -> r.text().contains("pin")));
  }

  @Test
  void badInputIsRefusedWithOneLine(@TempDir Path tmp) throws Exception {
    Path csv = writeCsv(tmp, 10);
    TrainJob job = new TrainJob(NO_ACCOUNTANT);
    CsvColumns cols = new CsvColumns("text", "sentiment");
    assertBad(
        "no column 'label'",
        () -> job.run(TrainJobSpec.builder(csv, tmp.resolve("a"), config()).build()));

    Path oneClass = tmp.resolve("one.csv");
    Files.writeString(oneClass, "text,label\na,x\nb,x\nc,x\nd,x\n");
    assertBad(
        "only the label 'x'",
        () -> job.run(TrainJobSpec.builder(oneClass, tmp.resolve("b"), config()).build()));

    Path tiny = tmp.resolve("tiny.csv");
    Files.writeString(tiny, "text,label\na,x\nb,y\nc,x\n");
    assertBad(
        "at least 2",
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
                    .columns(cols)
                    .heldoutFraction(1.0)
                    .build()));
    assertBad(
        "label 'maybe'",
        () ->
            job.run(
                TrainJobSpec.builder(csv, tmp.resolve("f"), config())
                    .columns(cols)
                    .canaries(List.of(new LabeledText(1, 2, "x", "maybe")), List.of(), null)
                    .build()));
    assertFalse(Files.exists(tmp.resolve("f")), "nothing written on bad input");
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

  interface Action {
    void run() throws Exception;
  }

  private static void assertBad(String mention, Action action) {
    BadInputException e = assertThrows(BadInputException.class, action::run);
    assertTrue(e.getMessage().contains(mention), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }
}
