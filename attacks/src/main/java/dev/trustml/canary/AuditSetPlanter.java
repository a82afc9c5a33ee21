package dev.trustml.canary;

import dev.trustml.data.LabeledText;
import dev.trustml.stats.Shuffle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plants the audit set of a one-run audit (Steinke, Nasr &amp; Jagielski, NeurIPS 2023): m canaries
 * with distinct random secrets and random labels, each put into the data (once) by its own fair
 * coin. The coins are what make the audit's bound rigorous, so they are independent of everything
 * else: each canary's secret, label and coin come from separate seeded streams.
 *
 * <p>Canary i uses template {@code i mod T} of the T templates; its secret is drawn uniformly
 * without replacement from that template's candidates (so secrets never repeat), its label
 * uniformly from the given labels. Same rows, templates, labels and seed, same output.
 */
public final class AuditSetPlanter {
  /** Ids are {@code audit-0001}, {@code audit-0002}, ... */
  public static final String ID_PREFIX = "audit-";

  /**
   * The default audit-set canary: six random words of the built-in list ({@code {common-word}},
   * 1,000 words, about 60 bits), so no two canaries share much and only memorisation can tie one to
   * its random label.
   */
  public static final String DEFAULT_TEMPLATE =
      "{common-word} {common-word} {common-word} {common-word} {common-word} {common-word}";

  private static final double INCLUSION_PROBABILITY = 0.5;

  private AuditSetPlanter() {}

  /**
   * Returns {@code rows} with the included canaries inserted at random positions, and every canary
   * of the audit set with its inclusion bit.
   *
   * @param rows the original training rows, in order (not modified)
   * @param size m, the audit set's size (&gt;= 1)
   * @param templates the templates, used in turn (distinct, at least one)
   * @param labels the labels a canary's label is drawn from (at least one)
   * @param seed seed of every random choice
   * @throws IllegalArgumentException if a template has fewer candidates than canaries to draw from
   *     it ({@link #capacityProblem} says which), or two templates render the same sentence
   */
  public static PlantingResult plant(
      List<LabeledText> rows,
      int size,
      List<CanaryTemplate> templates,
      List<String> labels,
      long seed) {
    PlantingSchedule schedule = schedule(rows.size(), size, templates, labels, seed);
    List<LabeledText> out = new ArrayList<>(rows.size() + schedule.insertedRows());
    for (int i = 0; i < rows.size(); i++) {
      out.addAll(schedule.insertionsBefore(i));
      out.add(rows.get(i));
    }
    out.addAll(schedule.insertionsBefore(rows.size()));
    return new PlantingResult(out, schedule.canaries());
  }

  /** As {@link #plant}, for a data set of {@code originalRows} rows streamed by the caller. */
  public static PlantingSchedule schedule(
      long originalRows, int size, List<CanaryTemplate> templates, List<String> labels, long seed) {
    if (size < 1 || templates.isEmpty() || labels.isEmpty() || originalRows < 0) {
      throw new IllegalArgumentException(
          "an audit set needs a size >= 1, templates and labels, got size "
              + size
              + ", "
              + templates.size()
              + " templates, "
              + labels.size()
              + " labels");
    }
    if (new HashSet<>(templates).size() != templates.size()) {
      throw new IllegalArgumentException("audit-set templates must be distinct");
    }
    capacityProblem(size, templates)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(p);
            });
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom secrets = root.split();
    SplittableRandom labelDraws = root.split();
    SplittableRandom coins = root.split();
    SplittableRandom placement = root.split();

    int count = templates.size();
    List<List<Secret>> drawn = new ArrayList<>(count);
    for (int t = 0; t < count; t++) {
      drawn.add(distinctSecrets(templates.get(t), countFor(t, size, count), secrets));
    }
    int width = Math.max(4, Integer.toString(size).length());
    List<PlantedCanary> canaries = new ArrayList<>(size);
    Map<String, String> sentences = new HashMap<>();
    for (int i = 0; i < size; i++) {
      CanaryTemplate template = templates.get(i % count);
      Secret secret = drawn.get(i % count).get(i / count);
      String sentence = template.render(secret);
      String earlier = sentences.putIfAbsent(sentence, template.source());
      if (earlier != null) {
        throw new IllegalArgumentException(
            "templates '"
                + earlier
                + "' and '"
                + template.source()
                + "' both render '"
                + sentence
                + "'; give templates that differ in their fixed text");
      }
      String label = labels.get(labelDraws.nextInt(labels.size()));
      boolean included = coins.nextDouble() < INCLUSION_PROBABILITY;
      String id = ID_PREFIX + String.format("%0" + width + "d", i + 1);
      canaries.add(new PlantedCanary(id, template, label, 1, secret, included, true));
    }
    return CanaryPlanter.place(originalRows, canaries, placement);
  }

  /**
   * Why {@code size} canaries cannot get distinct secrets from {@code templates} (one sentence
   * naming the template and its candidate count), if they cannot.
   */
  public static java.util.Optional<String> capacityProblem(
      int size, List<CanaryTemplate> templates) {
    for (int t = 0; t < templates.size(); t++) {
      int needed = countFor(t, size, templates.size());
      CanaryTemplate template = templates.get(t);
      if (template.spaceSize().compareTo(BigInteger.valueOf(needed)) < 0) {
        return java.util.Optional.of(
            String.format(
                "an audit set of %,d needs %,d distinct secrets from template '%s', which has only"
                    + " %s candidates",
                size, needed, template.source(), template.spaceSize()));
      }
    }
    return java.util.Optional.empty();
  }

  /** Canaries of template {@code t} when {@code size} canaries take {@code count} in turn. */
  private static int countFor(int t, int size, int count) {
    return size / count + (t < size % count ? 1 : 0);
  }

  /**
   * {@code n} distinct secrets of {@code template}, a uniformly random n-subset in random order:
   * Floyd's algorithm when |R| fits in a long, else rejection (collisions are then negligible).
   */
  private static List<Secret> distinctSecrets(
      CanaryTemplate template, int n, SplittableRandom random) {
    List<Secret> out = new ArrayList<>(n);
    if (template.spaceFitsInLong()) {
      for (long index : CanaryPlanter.distinctSorted(template.spaceSizeExact(), n, random)) {
        out.add(template.secretAt(index));
      }
      Shuffle.inPlace(out, random);
      return out;
    }
    Set<Secret> seen = new HashSet<>();
    while (out.size() < n) {
      Secret s = template.randomSecret(random);
      if (seen.add(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
