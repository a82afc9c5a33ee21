package dev.trustml.audit.shadow;

import dev.trustml.Versions;
import dev.trustml.error.BadInputException;
import dev.trustml.error.ExitCode;
import dev.trustml.error.Message;
import dev.trustml.error.Setting;
import dev.trustml.error.TrustmlException;
import dev.trustml.io.Hashing;
import dev.trustml.membership.ModelOutputs;
import dev.trustml.model.Classifier;
import dev.trustml.model.card.Architecture;
import dev.trustml.model.card.ModelCard;
import dev.trustml.model.tokenize.VocabTokenizer;
import dev.trustml.progress.Progress;
import dev.trustml.train.TrainingConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Obtains reference (shadow) models trained the way the target was, on the audit rows, each row IN
 * for exactly half of the models ({@link Assignment#HALF}), and scores every audit row with every
 * model. Models are trained with the target's recipe and vocabulary (its model card) or by the
 * user's own command; the jobs run on a {@link ReferenceExecutor} (threads of this JVM by default).
 *
 * <p>Models are cached on disk ({@link ShadowCache}) under a key that hashes everything that
 * determines their weights, so a second audit of the same data is fast, and audits running at once
 * share the work. Training is deterministic, so neither the executor nor the thread count ever
 * changes the numbers.
 */
public final class ShadowModels {
  /** Bumped when what a train command receives (its CSV) changes meaning. */
  private static final String COMMAND_KEY_VERSION = "trustml-train-command-v1";

  /** What to do instead when trustml's recipe cannot train reference models like the target. */
  private static final Message INSTEAD =
      Message.of(
          "; train them with ",
          Message.ref(Setting.TRAIN_COMMAND, "your own command"),
          ", or pass trained reference models with ",
          Message.ref(Setting.REFERENCES, "the audit request's references"));

  private ShadowModels() {}

  /**
   * Trains (or loads from the cache) {@code plan.count()} models.
   *
   * @param target the audited model: its card gives the recipe, its tokenizer the vocabulary
   * @param texts the audit rows' texts
   * @param labels their label indices
   */
  public static ReferenceSet train(
      Classifier target, String[] texts, int[] labels, ShadowPlan plan, Progress progress)
      throws TrustmlException {
    return train(target, texts, labels, null, null, plan, progress);
  }

  /**
   * As {@link #train(Classifier, String[], int[], ShadowPlan, Progress)}, also scoring population
   * rows (never trained on) with every model.
   *
   * @param populationTexts population rows' texts, or null
   * @param populationLabels their label indices, or null
   */
  public static ReferenceSet train(
      Classifier target,
      String[] texts,
      int[] labels,
      String[] populationTexts,
      int[] populationLabels,
      ShadowPlan plan,
      Progress progress)
      throws TrustmlException {
    ModelCard card = target.card();
    if (!Assignment.HALF.allows(plan.count())) {
      throw new BadInputException(
          Message.of(
              Message.ref(Setting.SHADOW_MODELS, "the number of reference models"),
              " must be an even number >= 2 (each row is IN for half); got ",
              plan.count()));
    }
    ReferenceRows audit = new ReferenceRows(texts, labels);
    ReferenceRows population =
        populationTexts == null ? null : new ReferenceRows(populationTexts, populationLabels);
    boolean[][] in = Assignment.HALF.assign(plan.count(), texts.length, plan.seed());
    ReferenceTrainer trainer;
    String[] keys = new String[plan.count()];
    if (plan.trainCommand() == null) {
      VocabTokenizer vocab = recipeVocabulary(target);
      trainer = RecipeTrainer.of(card, vocab.tokens());
      String dataKey = dataKey(target, texts, labels);
      for (int m = 0; m < plan.count(); m++) {
        keys[m] =
            recipeKey(card, RecipeTrainer.config(card, modelSeed(plan.seed(), m)), dataKey, in[m]);
      }
    } else {
      trainer = new CommandTrainer(plan.trainCommand());
      String poolKey = poolKey(card.labels(), texts, labels);
      for (int m = 0; m < plan.count(); m++) {
        keys[m] = commandKey(poolKey, plan.trainCommand(), modelSeed(plan.seed(), m), in[m]);
      }
    }
    ReferenceWork work = new ReferenceWork(card.labels(), audit, population, trainer);
    List<ReferenceJob> jobs = new ArrayList<>();
    for (int m = 0; m < plan.count(); m++) {
      String description =
          String.format(
              Locale.ROOT,
              "reference model %d of %d (seed %d) of %s, %s on %d of %d audit rows",
              m + 1,
              plan.count(),
              plan.seed(),
              card.name(),
              trainer.describe(),
              count(in[m]),
              texts.length);
      jobs.add(
          new ReferenceJob(
              m, plan.count(), modelSeed(plan.seed(), m), in[m], keys[m], description));
    }

    Path privateCache = null;
    ShadowCache cache;
    if (plan.cacheDir() == null) {
      try {
        privateCache = Files.createTempDirectory("trustml-shadows-");
        cache = new ShadowCache(privateCache, Files.createTempDirectory("trustml-reference-logs-"));
      } catch (IOException e) {
        throw new TrustmlException(
            ExitCode.INTERNAL, "cannot create a temporary reference-model cache: " + e, e);
      }
    } else {
      cache = new ShadowCache(plan.cacheDir());
    }
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
    ReferenceExecutor executor =
        plan.executor() != null ? plan.executor() : new LocalExecutor(plan.threads());
    try {
      List<ReferenceScores> scores = executor.run(work, jobs, cache, progress);
      int k = card.labels().size();
      List<ModelOutputs> outputs = new ArrayList<>();
      List<ModelOutputs> populationOutputs = new ArrayList<>();
      for (ReferenceScores s : scores) {
        outputs.add(ModelOutputs.of("reference model " + s.index(), k, labels, s.audit()));
        if (population != null) {
          populationOutputs.add(
              ModelOutputs.of(
                  "reference model " + s.index() + " (population)",
                  k,
                  populationLabels,
                  s.population()));
        }
      }
      return new ReferenceSet(
          outputs,
          in,
          populationOutputs,
          population == null ? null : new boolean[plan.count()][population.size()]);
    } finally {
      if (plan.executor() == null) {
        executor.close();
      }
      if (privateCache != null) {
        ShadowCache.deleteTree(privateCache);
      }
      progress.done();
    }
  }

  /** The seed of reference model {@code index} of an audit seeded with {@code seed}. */
  public static long modelSeed(long seed, int index) {
    return seed * 1_000_003L + index;
  }

  /** The target's vocabulary, which trustml's recipe needs (with the recipe on the card). */
  static VocabTokenizer recipeVocabulary(Classifier target) throws BadInputException {
    ModelCard card = target.card();
    if (card.training() == null || card.architecture() == null) {
      throw new BadInputException(
          Message.of(
              target.bundle().dir(),
              ": trustml's recipe trains reference models only for its own architecture ("
                  + Architecture.MEAN_POOL_MLP
                  + ") from the training recipe on the card, and this model "
                  + (card.architecture() == null
                      ? "is of another architecture (not trained by trustml)"
                      : "has no training recipe on its card"),
              INSTEAD));
    }
    if (!(target.tokenizer() instanceof VocabTokenizer vocab)) {
      throw new BadInputException(
          Message.of(
              target.bundle().dir(),
              ": trustml's recipe trains reference models on a vocabulary (vocab.txt) tokenizer"
                  + " only",
              INSTEAD));
    }
    return vocab;
  }

  /** Hashes everything that determines a recipe-trained reference model's weights. */
  private static String recipeKey(
      ModelCard card, TrainingConfig config, String dataKey, boolean[] in) {
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

  /**
   * Hashes what determines a command-trained model: the pool's content, the command, the model's
   * seed and IN rows. Not trustml's version: upgrading trustml must not throw away models that may
   * have taken hours on a GPU.
   */
  static String commandKey(String poolKey, TrainCommandTemplate command, long seed, boolean[] in) {
    return Hashing.sha256(
        String.join(
                "\u0000",
                COMMAND_KEY_VERSION,
                poolKey,
                command.template(),
                Long.toString(seed),
                Hashing.sha256(mask(in)))
            .getBytes(StandardCharsets.UTF_8));
  }

  /** SHA-256 of the rows' label names and texts, in order. */
  static String poolKey(List<String> labelNames, String[] texts, int[] labels) {
    MessageDigest md = sha256();
    for (int i = 0; i < texts.length; i++) {
      byte[] label = labelNames.get(labels[i]).getBytes(StandardCharsets.UTF_8);
      byte[] text = texts[i].getBytes(StandardCharsets.UTF_8);
      md.update(ByteBuffer.allocate(8).putInt(label.length).putInt(text.length).array());
      md.update(label);
      md.update(text);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static int count(boolean[] in) {
    int c = 0;
    for (boolean b : in) {
      c += b ? 1 : 0;
    }
    return c;
  }

  /** SHA-256 of the rows' token ids (the target's tokenizer) and labels, in order. */
  private static String dataKey(Classifier target, String[] texts, int[] labels) {
    MessageDigest md = sha256();
    ByteBuffer buf = ByteBuffer.allocate(8 * 1024);
    for (int i = 0; i < texts.length; i++) {
      long[] tokens = target.tokenizer().encode(texts[i], target.card().maxLength());
      if (buf.remaining() < 8 * (tokens.length + 2)) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      if (8 * (tokens.length + 2) > buf.capacity()) {
        buf = ByteBuffer.allocate(8 * (tokens.length + 2));
      }
      buf.putLong(labels[i]).putLong(tokens.length);
      for (long t : tokens) {
        buf.putLong(t);
      }
    }
    md.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
