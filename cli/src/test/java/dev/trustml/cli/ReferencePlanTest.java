package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.CsvTableReader;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.data.RowKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reference models trained outside the audit give the audit's own numbers. On 100 + 100 rows of the
 * sentiment sample with 4 reference models and seed 3:
 *
 * <ul>
 *   <li>{@code --shadow-models 4} (trustml trains them in this JVM),
 *   <li>{@code shadow plan} then the plan's {@code train-all.sh}, which calls {@code trustml train}
 *       on each plan CSV in separate JVMs, then {@code --reference PLAN},
 *   <li>{@code --train-command} with a script made from the plan's train command,
 *   <li>the plan with each trained model's exported outputs (outputs.csv) in place of its bundle,
 * </ul>
 *
 * <p>give the same JSON numbers for every attack (LiRA and RMIA included). Then the plan's results
 * are damaged: missing, extra and mismatched models are each reported on one line naming the model,
 * exit 3.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferencePlanTest {
  private static final int ROWS = 100;
  private static final String MODELS = "4";
  private static final String SEED = "3";

  @TempDir static Path tmp;

  private Path members;
  private Path nonMembers;
  private Path plan;
  private JsonNode inProcess;

  /** A copy of the plan with its models trained by the plan's train-all.sh. */
  private Path trained;

  @BeforeAll
  void planTrainAndAuditInProcess() throws Exception {
    List<String> m = lines("sentiment/members.csv");
    List<String> n = lines("sentiment/nonmembers.csv");
    members = write("members.csv", m.subList(0, ROWS + 1));
    nonMembers = write("non-members.csv", n.subList(0, ROWS + 1));
    List<String> pool = new ArrayList<>(m.subList(0, ROWS + 1));
    pool.addAll(n.subList(1, ROWS + 1));
    Path poolCsv = write("pool.csv", pool);

    plan = tmp.resolve("plan");
    Cli.Result p =
        Cli.run(
            "shadow",
            "plan",
            "--model",
            model().toString(),
            "--data",
            poolCsv.toString(),
            "--models",
            MODELS,
            "--seed",
            SEED,
            "--out",
            plan.toString());
    assertEquals(0, p.exit(), p.err());
    assertTrue(Files.isRegularFile(plan.resolve("plan.json")), p.out());

    Path json = tmp.resolve("in-process.json");
    Cli.Result r = audit(json, "--shadow-models", MODELS, "--cache-dir", dir("cache-1"));
    assertEquals(0, r.exit(), r.err());
    inProcess = numbers(json);

    trained = copy(plan, tmp.resolve("trained-plan"));
    // The plan's script: trustml train on each plan CSV, each in its own JVM.
    ProcessBuilder pb =
        new ProcessBuilder("sh", trained.resolve("train-all.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("train-all.log").toFile());
    pb.environment().put("TRUSTML", trustmlWrapper().toString());
    Process t = pb.start();
    assertTrue(t.waitFor(10, TimeUnit.MINUTES), "train-all.sh did not finish");
    assertEquals(0, t.exitValue(), Files.readString(tmp.resolve("train-all.log")));
  }

  @Test
  void modelsTrainedFromThePlanGiveTheInProcessNumbers() throws Exception {
    Path json = tmp.resolve("plan.json");
    Cli.Result r = audit(json, "--reference", trained.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode fromPlan = numbers(json);
    assertEquals(inProcess, fromPlan, "plan -> trustml train -> --reference PLAN");
    // The plan (its IN masks and seeds) is named in the provenance with its hash and pool size.
    JsonNode planRef = null;
    for (JsonNode d : new ObjectMapper().readTree(json.toFile()).at("/provenance/data")) {
      if (d.path("role").asText().equals("reference plan")) {
        planRef = d;
      }
    }
    assertTrue(planRef != null, "no reference plan in the provenance");
    assertEquals(trained.resolve("plan.json").toString(), planRef.get("path").asText());
    assertEquals(2 * ROWS, planRef.get("rows").asInt());
    assertEquals(64, planRef.get("sha256").asText().length());
    assertTrue(fromPlan.toString().contains("lira-online"), fromPlan.toString());
    assertTrue(fromPlan.toString().contains("rmia"), fromPlan.toString());

    // The same models, damaged: one line per model, each naming it.
    Path damaged = copy(trained, tmp.resolve("damaged-plan"));
    Path models = damaged.resolve("models");
    deleteTree(models.resolve("ref-001"));
    Files.move(models.resolve("ref-002"), models.resolve("ref-009"));
    copy(models.resolve("ref-003"), models.resolve("ref-002"));
    Cli.Result bad = audit(tmp.resolve("bad.json"), "--reference", damaged.toString());
    assertEquals(3, bad.exit(), bad.err());
    List<String> lines = bad.errLines();
    assertTrue(lines.get(0).contains("problems with the plan's 4 reference models"), bad.err());
    assertTrue(line(lines, "ref-001: missing: nothing at"), bad.err());
    assertTrue(line(lines, "ref-002: mismatched: its card says it was trained on"), bad.err());
    assertTrue(line(lines, "ref-002: mismatched: the rows it trained on"), bad.err());
    assertTrue(line(lines, "ref-009: extra:"), bad.err());
    assertEquals(5, lines.size(), bad.err());
    assertTrue(!Files.exists(tmp.resolve("bad.json")), "nothing written by a failed audit");
  }

  /**
   * The trained models' outputs, exported by {@code --export-outputs}, stand in for their bundles:
   * model 0's outputs.csv carries its planned IN rows as a member column (checked against the
   * plan), model 1's has its logit columns in the other order, and the audit gives the numbers of
   * the bundles.
   */
  @Test
  void outputsOfThePlansModelsGiveTheBundlesNumbers() throws Exception {
    Path outputsPlan = copy(plan, tmp.resolve("outputs-plan"));
    int models = Integer.parseInt(MODELS);
    for (int k = 0; k < models; k++) {
      String id = String.format(Locale.ROOT, "ref-%03d", k);
      Path export = tmp.resolve("export-" + id);
      Cli.Result e =
          Cli.run(
              "audit",
              "membership",
              "--quiet",
              "--model",
              trained.resolve("models").resolve(id).toString(),
              "--members",
              members.toString(),
              "--non-members",
              nonMembers.toString(),
              "--bootstrap",
              "10",
              "--fpr",
              "0.1",
              "--export-outputs",
              export.toString());
      assertEquals(0, e.exit(), e.err());
      Path result = Files.createDirectories(outputsPlan.resolve("models").resolve(id));
      writeOutputs(
          export.resolve("target.csv"),
          k == 0 ? outputsPlan.resolve("train").resolve(id + ".csv") : null,
          k == 1,
          result.resolve("outputs.csv"));
    }
    assertTrue(Files.readString(outputsPlan.resolve("models/ref-000/outputs.csv")).contains(",1,"));

    Path json = tmp.resolve("outputs-plan.json");
    Cli.Result r = audit(json, "--reference", outputsPlan.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode fromOutputs = numbers(json);
    assertEquals(
        inProcess, fromOutputs, "plan -> trustml train -> outputs.csv -> --reference PLAN");
    assertTrue(fromOutputs.toString().contains("lira-online"), fromOutputs.toString());
    assertTrue(fromOutputs.toString().contains("rmia"), fromOutputs.toString());
  }

  /**
   * A plan result's outputs.csv from an exported target.csv: text, label, the logits (reversed: in
   * the other column order), and member 1 for the rows of {@code trainCsv} when given.
   */
  private static void writeOutputs(Path exported, Path trainCsv, boolean reversed, Path out)
      throws Exception {
    Map<Long, Integer> inRows = new HashMap<>();
    if (trainCsv != null) {
      try (LabeledCsvReader in = LabeledCsvReader.open(trainCsv, CsvColumns.DEFAULT)) {
        for (LabeledText t; (t = in.next()) != null; ) {
          inRows.merge(RowKey.of(t.text(), t.label()), 1, Integer::sum);
        }
      }
    }
    try (CsvTableReader in = CsvTableReader.open(exported);
        CSVPrinter w =
            new CSVPrinter(
                Files.newBufferedWriter(out, StandardCharsets.UTF_8), LabeledCsvWriter.FORMAT)) {
      List<String> logits = new ArrayList<>();
      for (String c : in.header()) {
        if (c.startsWith("logit:")) {
          logits.add(c);
        }
      }
      if (reversed) {
        Collections.reverse(logits);
      }
      List<String> header = new ArrayList<>(List.of("text", "label"));
      if (trainCsv != null) {
        header.add("member");
      }
      header.addAll(logits);
      w.printRecord(header);
      for (CsvTableReader.Row row; (row = in.next()) != null; ) {
        String text = row.get(in.column("text"));
        String label = row.get(in.column("label"));
        List<String> record = new ArrayList<>(List.of(text, label));
        if (trainCsv != null) {
          Integer left = inRows.get(RowKey.of(text, label));
          record.add(left != null && left > 0 ? "1" : "0");
          inRows.computeIfPresent(RowKey.of(text, label), (key, n) -> n - 1);
        }
        for (String c : logits) {
          record.add(row.get(in.column(c)));
        }
        w.printRecord(record);
      }
    }
  }

  @Test
  void aTrainCommandGivesTheInProcessNumbers() throws Exception {
    String template =
        new ObjectMapper()
            .readTree(plan.resolve("plan.json").toFile())
            .get("train_command")
            .asText();
    assertTrue(template.startsWith("trustml train --data {train_csv} --out {out_dir} "), template);
    // The user's script: trains one model from (CSV, output directory, seed).
    Path script = tmp.resolve("train-reference.sh");
    Files.writeString(
        script,
        "#!/bin/sh\nexec "
            + template
                .replace("trustml ", trustmlWrapper() + " ")
                .replace("{train_csv}", "\"$1\"")
                .replace("{out_dir}", "\"$2\"")
                .replace("{seed}", "\"$3\"")
            + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path cache = Path.of(dir("cache-2"));
    Path json = tmp.resolve("command.json");
    Cli.Result r =
        audit(
            json,
            "--shadow-models",
            MODELS,
            "--cache-dir",
            cache.toString(),
            "--train-command",
            script + " {train_csv} {out_dir} {seed}");
    assertEquals(0, r.exit(), r.err());
    assertEquals(inProcess, numbers(json), "--train-command with trustml train");
    try (Stream<Path> s = Files.list(cache)) {
      List<Path> entries =
          s.filter(e -> e.getFileName().toString().matches("[0-9a-f]{64}")).toList();
      assertEquals(4, entries.size(), "one cache entry per model");
      for (Path e : entries) {
        assertTrue(Files.readString(e.resolve("train.log")).contains("# command: "), e.toString());
      }
    }
  }

  private Cli.Result audit(Path json, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "audit",
                "membership",
                "--quiet",
                "--model",
                model().toString(),
                "--members",
                members.toString(),
                "--non-members",
                nonMembers.toString(),
                "--fpr",
                "0.1,0.01",
                "--bootstrap",
                "50",
                "--seed",
                SEED,
                "--json",
                json.toString()));
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(new String[0]));
  }

  /** trustml in a JVM of its own (as the launcher runs it), for scripts. */
  private Path trustmlWrapper() throws IOException {
    Path wrapper = tmp.resolve("trustml.sh");
    if (!Files.exists(wrapper)) {
      Files.writeString(
          wrapper,
          "#!/bin/sh\nexec '"
              + Path.of(System.getProperty("java.home"), "bin", "java")
              + "' -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -cp '"
              + System.getProperty("java.class.path")
              + "' dev.trustml.cli.Trustml \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return wrapper;
  }

  private static boolean line(List<String> lines, String fragment) {
    return lines.stream().anyMatch(l -> l.strip().startsWith(fragment));
  }

  private static Path model() {
    return SampleModels.bundle("sentiment", "nodp");
  }

  private static List<String> lines(String name) throws IOException {
    // One CSV record per line in these files, so the first lines are the first rows.
    return Files.readAllLines(SampleModels.root().resolve(name), StandardCharsets.UTF_8);
  }

  private Path write(String name, List<String> lines) throws IOException {
    return Files.write(tmp.resolve(name), lines, StandardCharsets.UTF_8);
  }

  private String dir(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name)).toString();
  }

  private static JsonNode numbers(Path json) throws IOException {
    return new ObjectMapper().readTree(json.toFile()).get("attacks");
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
