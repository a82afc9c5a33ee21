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
import dev.trustml.error.UsageException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    LabeledCsvWriter.write(out, columns.columns(), planted.rows());
    SecretsJson.write(secretsOut, planted.canaries());
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
}
