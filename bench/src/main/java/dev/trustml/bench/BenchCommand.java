package dev.trustml.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trustml.audit.CanaryAudit;
import dev.trustml.audit.CanaryAuditRequest;
import dev.trustml.audit.CanaryMethod;
import dev.trustml.audit.ModelCandidateScorer;
import dev.trustml.audit.ModivaSearch;
import dev.trustml.audit.shadow.ShadowModels;
import dev.trustml.audit.shadow.ShadowPlan;
import dev.trustml.canary.AuditSetPlanter;
import dev.trustml.canary.BeamSearch;
import dev.trustml.canary.CanaryExtractor;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.EnumerationSearch;
import dev.trustml.canary.ExtractionSettings;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.modiva.Modiva;
import dev.trustml.canary.modiva.ModivaConfig;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.io.AtomicFiles;
import dev.trustml.json.Json;
import dev.trustml.model.Classifier;
import dev.trustml.model.Classifiers;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.TokenBatch;
import dev.trustml.progress.Progress;
import dev.trustml.scoring.Scorer;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The speed figures {@code make bench} writes to {@code bench/results.json}, each measured in one
 * run as a ratio where a ratio fits. Not part of the release: this module runs on the release's
 * jars ({@code dist/target/trustml/lib}) with the launcher's JVM settings, so it measures what
 * users run.
 */
@Command(
    name = "trustml-bench",
    mixinStandardHelpOptions = true,
    description = "Measure trustml's speed (make bench).")
public final class BenchCommand implements Callable<Integer> {
  /** The groups of figures, in the order they are measured. */
  enum Section {
    LATENCY,
    START,
    SCORING,
    TRAINING,
    CANARY,
    SHADOWS
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "SECTION",
      description = "Measure only these sections: ${COMPLETION-CANDIDATES} (default: all).")
  Set<Section> only = EnumSet.allOf(Section.class);

  @Option(names = "--out", defaultValue = "bench/results.json")
  Path out;

  @Option(names = "--samples", defaultValue = "sample-models")
  Path samples;

  @Option(
      names = "--cli-help-seconds",
      description = "Wall time of './trustml --help' (measured by make).")
  Double cliHelpSeconds;

  @Option(
      names = "--help-seconds",
      description = "Wall time of the release's 'bin/trustml --help' (measured by make).")
  Double helpSeconds;

  @Option(
      names = "--help-seconds-without-cds",
      description = "The same with TRUSTML_CDS=off (no class-data-sharing archive).")
  Double helpSecondsWithoutCds;

  @Option(
      names = "--audit-seconds",
      description = "Wall time of a small 'bin/trustml audit membership' (measured by make).")
  Double auditSeconds;

  @Option(
      names = "--audit-seconds-without-cds",
      description = "The same with TRUSTML_CDS=off (no class-data-sharing archive).")
  Double auditSecondsWithoutCds;

  @Option(
      names = "--bert-bundle",
      paramLabel = "DIR",
      description =
          "A bundle made by model init from the BERT-shaped fixture (repeatable): its scoring"
              + " speed, audit path against raw forward.")
  List<Path> bertBundles = new ArrayList<>();

  private final List<String[]> table = new ArrayList<>();
  private ArrayNode figures;

  @Override
  public Integer call() throws Exception {
    PrintWriter w = spec.commandLine().getOut();
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode machine = root.putObject("machine");
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    root.put("measured_at", Instant.now().toString());
    figures = root.putArray("figures");

    if (only.contains(Section.LATENCY)) {
      firstBatch();
    }
    if (only.contains(Section.START)) {
      if (cliHelpSeconds != null) {
        figure("CLI start: ./trustml --help (repository launcher)", cliHelpSeconds, "s", null);
      }
      startTimes();
    }
    if (only.contains(Section.SCORING)) {
      scoring();
      for (Path bundle : bertBundles) {
        for (BertScoringBench.Figure f : BertScoringBench.measure(bundle, samples, 4)) {
          figure(f.name(), f.value(), f.unit(), f.goal());
        }
      }
    }
    if (only.contains(Section.TRAINING)) {
      training();
    }
    if (only.contains(Section.CANARY)) {
      canary();
    }
    if (only.contains(Section.SHADOWS)) {
      shadows();
    }
    AtomicFiles.write(out, Json.mapper().writeValueAsBytes(root));
    for (String[] row : table) {
      w.printf("%-62s %14s %s%n", row[0], row[1], row[2]);
    }
    w.println("wrote " + out);
    w.flush();
    return 0;
  }

  /** First batch: engine start, model load and one forward pass, in a fresh JVM. */
  private void firstBatch() throws Exception {
    long t0 = System.nanoTime();
    Path nodp = samples.resolve("sentiment/nodp");
    try (Classifier m = Classifiers.open(ModelBundle.open(nodp), false)) {
      m.logits(TokenBatch.of(new long[][] {{2, 3, 4}}));
    }
    figure(
        "first batch latency (engine + load + 1 batch, cold JVM)",
        (System.nanoTime() - t0) / 1e9,
        "s",
        null);
  }

  /**
   * Start times of the release launcher with and without its class-data-sharing archive, one run
   * each (make bench passes them): the archive maps trustml's classes, parsed and verified, into
   * the JVM instead of loading them from the jars.
   */
  private void startTimes() {
    if (helpSeconds != null && helpSecondsWithoutCds != null) {
      figure(
          "start: bin/trustml --help, with the CDS archive", helpSeconds, "s wall", "goal <= 0.3");
      figure("start: bin/trustml --help, without it", helpSecondsWithoutCds, "s wall", null);
      figure(
          "start: --help without / with the CDS archive",
          helpSecondsWithoutCds / helpSeconds,
          "ratio",
          null);
    }
    if (auditSeconds != null && auditSecondsWithoutCds != null) {
      String audit = "small audit membership (sentiment/eps8, loss attack, 20 resamples)";
      figure("start: " + audit + ", with the CDS archive", auditSeconds, "s wall", null);
      figure("start: " + audit + ", without it", auditSecondsWithoutCds, "s wall", null);
      figure(
          "start: small audit without / with the CDS archive",
          auditSecondsWithoutCds / auditSeconds,
          "ratio",
          null);
    }
  }

  /** Audit scoring (CSV read + tokenise + forward + softmax) vs a raw forward loop. */
  private void scoring() throws Exception {
    List<LabeledText> rows = new ArrayList<>();
    for (String f : new String[] {"spam/members.csv", "spam/nonmembers.csv"}) {
      try (LabeledCsvReader r = LabeledCsvReader.open(samples.resolve(f), CsvColumns.DEFAULT)) {
        rows.addAll(r.readAll());
      }
    }
    Path csv = Files.createTempFile("trustml-bench-", ".csv");
    int copies = 10;
    List<LabeledText> copied = new ArrayList<>();
    for (int c = 0; c < copies; c++) {
      copied.addAll(rows);
    }
    LabeledCsvWriter.write(csv, copied);
    try (Classifier m = Classifiers.open(ModelBundle.open(samples.resolve("spam/nodp")), false)) {
      List<long[][]> batches = new ArrayList<>();
      List<long[]> cur = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        for (LabeledText t : rows) {
          cur.add(m.tokenizer().encode(t.text(), m.card().maxLength()));
          if (cur.size() == Scorer.DEFAULT_BATCH_SIZE) {
            batches.add(cur.toArray(new long[0][]));
            cur.clear();
          }
        }
      }
      if (!cur.isEmpty()) {
        batches.add(cur.toArray(new long[0][]));
      }
      long n = (long) rows.size() * copies;
      double raw = 0;
      double audit = 0;
      // The audit path's parts on one thread, to explain the ratio: the read-ahead thread does
      // CSV + tokenise while the caller's thread runs the forward passes.
      double csvMicros = Double.POSITIVE_INFINITY;
      double tokeniseMicros = Double.POSITIVE_INFINITY;
      double rawWithTokeniser = 0;
      double callerCpuMicros = Double.POSITIVE_INFINITY;
      double otherCpuMicros = Double.POSITIVE_INFINITY;
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      for (int round = 0; round < 3; round++) { // the first round warms up; keep the best
        long s = System.nanoTime();
        for (long[][] batch : batches) {
          m.logits(TokenBatch.of(batch));
        }
        raw = Math.max(raw, n / ((System.nanoTime() - s) / 1e9));
        rawWithTokeniser = Math.max(rawWithTokeniser, rawWhileTokenising(m, batches, rows, n));
        long processCpu = os.getProcessCpuTime();
        long callerCpu = threads.getCurrentThreadCpuTime();
        s = System.nanoTime();
        new Scorer(m).score(csv, CsvColumns.DEFAULT, e -> {});
        audit = Math.max(audit, n / ((System.nanoTime() - s) / 1e9));
        double caller = (threads.getCurrentThreadCpuTime() - callerCpu) / 1e3 / n;
        callerCpuMicros = Math.min(callerCpuMicros, caller);
        otherCpuMicros =
            Math.min(otherCpuMicros, (os.getProcessCpuTime() - processCpu) / 1e3 / n - caller);
        s = System.nanoTime();
        try (LabeledCsvReader r = LabeledCsvReader.open(csv, CsvColumns.DEFAULT)) {
          while (r.next() != null) {
            // reading is the work measured
          }
        }
        csvMicros = Math.min(csvMicros, (System.nanoTime() - s) / 1e3 / n);
        long[] ids = new long[m.card().maxLength()];
        s = System.nanoTime();
        for (int c = 0; c < copies; c++) {
          for (LabeledText t : rows) {
            m.tokenizer().encodeInto(t.text(), ids.length, ids, 0);
          }
        }
        tokeniseMicros = Math.min(tokeniseMicros, (System.nanoTime() - s) / 1e3 / n);
      }
      figure("scoring: raw libtorch forward loop (pre-tokenised)", raw, "examples/s", null);
      figure("scoring: audit path (CSV + tokenise + forward + loss)", audit, "examples/s", null);
      figure("scoring: audit / raw forward", audit / raw, "ratio", "goal >= 0.9");
      figure("scoring: raw forward, per row", 1e6 / raw, "us/row", null);
      figure(
          "scoring: raw forward slowed by a tokenising thread beside it",
          raw / rawWithTokeniser,
          "ratio",
          "1.0 = a free second core; audit / raw stays near or below its inverse");
      figure(
          "scoring: audit path, CPU of the caller's thread (forward + loss)",
          callerCpuMicros,
          "us/row",
          null);
      figure(
          "scoring: audit path, CPU of the other threads (read-ahead, GC)",
          otherCpuMicros,
          "us/row",
          null);
      figure("scoring: CSV read alone, per row (read-ahead thread)", csvMicros, "us/row", null);
      figure(
          "scoring: tokenise alone, per row (read-ahead thread)", tokeniseMicros, "us/row", null);
    } finally {
      Files.deleteIfExists(csv);
    }
  }

  /**
   * The raw forward loop while another thread tokenises texts non-stop, as the audit's read-ahead
   * thread does: how much a second busy thread in this process slows the forward pass (on two free
   * cores, hardly at all; when other work holds a core, by up to 2x).
   */
  private static double rawWhileTokenising(
      Classifier m, List<long[][]> batches, List<LabeledText> rows, long n) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    Thread tokeniser =
        new Thread(
            () -> {
              long[] ids = new long[m.card().maxLength()];
              while (!stop.get()) {
                for (int i = 0; i < rows.size() && !stop.get(); i++) {
                  m.tokenizer().encodeInto(rows.get(i).text(), ids.length, ids, 0);
                }
              }
            });
    tokeniser.start();
    try {
      long s = System.nanoTime();
      for (long[][] batch : batches) {
        m.logits(TokenBatch.of(batch));
      }
      return n / ((System.nanoTime() - s) / 1e9);
    } finally {
      stop.set(true);
      tokeniser.join();
    }
  }

  private void training() throws Exception {
    List<TrainBench.Timing> t = TrainBench.measure(5, 2, 1, 5000, 5000);
    double sgd = find(t, "sgd non-private");
    double lazy = find(t, "sgd dp ghost lazy-noise");
    double eager = find(t, "sgd dp ghost eager-noise");
    double naive = find(t, "sgd dp naive lazy-noise");
    double adam = find(t, "adam non-private");
    double adamDp = find(t, "adam dp ghost eager-noise");
    figure("train epoch, SGD non-private (N=5000, V=5000, D=H=64, B=256)", sgd, "ms cpu", null);
    figure("train epoch, DP-SGD vectorised (ghost clipping, lazy noise)", lazy, "ms cpu", null);
    figure(
        "DP-SGD / non-private epoch (SGD, lazy noise)",
        lazy / sgd,
        "ratio",
        "goal <= 1.5, stretch 1.3");
    figure("DP-SGD / non-private epoch (SGD, eager noise)", eager / sgd, "ratio", null);
    figure("DP-Adam / Adam epoch (eager noise)", adamDp / adam, "ratio", null);
    figure("naive per-example / vectorised DP-SGD epoch", naive / lazy, "ratio", null);
  }

  private static double find(List<TrainBench.Timing> t, String mode) {
    return t.stream().filter(x -> x.mode().equals(mode)).findFirst().orElseThrow().cpuMsPerEpoch();
  }

  private void canary() throws Exception {
    try (Classifier m =
        Classifiers.open(ModelBundle.open(samples.resolve("sentiment/nodp")), true)) {
      ModelCandidateScorer scorer = new ModelCandidateScorer(m, m.card().labelIndex("positive"));
      CanaryTemplate four = CanaryTemplate.parse("my pin code is {digit} {digit} {digit} {digit}");
      CanaryTemplate six =
          CanaryTemplate.parse("my pin code is {digit} {digit} {digit} {digit} {digit} {digit}");
      ExtractionSettings top10 = ExtractionSettings.defaults();
      new EnumerationSearch(scorer).search(four, Optional.empty(), top10, Progress.NONE); // warm-up
      long s = System.nanoTime();
      var e = new EnumerationSearch(scorer).search(four, Optional.empty(), top10, Progress.NONE);
      figure("canary: 10^4 enumeration wall time", (System.nanoTime() - s) / 1e9, "s", null);
      figure(
          "canary: candidates scored per second (enumeration)",
          e.candidatesPerSecond(),
          "candidates/s",
          null);
      s = System.nanoTime();
      new BeamSearch(scorer).search(six, Optional.empty(), top10, Progress.NONE);
      figure(
          "canary: 10^6 space, beam search (width 100) wall time",
          (System.nanoTime() - s) / 1e9,
          "s",
          null);
      CanaryTemplate eight = CanaryTemplate.parse("my pin code is" + " {digit}".repeat(8));
      s = System.nanoTime();
      new CanaryExtractor(scorer, ExtractionSettings.defaults())
          .extract(eight, Optional.of(eight.secretAt(31_415_926)), Progress.NONE);
      figure(
          "canary: 10^8 space, beam search + 10,000 sampled candidates (rank bound) wall time",
          (System.nanoTime() - s) / 1e9,
          "s",
          "seconds");
      s = System.nanoTime();
      List<PlantedCanary> auditSet =
          AuditSetPlanter.plant(
                  List.of(),
                  1000,
                  List.of(CanaryTemplate.parse(AuditSetPlanter.DEFAULT_TEMPLATE)),
                  m.card().labels(),
                  0)
              .canaries();
      double plantSeconds = (System.nanoTime() - s) / 1e9;
      figure("canary: draw an audit set of 1,000 (in memory)", plantSeconds, "s", null);
      s = System.nanoTime();
      CanaryAudit.run(
          m,
          new CanaryAuditRequest(
              List.of(),
              CanaryMethod.AUTO,
              ExtractionSettings.defaults(),
              ModivaConfig.defaults(),
              null,
              false,
              0,
              auditSet,
              CanaryAuditRequest.DEFAULT_CONFIDENCE),
          Progress.NONE);
      figure(
          "canary: one-run audit of 1,000 canaries (score, calibrate, bound) wall time",
          (System.nanoTime() - s) / 1e9,
          "s",
          null);
      int label = m.card().labelIndex("positive");
      for (CanaryTemplate t : List.of(four, six)) {
        s = System.nanoTime();
        Modiva.run(m, CanaryAuditProblems.of(m, t, label), ModivaConfig.defaults(), Progress.NONE);
        figure(
            "canary: ModIvA " + t.slotCount() + " digits (8 restarts x 200 steps) wall time",
            (System.nanoTime() - s) / 1e9,
            "s",
            null);
      }
    }
  }

  private void shadows() throws Exception {
    Path bundle = samples.resolve("sentiment/nodp");
    try (Classifier m = Classifiers.open(ModelBundle.open(bundle), false)) {
      List<LabeledText> rows = new ArrayList<>();
      for (String f : new String[] {"sentiment/members.csv", "sentiment/nonmembers.csv"}) {
        try (LabeledCsvReader r = LabeledCsvReader.open(samples.resolve(f), CsvColumns.DEFAULT)) {
          rows.addAll(r.readAll());
        }
      }
      String[] texts = new String[rows.size()];
      int[] labels = new int[rows.size()];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = rows.get(i).text();
        labels[i] = m.card().labelIndex(rows.get(i).label());
      }
      int cores = Runtime.getRuntime().availableProcessors();
      long s = System.nanoTime();
      ShadowModels.train(m, texts, labels, new ShadowPlan(2, 1, null, 1), Progress.NONE);
      double two = (System.nanoTime() - s) / 1e9;
      s = System.nanoTime();
      ShadowModels.train(m, texts, labels, new ShadowPlan(16, 2, null, cores), Progress.NONE);
      double sixteen = (System.nanoTime() - s) / 1e9;
      figure("LiRA: 16 reference models trained + scored (sentiment)", sixteen, "s", null);
      figure(
          "LiRA: 16 reference models / one training run",
          sixteen / (two / 2),
          "ratio",
          "on " + cores + " cores");
    }
  }

  private void figure(String name, double value, String unit, String goal) {
    ObjectNode f = figures.addObject();
    f.put("name", name);
    f.put("value", value);
    f.put("unit", unit);
    if (goal != null) {
      f.put("goal", goal);
    }
    table.add(
        new String[] {
          name,
          String.format(Locale.ROOT, value >= 1000 ? "%,.0f" : "%.3f", value),
          unit + (goal == null ? "" : "  (" + goal + ")")
        });
  }

  /** The command line of the benchmark (sections in any case: {@code --only start,scoring}). */
  static CommandLine commandLine() {
    return new CommandLine(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Runs the benchmark; exits 0 when every figure was written. */
  public static void main(String[] args) {
    System.setProperty("ai.djl.offline", "true");
    System.exit(commandLine().execute(args));
  }

  /** Builds ModIvA problems the way the canary audit does. */
  static final class CanaryAuditProblems {
    private CanaryAuditProblems() {}

    static dev.trustml.canary.modiva.ModivaProblem of(Classifier m, CanaryTemplate t, int label)
        throws dev.trustml.error.BadInputException {
      return ModivaSearch.problem(m, t, label);
    }
  }
}
