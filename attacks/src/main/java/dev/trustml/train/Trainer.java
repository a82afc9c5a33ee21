package dev.trustml.train;

import dev.trustml.error.BadInputException;
import dev.trustml.model.TextClassifierWeights;
import dev.trustml.model.WeightInit;
import dev.trustml.stats.Shuffle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains trustml's text classifier (embedding, mean pooling, linear + ReLU, linear; cross-entropy
 * loss) on tokenised examples, non-privately or with DP-SGD. Deterministic: the same data and
 * config give bit-identical weights. Thread-safe: every call owns all of its state, so reference
 * models can be trained in parallel threads.
 */
public final class Trainer {
  private Trainer() {}

  /** Trains from seeded initial weights ({@link WeightInit}). */
  public static TrainingOutcome train(TrainingSet data, TrainingConfig config)
      throws BadInputException {
    return train(data, config, NoiseSource::gaussian);
  }

  /** Training with another noise source (tests); the source is built from the seeded stream. */
  static TrainingOutcome train(
      TrainingSet data,
      TrainingConfig config,
      java.util.function.Function<SplittableRandom, NoiseSource> noiseSource)
      throws BadInputException {
    config.validate();
    data.validate();
    int n = data.size();
    DpSgdConfig dp = config.isPrivate() ? config.dpSgd().resolve(data.expectedRows()) : null;
    // Independent streams: initial weights, batch order / sampling, noise.
    SplittableRandom root = new SplittableRandom(config.seed());
    TextClassifierWeights initial = initialWeights(data, config, root);
    SplittableRandom batchRandom = root.split();
    SplittableRandom noiseRandom = root.split();
    MlpParameters params = MlpParameters.from(initial);
    List<TokenizedExample> raw = data.examples();
    CompiledExample[] examples = new CompiledExample[n];
    for (int i = 0; i < n; i++) {
      examples[i] = CompiledExample.of(raw.get(i), config.embeddingDim());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long startCpu =
        threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    long start = System.nanoTime();
    TrainingLoop loop =
        dp == null
            ? new NonPrivateLoop(params, examples, config, batchRandom)
            : new DpSgdLoop(
                params,
                examples,
                raw,
                data.expectedRows(),
                config,
                dp,
                batchRandom,
                noiseSource.apply(noiseRandom));
    loop.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds =
        startCpu < 0 ? Double.NaN : (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
    checkFinite(params, loop.steps());
    return new TrainingOutcome(
        params.toWeights(), loop.steps(), dp, loop.examplesProcessed(), seconds, cpuSeconds);
  }

  /** The seeded initial weights of a run (the first draw of the seed's stream). */
  static TextClassifierWeights initialWeights(TrainingSet data, TrainingConfig config) {
    return initialWeights(data, config, new SplittableRandom(config.seed()));
  }

  private static TextClassifierWeights initialWeights(
      TrainingSet data, TrainingConfig config, SplittableRandom root) {
    return WeightInit.initial(
        data.vocabSize(),
        config.embeddingDim(),
        config.hiddenDim(),
        data.numClasses(),
        root.nextLong());
  }

  private static void checkFinite(MlpParameters params, long steps) throws BadInputException {
    for (double[] t : params.tensors()) {
      for (double x : t) {
        if (!Double.isFinite(x)) {
          throw new BadInputException(
              "training diverged (non-finite weights after "
                  + steps
                  + " steps); lower the learning rate");
        }
      }
    }
  }

  /** One training algorithm's loop over its steps. */
  interface TrainingLoop {
    void run();

    long steps();

    long examplesProcessed();
  }

  /** Applies the step's gradient to the dense (non-embedding) tensors. */
  static void updateDenseTensors(ParameterUpdate update, MlpParameters p, GradientSum g) {
    update.apply(1, p.w1, g.w1, 0, g.w1.length);
    update.apply(2, p.b1, g.b1, 0, g.b1.length);
    update.apply(3, p.w2, g.w2, 0, g.w2.length);
    update.apply(4, p.b2, g.b2, 0, g.b2.length);
  }

  /**
   * Applies the embedding gradient: to the touched rows only for SGD (all other rows have a zero
   * gradient, so SGD leaves them alone), to every row but padding otherwise (Adam moves rows with a
   * zero gradient through its moments, as PyTorch's dense Adam does).
   */
  static void updateEmbedding(
      ParameterUpdate update, OptimizerKind kind, MlpParameters p, GradientSum g) {
    int d = p.embeddingDim;
    if (kind == OptimizerKind.SGD) {
      for (int i = 0; i < g.touchedCount(); i++) {
        int off = g.touchedRow(i) * d;
        update.apply(ParameterUpdate.EMBEDDING, p.embedding, g.embedding, off, off + d);
      }
    } else {
      update.apply(ParameterUpdate.EMBEDDING, p.embedding, g.embedding, d, p.embedding.length);
    }
  }

  /** Non-private minibatch training: shuffle each epoch, mean loss gradient per batch. */
  static final class NonPrivateLoop implements TrainingLoop {
    private final MlpParameters params;
    private final CompiledExample[] examples;
    private final TrainingConfig config;
    private final SplittableRandom random;
    private long steps;
    private long processed;

    NonPrivateLoop(
        MlpParameters params,
        CompiledExample[] examples,
        TrainingConfig config,
        SplittableRandom random) {
      this.params = params;
      this.examples = examples;
      this.config = config;
      this.random = random;
    }

    @Override
    public void run() {
      int n = examples.length;
      int b = Math.min(config.batchSize(), n);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      int[] batch = new int[b];
      double[] coeff = new double[b];
      BatchPass pass = new BatchPass(params, b);
      GradientSum grad = new GradientSum(params);
      ParameterUpdate update =
          ParameterUpdate.create(config.optimizer(), config.learningRate(), params);
      for (int epoch = 0; epoch < config.epochs(); epoch++) {
        Shuffle.inPlace(order, random);
        for (int from = 0; from < n; from += b) {
          int size = Math.min(b, n - from);
          System.arraycopy(order, from, batch, 0, size);
          pass.run(examples, batch, size);
          java.util.Arrays.fill(coeff, 0, size, 1.0 / size);
          pass.accumulate(examples, batch, size, coeff, grad);
          update.beginStep();
          updateDenseTensors(update, params, grad);
          updateEmbedding(update, config.optimizer(), params, grad);
          grad.clear();
          steps++;
          processed += size;
        }
      }
    }

    @Override
    public long steps() {
      return steps;
    }

    @Override
    public long examplesProcessed() {
      return processed;
    }
  }
}
