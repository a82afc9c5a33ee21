package dev.trustml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.error.BadInputException;
import dev.trustml.model.TextClassifierWeights;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TrainerTest {
  /** 600 examples, 2 classes, 5 indicator words per class at 15% of positions among Zipf words. */
  static final TrainingSet ALL = SyntheticTokens.generate(600, 120, 2, 4, 16, 0.15, 11);

  static final TrainingSet TRAIN = new TrainingSet(120, 2, ALL.examples().subList(0, 400));
  static final List<TokenizedExample> TEST = ALL.examples().subList(400, 600);

  static TrainingConfig.Builder small() {
    return TrainingConfig.builder().embeddingDim(16).hiddenDim(16).batchSize(32).seed(3);
  }

  @Test
  void nonPrivateTrainingLearnsSeparableData() throws Exception {
    for (OptimizerKind opt : OptimizerKind.values()) {
      TrainingConfig config =
          small()
              .optimizer(opt)
              .learningRate(opt == OptimizerKind.SGD ? 0.5 : 0.01)
              .epochs(15)
              .build();
      TrainingOutcome out = Trainer.train(TRAIN, config);
      assertEquals(15L * 13, out.steps(), "ceil(400 / 32) steps per epoch");
      assertEquals(15L * 400, out.examplesProcessed());
      double train = Evaluation.accuracy(out.weights(), TRAIN.examples());
      double test = Evaluation.accuracy(out.weights(), TEST);
      assertTrue(train >= 0.97, opt + " train accuracy " + train);
      assertTrue(test >= 0.93, opt + " held-out accuracy " + test);
    }
  }

  @Test
  void dpSgdStillLearnsWithModerateNoise() throws Exception {
    TrainingConfig config =
        small().learningRate(1.0).dpSgd(new DpSgdEpochs(40, 15, 0.8, 1.0)).build();
    TrainingOutcome out = Trainer.train(TRAIN, config);
    assertEquals(0.1, out.dpSgd().samplingRate(), 1e-15);
    assertEquals(150, out.dpSgd().steps());
    double test = Evaluation.accuracy(out.weights(), TEST);
    assertTrue(test >= 0.85, "DP held-out accuracy " + test);
  }

  @Test
  void sameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() throws Exception {
    List<TrainingConfig> configs =
        List.of(
            small().epochs(2).build(),
            small().epochs(2).optimizer(OptimizerKind.ADAM).learningRate(0.01).build(),
            small().dpSgd(new DpSgdConfig(0.1, 1.0, 1.0, 12)).build(),
            small()
                .dpSgd(new DpSgdConfig(0.1, 1.0, 1.0, 12))
                .embeddingNoise(EmbeddingNoise.EAGER)
                .build(),
            small()
                .optimizer(OptimizerKind.ADAM)
                .learningRate(0.01)
                .dpSgd(new DpSgdConfig(0.1, 1.0, 1.0, 12))
                .build(),
            small()
                .dpSgd(new DpSgdConfig(0.1, 1.0, 1.0, 12))
                .clipping(ClippingMethod.NAIVE)
                .build());
    for (TrainingConfig c : configs) {
      TextClassifierWeights a = Trainer.train(TRAIN, c).weights();
      TextClassifierWeights b = Trainer.train(TRAIN, c).weights();
      assertBitIdentical(a, b);
      TrainingConfig other =
          new TrainingConfig(
              c.embeddingDim(),
              c.hiddenDim(),
              c.optimizer(),
              c.learningRate(),
              c.epochs(),
              c.batchSize(),
              c.seed() + 1,
              c.dpSgd(),
              c.clipping(),
              c.embeddingNoise());
      assertFalse(
          Arrays.equals(a.w1(), Trainer.train(TRAIN, other).weights().w1()), "seed matters");
    }
  }

  @Test
  void parallelTrainingGivesTheSameWeightsAsSequential() throws Exception {
    TrainingConfig p = small().dpSgd(new DpSgdConfig(0.1, 1.0, 1.0, 30)).build();
    TrainingConfig n = small().epochs(3).optimizer(OptimizerKind.ADAM).learningRate(0.01).build();
    TextClassifierWeights seqP = Trainer.train(TRAIN, p).weights();
    TextClassifierWeights seqN = Trainer.train(TRAIN, n).weights();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<TextClassifierWeights>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(pool.submit(() -> Trainer.train(TRAIN, p).weights()));
        futures.add(pool.submit(() -> Trainer.train(TRAIN, n).weights()));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertBitIdentical(i % 2 == 0 ? seqP : seqN, futures.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Ghost and naive clipping compute the same clipped sums (up to summation order) and draw the
   * same noise in the same order, so whole DP-SGD runs must end at the same weights up to rounding.
   */
  @Test
  void ghostAndNaiveDpSgdRunsAgree() throws Exception {
    for (OptimizerKind opt : OptimizerKind.values()) {
      TrainingConfig.Builder b =
          small()
              .optimizer(opt)
              .learningRate(opt == OptimizerKind.SGD ? 0.5 : 0.01)
              .dpSgd(new DpSgdConfig(0.08, 0.7, 0.5, 15));
      TextClassifierWeights ghost = Trainer.train(TRAIN, b.build()).weights();
      TextClassifierWeights naive =
          Trainer.train(TRAIN, b.clipping(ClippingMethod.NAIVE).build()).weights();
      assertClose(naive.embedding(), ghost.embedding(), opt + " embedding");
      assertClose(naive.w1(), ghost.w1(), opt + " w1");
      assertClose(naive.b2(), ghost.b2(), opt + " b2");
    }
  }

  @Test
  void outOfRangeHyperParametersAreRefusedNamingTheParameter() {
    assertBad("sampling rate", () -> small().dpSgd(new DpSgdConfig(0, 1, 1, 10)).build());
    assertBad("sampling rate", () -> small().dpSgd(new DpSgdConfig(1.5, 1, 1, 10)).build());
    assertBad("noise multiplier", () -> small().dpSgd(new DpSgdConfig(0.1, 0, 1, 10)).build());
    assertBad("clipping norm", () -> small().dpSgd(new DpSgdConfig(0.1, 1, -1, 10)).build());
    assertBad("DP-SGD steps", () -> small().dpSgd(new DpSgdConfig(0.1, 1, 1, 0)).build());
    assertBad("learning rate", () -> small().learningRate(0).build());
    assertBad("learning rate", () -> small().learningRate(Double.NaN).build());
    assertBad("epochs", () -> small().epochs(0).build());
    assertBad("batch size", () -> small().batchSize(0).build());
    assertBad("embedding dimension", () -> small().embeddingDim(0).build());
    assertBad(
        "lazy",
        () ->
            small()
                .optimizer(OptimizerKind.ADAM)
                .embeddingNoise(EmbeddingNoise.LAZY)
                .dpSgd(1.0, 1.0)
                .build());
    assertBad(
        "token id 7",
        () ->
            Trainer.train(
                new TrainingSet(5, 2, List.of(TrainTestData.example(0, 1, 7))), small().build()));
    assertBad(
        "label index 2",
        () ->
            Trainer.train(
                new TrainingSet(5, 2, List.of(TrainTestData.example(2, 1))), small().build()));
  }

  @Test
  void dpSgdEpochsResolvesToRateAndSteps() throws Exception {
    DpSgdConfig c = new DpSgdEpochs(256, 3, 1.1, 0.9).resolve(5000);
    assertEquals(256.0 / 5000, c.samplingRate(), 1e-15);
    assertEquals(59, c.steps(), "ceil(3 * 5000 / 256)");
    assertEquals(1.0, new DpSgdEpochs(256, 2, 1, 1).resolve(100).samplingRate());
    assertEquals(2, new DpSgdEpochs(256, 2, 1, 1).resolve(100).steps());
  }

  interface Action {
    void run() throws Exception;
  }

  private static void assertBad(String mention, Action action) {
    BadInputException e = assertThrows(BadInputException.class, action::run);
    assertTrue(e.getMessage().contains(mention), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line");
  }

  private static void assertBitIdentical(TextClassifierWeights a, TextClassifierWeights b) {
    assertArrayEquals(a.embedding(), b.embedding());
    assertArrayEquals(a.w1(), b.w1());
    assertArrayEquals(a.b1(), b.b1());
    assertArrayEquals(a.w2(), b.w2());
    assertArrayEquals(a.b2(), b.b2());
  }

  private static void assertClose(float[] want, float[] got, String name) {
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got[i], 1e-5 * Math.max(1, Math.abs(want[i])), name + "[" + i + "]");
    }
  }
}
