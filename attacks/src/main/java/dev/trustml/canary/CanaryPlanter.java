package dev.trustml.canary;

import dev.trustml.data.LabeledText;
import dev.trustml.stats.Shuffle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plants canaries in a training set so users can measure what their own pipeline memorises (Parikh
 * et al., ACL 2022, Sec. 3; Carlini et al. 2019, Sec. 5: insert a random secret k times).
 *
 * <p>Everything is drawn from one {@link SplittableRandom} seeded by the caller, in a fixed order:
 * first one secret per spec (in spec order), then the positions of all copies. The same rows, specs
 * and seed therefore give the same output. Secrets of different specs are redrawn if their
 * sentences would coincide, so each planted canary can be audited on its own.
 */
public final class CanaryPlanter {
  private static final int MAX_REDRAWS = 1000;

  private CanaryPlanter() {}

  /**
   * Returns {@code rows} with the canary copies inserted, and the planted canaries.
   *
   * @param rows the original training rows, in order (not modified)
   * @param specs what to plant
   * @param seed seed of every random choice
   */
  public static PlantingResult plant(List<LabeledText> rows, List<CanarySpec> specs, long seed) {
    PlantingSchedule schedule = schedule(rows.size(), specs, seed);
    List<LabeledText> out = new ArrayList<>(rows.size() + schedule.insertedRows());
    for (int i = 0; i < rows.size(); i++) {
      out.addAll(schedule.insertionsBefore(i));
      out.add(rows.get(i));
    }
    out.addAll(schedule.insertionsBefore(rows.size()));
    return new PlantingResult(out, schedule.canaries());
  }

  /**
   * Draws the secrets and the insertion points for a data set of {@code originalRows} rows without
   * holding the rows, for streaming writers.
   */
  public static PlantingSchedule schedule(long originalRows, List<CanarySpec> specs, long seed) {
    if (originalRows < 0) {
      throw new IllegalArgumentException("negative row count " + originalRows);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<PlantedCanary> canaries = drawSecrets(specs, random);
    return place(originalRows, canaries, random);
  }

  /**
   * Where the copies of the canaries that are {@link PlantedCanary#inData() in the data} go among
   * {@code originalRows} rows: uniformly random positions, copies shuffled so canaries interleave.
   */
  static PlantingSchedule place(
      long originalRows, List<PlantedCanary> canaries, SplittableRandom random) {
    List<LabeledText> copies = new ArrayList<>();
    for (PlantedCanary c : canaries) {
      if (!c.inData()) {
        continue;
      }
      LabeledText row = new LabeledText(c.sentence(), c.label());
      for (int k = 0; k < c.repetitions(); k++) {
        copies.add(row);
      }
    }
    int m = copies.size();
    long total = originalRows + m;
    long[] outputPositions = distinctSorted(total, m, random);
    // Which copy goes to which position: a seeded shuffle, so canaries interleave with each other.
    LabeledText[] placed = copies.toArray(new LabeledText[0]);
    Shuffle.inPlace(placed, random);
    // The k-th inserted row (0-based) at output position p precedes original row p - k.
    long[] before = new long[m];
    for (int k = 0; k < m; k++) {
      before[k] = outputPositions[k] - k;
    }
    return new PlantingSchedule(originalRows, canaries, before, placed);
  }

  private static List<PlantedCanary> drawSecrets(List<CanarySpec> specs, SplittableRandom random) {
    Set<String> usedSentences = new HashSet<>();
    List<PlantedCanary> out = new ArrayList<>(specs.size());
    for (CanarySpec spec : specs) {
      Secret secret = spec.template().randomSecret(random);
      for (int tries = 0;
          tries < MAX_REDRAWS && usedSentences.contains(spec.template().render(secret));
          tries++) {
        secret = spec.template().randomSecret(random);
      }
      usedSentences.add(spec.template().render(secret));
      out.add(new PlantedCanary(spec.template(), spec.label(), spec.repetitions(), secret));
    }
    return out;
  }

  /** {@code m} distinct values from [0, n), uniformly, sorted (Floyd's algorithm). */
  static long[] distinctSorted(long n, int m, SplittableRandom random) {
    Set<Long> chosen = new HashSet<>(Math.max(16, 2 * m));
    for (long j = n - m; j < n; j++) {
      long t = random.nextLong(j + 1);
      chosen.add(chosen.contains(t) ? j : t);
    }
    long[] out = new long[m];
    int i = 0;
    for (long v : chosen) {
      out[i++] = v;
    }
    Arrays.sort(out);
    return out;
  }
}
