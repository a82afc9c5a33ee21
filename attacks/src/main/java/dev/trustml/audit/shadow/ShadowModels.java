package dev.trustml.audit.shadow;

import dev.trustml.Versions;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.model.BundleWriter;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.card.PrivacyClaim;
import dev.trustml.model.card.TrainingRecipe;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.progress.Progress;
import dev.trustml.scoring.BatchLogits;
import dev.trustml.stats.Shuffle;
import dev.trustml.train.DpSgdEpochs;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.TokenizedExample;
import dev.trustml.train.Trainer;
import dev.trustml.train.TrainingConfig;
import dev.trustml.train.TrainingOutcome;
import dev.trustml.train.TrainingSet;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains reference (shadow) models the way the target was trained (the recipe on its model card,
 * its vocabulary), on the audit rows, each row IN for exactly half of the models (Carlini et al.
 * 2022, Sec. IV: "we train N shadow models on random samples... such that each example is in half
 * of them"), then scores every audit row with every model through libtorch.
 *
 * <p>Models are cached on disk ({@link ShadowCache}) under a key that hashes everything that
 * determines their weights (recipe, token ids and labels of the rows, IN mask, seed, trustml
 * version), so a second audit of the same data is fast, and audits running at once share the work.
 * Training runs on several threads; the trainer is thread-safe and deterministic, so the thread
 * count never changes the numbers.
 */
public final class ShadowModels {
  /** Loading a reference model that a concurrent clear deleted: rebuild it this many times. */
  private static final int MAX_LOAD_ATTEMPTS = 3;

  /** Where a caller gives trained reference models instead. */
  private static final Message.Ref REFERENCES =
      Message.ref(Setting.REFERENCES, "the audit request's references");

  /**
   * The outputs of the reference models on the audit rows, and which rows each trained on; and
   * their outputs on the population rows (which none trained on), empty without population rows.
   */
  public record Trained(
      List<ModelOutputs> outputs, boolean[][] in, List<ModelOutputs> populationOutputs) {}

  private ShadowModels() {}

  /**
   * Trains (or loads from the cache) {@code plan.count()} models.
   *
   * @param target the audited model: its card gives the recipe, its tokenizer the vocabulary
   * @param tokens the audit rows, tokenised with the target's tokenizer
   * @param labels their label indices
   */
  public static Trained train(
      Classifier target, long[][] tokens, int[] labels, ShadowPlan plan, Progress progress)
      throws TrustmlException {
    return train(target, tokens, labels, null, null, plan, progress);
  }

  /**
   * As {@link #train(Classifier, long[][], int[], ShadowPlan, Progress)}, also scoring population
   * rows (never trained on) with every model.
   *
   * @param populationTokens population rows tokenised with the target's tokenizer, or null
   * @param populationLabels their label indices, or null
   */
  public static Trained train(
      Classifier target,
      long[][] tokens,
      int[] labels,
      long[][] populationTokens,
      int[] populationLabels,
      ShadowPlan plan,
      Progress progress)
      throws TrustmlException {
    ModelCard card = target.card();
    TrainingRecipe recipe = card.training();
    if (recipe == null || card.architecture() == null) {
      throw new BadInputException(
          Message.of(
              target.bundle().dir(),
              ": trustml trains reference models only for its own architecture ("
                  + Architecture.MEAN_POOL_MLP
                  + ") from the training recipe on the card, and this model "
                  + (card.architecture() == null
                      ? "is of another architecture (not trained by trustml)"
                      : "has no training recipe on its card")
                  + "; audit it with the threshold attacks (loss, confidence, entropy), or give"
                  + " reference bundles trained like it (",
              REFERENCES,
              ")"));
    }
    if (!(target.tokenizer() instanceof VocabTokenizer vocab)) {
      throw new BadInputException(
          Message.of(
              target.bundle().dir(),
              ": reference-model training needs a vocabulary (vocab.txt) tokenizer; pass"
                  + " reference models with ",
              REFERENCES,
              " instead"));
    }
    if (plan.count() < 2 || plan.count() % 2 != 0) {
      throw new BadInputException(
          Message.of(
              Message.ref(Setting.SHADOW_MODELS, "the number of reference models"),
              " must be an even number >= 2 (each row is IN for half); got ",
              plan.count()));
    }
    int n = tokens.length;
    boolean[][] in = assignHalf(plan.count(), n, plan.seed());
    String dataKey = dataKey(tokens, labels);
    String[] keys = new String[plan.count()];
    for (int m = 0; m < plan.count(); m++) {
      keys[m] = key(card, config(card, seed(plan, m)), dataKey, in[m]);
    }
    Path privateCache = null;
    if (plan.cacheDir() == null) {
      try {
        privateCache = Files.createTempDirectory("trustml-shadows-");
      } catch (IOException e) {
        throw new TrustmlException(
            ExitCode.INTERNAL, "cannot create a temporary reference-model cache: " + e, e);
      }
    }
    ShadowCache cache = new ShadowCache(plan.cacheDir() != null ? plan.cacheDir() : privateCache);
    cache.removeStale();
    int cached = 0;
    for (String key : keys) {
      cached += cache.find(key) != null ? 1 : 0;
    }
    progress.start(
        cached == 0
            ? "reference models"
            : "reference models (" + cached + " of " + plan.count() + " cached)",
        plan.count());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, plan.threads()));
    try {
      List<Future<ModelOutputs[]>> futures = new ArrayList<>();
      for (int m = 0; m < plan.count(); m++) {
        final int index = m;
        futures.add(
            pool.submit(
                () -> {
                  ModelOutputs[] o =
                      trainAndScore(
                          cache,
                          keys[index],
                          target,
                          vocab,
                          tokens,
                          labels,
                          populationTokens,
                          populationLabels,
                          in[index],
                          index,
                          plan);
                  progress.advance(1);
                  return o;
                }));
      }
      List<ModelOutputs> outputs = new ArrayList<>();
      List<ModelOutputs> populationOutputs = new ArrayList<>();
      for (Future<ModelOutputs[]> f : futures) {
        ModelOutputs[] o = f.get();
        outputs.add(o[0]);
        if (o[1] != null) {
          populationOutputs.add(o[1]);
        }
      }
      return new Trained(outputs, in, populationOutputs);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TrustmlException te) {
        throw te;
      }
      if (e.getCause() instanceof IOException io) {
        throw new TrustmlException(
            ExitCode.INTERNAL,
            (plan.cacheDir() != null ? plan.cacheDir() : "a temporary directory")
                + ": cannot write the reference-model cache ("
                + io
                + "); free space or choose another cache directory",
            io);
      }
      throw new TrustmlException(
          ExitCode.INTERNAL, "training a reference model failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrustmlException(ExitCode.INTERNAL, "interrupted while training reference models");
    } finally {
      pool.shutdownNow();
      if (privateCache != null) {
        ShadowCache.deleteTree(privateCache);
      }
      progress.done();
    }
  }

  /** For each row, exactly count/2 models (chosen at random, seeded) train on it. */
  static boolean[][] assignHalf(int count, int n, long seed) {
    boolean[][] in = new boolean[count][n];
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5ad0_3a11_7c0dL);
    int[] order = new int[count];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < count; m++) {
        order[m] = m;
      }
      Shuffle.inPlace(order, rnd);
      for (int m = 0; m < count / 2; m++) {
        in[order[m]][i] = true;
      }
    }
    return in;
  }

  /**
   * The reference model's outputs on the audit rows and, when given, on the population rows (null
   * otherwise), from the cache or trained now. If a concurrent {@code cache clear} deletes the
   * entry between finding and loading it, it is built again.
   */
  private static ModelOutputs[] trainAndScore(
      ShadowCache cache,
      String key,
      Classifier target,
      VocabTokenizer vocab,
      long[][] tokens,
      int[] labels,
      long[][] populationTokens,
      int[] populationLabels,
      boolean[] in,
      int index,
      ShadowPlan plan)
      throws TrustmlException, IOException, InterruptedException {
    ModelCard card = target.card();
    String description =
        String.format(
            Locale.ROOT,
            "reference model %d of %d (seed %d) of %s, trained on %d of %d audit rows",
            index + 1,
            plan.count(),
            plan.seed(),
            card.name(),
            count(in),
            in.length);
    for (int attempt = 1; ; attempt++) {
      Path dir =
          cache
              .obtain(
                  key,
                  "reference-model",
                  description,
                  partial -> trainOne(target, vocab, tokens, labels, in, index, plan, partial))
              .dir();
      try (Classifier shadow = Classifiers.open(ModelBundle.open(dir), false)) {
        float[] logits = BatchLogits.of(shadow, tokens);
        ModelOutputs audit =
            ModelOutputs.of("reference model " + index, card.labels().size(), labels, logits);
        ModelOutputs population =
            populationTokens == null
                ? null
                : ModelOutputs.of(
                    "reference model " + index + " (population)",
                    card.labels().size(),
                    populationLabels,
                    BatchLogits.of(shadow, populationTokens));
        return new ModelOutputs[] {audit, population};
      } catch (TrustmlException e) {
        if (attempt >= MAX_LOAD_ATTEMPTS || cache.find(key) != null) {
          throw e; // The entry is intact: the failure is real.
        }
      }
    }
  }

  /** Trains reference model {@code index} and writes its bundle into {@code dir}. */
  private static void trainOne(
      Classifier target,
      VocabTokenizer vocab,
      long[][] tokens,
      int[] labels,
      boolean[] in,
      int index,
      ShadowPlan plan,
      Path dir)
      throws TrustmlException, IOException {
    ModelCard card = target.card();
    TrainingRecipe recipe = card.training();
    TrainingConfig config = config(card, seed(plan, index));
    List<TokenizedExample> examples = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (in[i]) {
        examples.add(new TokenizedExample(tokens[i], labels[i]));
      }
    }
    TrainingOutcome outcome =
        Trainer.train(
            new TrainingSet(card.architecture().vocabSize(), card.labels().size(), examples),
            config);
    ModelCard shadowCard =
        new ModelCard(
            card.schemaVersion(),
            "reference-" + index + "-of-" + card.name(),
            card.modelFile(),
            card.architecture(),
            card.labels(),
            card.maxLength(),
            card.paddingId(),
            card.tokenizer(),
            card.privacy(),
            recipe,
            List.of(),
            null,
            null);
    BundleWriter.write(dir, outcome.weights(), vocab.tokens(), shadowCard);
  }

  private static long seed(ShadowPlan plan, int index) {
    return plan.seed() * 1_000_003L + index;
  }

  /** Hashes everything that determines a reference model's weights. */
  private static String key(ModelCard card, TrainingConfig config, String dataKey, boolean[] in) {
    return Hashing.sha256(
        String.join(
                "|",
                Versions.TRUSTML,
                config.toString(),
                dataKey,
                Hashing.sha256(mask(in)),
                Integer.toString(card.maxLength()))
            .getBytes(StandardCharsets.UTF_8));
  }

  private static int count(boolean[] in) {
    int c = 0;
    for (boolean b : in) {
      c += b ? 1 : 0;
    }
    return c;
  }

  /** The target's recipe, with another seed. */
  static TrainingConfig config(ModelCard card, long seed) throws BadInputException {
    TrainingRecipe r = card.training();
    TrainingConfig.Builder b =
        TrainingConfig.builder()
            .embeddingDim(card.architecture().embeddingDim())
            .hiddenDim(card.architecture().hiddenDim())
            .optimizer(OptimizerKind.fromCardName(r.optimizer()))
            .learningRate(r.learningRate())
            .epochs(r.epochs())
            .batchSize(r.batchSize())
            .seed(seed);
    PrivacyClaim p = card.privacy();
    if (p != null && p.noiseMultiplier() != null && p.clippingNorm() != null) {
      b.dpSgd(new DpSgdEpochs(r.batchSize(), r.epochs(), p.noiseMultiplier(), p.clippingNorm()));
    }
    return b.build();
  }

  private static String dataKey(long[][] tokens, int[] labels) {
    ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
    java.security.MessageDigest md;
    try {
      md = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (int i = 0; i < tokens.length; i++) {
      if (buf.remaining() < 8 * (tokens[i].length + 2)) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      if (8 * (tokens[i].length + 2) > buf.capacity()) {
        buf = ByteBuffer.allocate(8 * (tokens[i].length + 2));
      }
      buf.putLong(labels[i]).putLong(tokens[i].length);
      for (long t : tokens[i]) {
        buf.putLong(t);
      }
    }
    md.update(buf.array(), 0, buf.position());
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  private static byte[] mask(boolean[] in) {
    byte[] b = new byte[(in.length + 7) / 8];
    for (int i = 0; i < in.length; i++) {
      if (in[i]) {
        b[i / 8] |= (byte) (1 << (i % 8));
      }
    }
    return b;
  }
}
