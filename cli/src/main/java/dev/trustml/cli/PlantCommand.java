package dev.trustml.cli;

import dev.trustml.audit.CanaryAuditRequest;
import dev.trustml.canary.AuditSetPlanter;
import dev.trustml.canary.CanaryPlanter;
import dev.trustml.canary.CanarySpec;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.error.BadInputException;
import dev.trustml.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code trustml canary plant}: insert canaries with random secrets into a training CSV, or an
 * audit set for a one-run audit.
 */
@Command(
    name = "plant",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Insert K copies of a canary with a random secret (seeded) at random rows of a training"
          + " CSV, and write the secret to a separate file. Train on the output, then run"
          + " 'trustml audit canary' with --secrets.",
      "With --audit-set M: draw M canaries with distinct random secrets and random labels, put"
          + " each into the CSV once with probability 1/2 (its own seeded coin), and write all M"
          + " with their inclusion bits to the secrets file, for the one-run audit.",
      "",
      "Examples:",
      "  ./trustml canary plant --data train.csv \\",
      "      --canary 'my pin code is {digit} {digit} {digit} {digit}' \\",
      "      --label positive --repeat 16 --out train-with-canaries.csv \\",
      "      --secrets-out secrets.json",
      "  ./trustml canary plant --data train.csv --audit-set 1000 \\",
      "      --out train-audit.csv --secrets-out secrets.json"
    })
final class PlantCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin CsvColumnOptions columns;

  @Option(names = "--data", paramLabel = "CSV", required = true, description = "Training CSV.")
  Path data;

  @Option(
      names = "--canary",
      paramLabel = "TEMPLATE",
      description =
          "Template with slots {digit}, {letter}, {common-word} or {word:FILE}; repeat the option"
              + " for several (audit-set canaries take them in turn; default with --audit-set: six"
              + " {common-word} slots).")
  List<String> templates = new ArrayList<>();

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description =
          "The canaries' label (with --audit-set: default a random label of the data per canary).")
  String label;

  @Option(
      names = "--repeat",
      paramLabel = "K",
      defaultValue = "1",
      description = "Copies to insert (default: ${DEFAULT-VALUE}; audit-set canaries: one).")
  int repeat;

  @Option(
      names = "--audit-set",
      paramLabel = "M",
      description = "Plant an audit set of M canaries, each included with probability 1/2.")
  Integer auditSet;

  @Option(names = "--out", paramLabel = "CSV", required = true, description = "Output CSV.")
  Path out;

  @Option(
      names = "--secrets-out",
      paramLabel = "FILE",
      required = true,
      description = "Where the secret goes (JSON); keep it apart from the data.")
  Path secretsOut;

  @Option(
      names = "--secrets-in",
      paramLabel = "FILE",
      description =
          "Secrets of canaries already planted in --data by an earlier 'canary plant': the new"
              + " secrets file lists them and the new ones, so that one file serves 'train"
              + " --canaries' and 'audit canary' (e.g. pins, then an audit set). May be the same"
              + " file as --secrets-out.")
  Path secretsIn;

  @Mixin SeedOption seed;

  @Override
  public Integer call() throws Exception {
    if (auditSet == null && (templates.isEmpty() || label == null)) {
      throw new UsageException(
          "--canary TEMPLATE and --label LABEL are required, unless you plant an audit set with"
              + " --audit-set M");
    }
    if (repeat < 1) {
      throw new UsageException("--repeat must be at least 1, got " + repeat);
    }
    if (auditSet != null) {
      if (repeat != 1) {
        throw new UsageException(
            "--repeat does not go with --audit-set: audit-set canaries are planted once each");
      }
      if (auditSet < CanaryAuditRequest.MIN_AUDIT_SET) {
        throw new UsageException(
            "--audit-set "
                + auditSet
                + " is too small; a one-run audit needs at least "
                + CanaryAuditRequest.MIN_AUDIT_SET
                + " canaries (hundreds for a useful bound, e.g. --audit-set 1000)");
      }
    }
    if (out.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize())) {
      throw new UsageException("--out must differ from --data; trustml never overwrites input");
    }
    if (out.toAbsolutePath().normalize().equals(secretsOut.toAbsolutePath().normalize())) {
      throw new UsageException("--secrets-out must differ from --out; keep the secret apart");
    }
    OutputPaths.requireFile(out);
    OutputPaths.requireFile(secretsOut);
    if (secretsIn != null && !Files.exists(secretsIn)) {
      throw new BadInputException(
          "--secrets-in "
              + secretsIn
              + " does not exist; give the secrets file the earlier 'canary plant' wrote");
    }
    List<PlantedCanary> earlier = secretsIn == null ? List.of() : SecretsJson.read(secretsIn);
    List<CanaryTemplate> parsed = new ArrayList<>();
    for (String t : templates.isEmpty() ? List.of(AuditSetPlanter.DEFAULT_TEMPLATE) : templates) {
      CanaryTemplate template = CanaryTemplate.parse(t, Path.of("").toAbsolutePath());
      if (parsed.contains(template)) {
        throw new UsageException("--canary '" + t + "' is given twice; give each template once");
      }
      parsed.add(template);
    }
    if (auditSet != null) {
      Optional<String> problem = AuditSetPlanter.capacityProblem(auditSet, parsed);
      if (problem.isPresent()) {
        throw new UsageException(
            "--audit-set: "
                + problem.get()
                + "; plant fewer canaries or use templates with more candidates");
      }
    }
    List<LabeledText> rows = new ArrayList<>();
    TreeSet<String> dataLabels = new TreeSet<>();
    try (LabeledCsvReader reader = LabeledCsvReader.open(data, columns.columns())) {
      for (LabeledText r; (r = reader.next()) != null; ) {
        rows.add(r);
        dataLabels.add(r.label());
      }
    }
    requireInData(earlier, rows);
    PrintWriter w = spec.commandLine().getOut();
    PlantingResult planted;
    if (auditSet != null) {
      List<String> labels = label != null ? List.of(label) : List.copyOf(dataLabels);
      planted = AuditSetPlanter.plant(rows, auditSet, parsed, labels, seed.value);
    } else {
      List<CanarySpec> specs = new ArrayList<>();
      for (CanaryTemplate t : parsed) {
        specs.add(new CanarySpec(t, label, repeat));
      }
      planted = CanaryPlanter.plant(rows, specs, seed.value);
    }
    List<PlantedCanary> all = withEarlier(earlier, planted.canaries());
    LabeledCsvWriter.write(out, columns.columns(), planted.rows());
    SecretsJson.write(secretsOut, all);
    if (auditSet != null) {
      long in = planted.canaries().stream().filter(PlantedCanary::inData).count();
      w.printf(
          "planted an audit set of %,d canaries among %,d rows: %,d included (each by its own"
              + " coin), %,d left out; %s; secrets and inclusion bits in %s%n",
          auditSet, rows.size(), in, auditSet - in, out, secretsOut);
    } else {
      for (PlantedCanary c : planted.canaries()) {
        w.printf(
            "planted %d copies of '%s' (label %s) among %,d rows: %s; secret in %s%n",
            c.repetitions(), c.template().source(), c.label(), rows.size(), out, secretsOut);
      }
    }
    w.flush();
    return 0;
  }

  /** Every earlier canary that is in the data has all its copies in {@code rows}. */
  private void requireInData(List<PlantedCanary> earlier, List<LabeledText> rows)
      throws BadInputException {
    Map<LabeledText, Integer> counts = new HashMap<>();
    for (LabeledText r : rows) {
      counts.merge(new LabeledText(r.text(), r.label()), 1, Integer::sum);
    }
    for (PlantedCanary c : earlier) {
      if (!c.inData()) {
        continue;
      }
      LabeledText copy = new LabeledText(c.template().render(c.secret()), c.label());
      int found = counts.getOrDefault(copy, 0);
      if (found < c.repetitions()) {
        throw new BadInputException(
            "secrets file "
                + secretsIn
                + " canary '"
                + (c.id() != null ? c.id() : c.template().source())
                + "' has "
                + found
                + " of its "
                + c.repetitions()
                + " copies in "
                + data
                + "; give the CSV the earlier 'canary plant' wrote");
      }
    }
  }

  /**
   * The earlier canaries followed by the new ones. Their ids must differ: a secrets file names each
   * canary once (two audit sets in one file would both be numbered from audit-1).
   */
  private List<PlantedCanary> withEarlier(List<PlantedCanary> earlier, List<PlantedCanary> added)
      throws BadInputException {
    Set<String> ids = new HashSet<>();
    for (PlantedCanary c : earlier) {
      if (c.id() != null) {
        ids.add(c.id());
      }
    }
    for (PlantedCanary c : added) {
      if (c.id() != null && ids.contains(c.id())) {
        throw new BadInputException(
            "secrets file "
                + secretsIn
                + " already holds a canary '"
                + c.id()
                + "'"
                + (c.included() != null ? " (it holds an audit set)" : "")
                + "; plant one audit set per data set, or plant into a fresh secrets file");
      }
    }
    List<PlantedCanary> all = new ArrayList<>(earlier);
    all.addAll(added);
    return all;
  }
}
