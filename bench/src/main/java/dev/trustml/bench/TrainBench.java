package dev.trustml.bench;

import dev.trustml.error.BadInputException;
import dev.trustml.train.ClippingMethod;
import dev.trustml.train.EmbeddingNoise;
import dev.trustml.train.OptimizerKind;
import dev.trustml.train.SyntheticTokens;
import dev.trustml.train.Trainer;
import dev.trustml.train.TrainingConfig;
import dev.trustml.train.TrainingOutcome;
import dev.trustml.train.TrainingSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures, in one JVM, the epoch time of non-private training, DP-SGD with ghost clipping (lazy
 * and eager embedding noise), naive per-example DP-SGD, and Adam with and without DP, on synthetic
 * data the size of trustml's sample models (V=5000, D=64, H=64, batch 256, length 32, 5000
 * examples, Zipf-distributed words). Prints median epoch times (CPU time of the training thread, so
 * that other processes on a shared machine distort the numbers less) and the ratios to non-private.
 *
 * <p>Usage: {@code TrainBench [rounds=5] [epochs=2] [naiveEpochs=1] [vocab=5000] [examples=5000]}
 */
public final class TrainBench {
  private TrainBench() {}

  /** A measured configuration. */
  private record Mode(String name, TrainingConfig config, boolean naive) {}

  /**
   * One mode's median epoch time.
   *
   * @param mode e.g. {@code sgd dp ghost lazy-noise}
   * @param cpuMsPerEpoch CPU time of the training thread per epoch (robust to a busy machine)
   * @param wallMsPerEpoch wall time per epoch
   */
  public record Timing(String mode, double cpuMsPerEpoch, double wallMsPerEpoch) {}

  /** Measures every mode in one run (as {@link #main} prints it). */
  public static List<Timing> measure(
      int rounds, int epochs, int naiveEpochs, int vocab, int examples) throws BadInputException {
    List<Timing> out = new ArrayList<>();
    run(rounds, epochs, naiveEpochs, vocab, examples, out);
    return out;
  }

  public static void main(String[] args) throws BadInputException {
    Map<String, Integer> opts = new LinkedHashMap<>();
    opts.put("rounds", 5);
    opts.put("epochs", 2);
    opts.put("naiveEpochs", 1);
    opts.put("vocab", 5000);
    opts.put("examples", 5000);
    for (String a : args) {
      String[] kv = a.split("=", 2);
      if (kv.length != 2 || !opts.containsKey(kv[0])) {
        throw new IllegalArgumentException("unknown argument " + a + "; known: " + opts.keySet());
      }
      opts.put(kv[0], Integer.parseInt(kv[1]));
    }
    run(
        opts.get("rounds"),
        opts.get("epochs"),
        opts.get("naiveEpochs"),
        opts.get("vocab"),
        opts.get("examples"),
        new ArrayList<>());
  }

  private static void run(
      int rounds, int epochs, int naiveEpochs, int vocab, int examples, List<Timing> out)
      throws BadInputException {
    Map<String, Integer> opts = new LinkedHashMap<>();
    opts.put("rounds", rounds);
    int batch = 256;
    TrainingSet data = SyntheticTokens.generate(examples, vocab, 2, 32, 32, 0.05, 1);
    double sigma = 1.0;
    double clip = 1.0;
    List<Mode> modes = new ArrayList<>();
    modes.add(new Mode("sgd non-private", base(batch, epochs).build(), false));
    modes.add(
        new Mode(
            "sgd dp ghost lazy-noise",
            base(batch, epochs).dpSgd(sigma, clip).embeddingNoise(EmbeddingNoise.LAZY).build(),
            false));
    modes.add(
        new Mode(
            "sgd dp ghost eager-noise",
            base(batch, epochs).dpSgd(sigma, clip).embeddingNoise(EmbeddingNoise.EAGER).build(),
            false));
    modes.add(
        new Mode(
            "adam non-private",
            base(batch, epochs).optimizer(OptimizerKind.ADAM).learningRate(0.01).build(),
            false));
    modes.add(
        new Mode(
            "adam dp ghost eager-noise",
            base(batch, epochs)
                .optimizer(OptimizerKind.ADAM)
                .learningRate(0.01)
                .dpSgd(sigma, clip)
                .build(),
            false));
    Mode naive =
        new Mode(
            "sgd dp naive lazy-noise",
            base(batch, naiveEpochs).dpSgd(sigma, clip).clipping(ClippingMethod.NAIVE).build(),
            true);

    System.out.printf(
        Locale.ROOT,
        "data: N=%d V=%d D=64 H=64 K=2 length=32 batch=%d; %d rounds x %d epochs (median)%n",
        data.size(),
        data.vocabSize(),
        batch,
        opts.get("rounds"),
        epochs);
    // Warm-up: let the JIT compile every path before anything is timed.
    for (Mode m : modes) {
      Trainer.train(data, m.config());
    }
    Map<String, double[]> times = new LinkedHashMap<>();
    Map<String, double[]> wall = new LinkedHashMap<>();
    for (Mode m : modes) {
      times.put(m.name(), new double[opts.get("rounds")]);
      wall.put(m.name(), new double[opts.get("rounds")]);
    }
    for (int r = 0; r < opts.get("rounds"); r++) {
      for (Mode m : modes) {
        TrainingOutcome o = Trainer.train(data, m.config());
        times.get(m.name())[r] = o.cpuSeconds() / epochs;
        wall.get(m.name())[r] = o.seconds() / epochs;
      }
    }
    TrainingOutcome naiveOut = Trainer.train(data, naive.config());
    double naiveSeconds = naiveOut.cpuSeconds() / naiveEpochs;

    double sgd = median(times.get("sgd non-private"));
    double adam = median(times.get("adam non-private"));
    for (Map.Entry<String, double[]> e : times.entrySet()) {
      double t = median(e.getValue());
      out.add(new Timing(e.getKey(), 1000 * t, 1000 * median(wall.get(e.getKey()))));
      double ref = e.getKey().startsWith("adam") ? adam : sgd;
      System.out.printf(
          Locale.ROOT,
          "%-28s %8.1f ms/epoch cpu (%7.1f wall)  %6.2fx %s non-private%n",
          e.getKey(),
          1000 * t,
          1000 * median(wall.get(e.getKey())),
          t / ref,
          e.getKey().startsWith("adam") ? "adam" : "sgd");
    }
    out.add(new Timing(naive.name(), 1000 * naiveSeconds, 1000 * naiveOut.seconds() / naiveEpochs));
    System.out.printf(
        Locale.ROOT,
        "%-28s %8.1f ms/epoch cpu (%7.1f wall)  %6.2fx sgd non-private (%d epoch)%n",
        naive.name(),
        1000 * naiveSeconds,
        1000 * naiveOut.seconds() / naiveEpochs,
        naiveSeconds / sgd,
        naiveEpochs);
  }

  private static TrainingConfig.Builder base(int batch, int epochs) {
    return TrainingConfig.builder()
        .embeddingDim(64)
        .hiddenDim(64)
        .batchSize(batch)
        .epochs(epochs)
        .learningRate(0.5)
        .seed(7);
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
