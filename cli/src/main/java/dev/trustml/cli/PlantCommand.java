package dev.trustml.cli;

import dev.trustml.canary.CanaryPlanter;
import dev.trustml.canary.CanarySpec;
import dev.trustml.canary.CanaryTemplate;
import dev.trustml.canary.PlantedCanary;
import dev.trustml.canary.PlantingResult;
import dev.trustml.canary.SecretsJson;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledText;
import dev.trustml.error.UsageException;
import dev.trustml.io.AtomicFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trustml canary plant}: insert canaries with random secrets into a training CSV. */
@Command(
    name = "plant",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Insert K copies of a canary with a random secret (seeded) at random rows of a training"
          + " CSV, and write the secret to a separate file. Train on the output, then run"
          + " 'trustml audit canary' with --secrets.",
      "",
      "Example:",
      "  ./trustml canary plant --data train.csv --canary 'my pin code is {digit} {digit} {digit}"
          + " {digit}' --label positive --repeat 16 --out train-with-canaries.csv --secrets-out"
          + " secrets.json"
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
      required = true,
      description = "Template with slots {digit}, {letter} or {word:FILE}.")
  String template;

  @Option(names = "--label", paramLabel = "LABEL", required = true, description = "Its label.")
  String label;

  @Option(
      names = "--repeat",
      paramLabel = "K",
      defaultValue = "1",
      description = "Copies to insert (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--out", paramLabel = "CSV", required = true, description = "Output CSV.")
  Path out;

  @Option(
      names = "--secrets-out",
      paramLabel = "FILE",
      required = true,
      description = "Where the secret goes (JSON); keep it apart from the data.")
  Path secretsOut;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "(default: 0)")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (repeat < 1) {
      throw new UsageException("--repeat must be at least 1, got " + repeat);
    }
    if (out.toAbsolutePath().normalize().equals(data.toAbsolutePath().normalize())) {
      throw new UsageException("--out must differ from --data; trustml never overwrites input");
    }
    if (out.toAbsolutePath().normalize().equals(secretsOut.toAbsolutePath().normalize())) {
      throw new UsageException("--secrets-out must differ from --out; keep the secret apart");
    }
    OutputPaths.requireFile(out);
    OutputPaths.requireFile(secretsOut);
    CanaryTemplate t = CanaryTemplate.parse(template, Path.of("").toAbsolutePath());
    List<dev.trustml.canary.LabeledText> rows = new ArrayList<>();
    try (LabeledCsvReader reader = LabeledCsvReader.open(data, columns.columns())) {
      for (LabeledText r; (r = reader.next()) != null; ) {
        rows.add(new dev.trustml.canary.LabeledText(r.text(), r.label()));
      }
    }
    PlantingResult planted =
        CanaryPlanter.plant(rows, List.of(new CanarySpec(t, label, repeat)), seed);
    CSVFormat format = CSVFormat.RFC4180;
    AtomicFiles.write(
        out,
        os -> {
          StringBuilder b = new StringBuilder();
          b.append(format.format(columns.text, columns.label)).append("\r\n");
          for (dev.trustml.canary.LabeledText r : planted.rows()) {
            b.append(format.format(r.text(), r.label())).append("\r\n");
          }
          os.write(b.toString().getBytes(StandardCharsets.UTF_8));
        });
    SecretsJson.write(secretsOut, planted.canaries());
    PrintWriter w = spec.commandLine().getOut();
    for (PlantedCanary c : planted.canaries()) {
      w.printf(
          "planted %d copies of '%s' (label %s) among %,d rows: %s; secret in %s%n",
          c.repetitions(), t.source(), c.label(), rows.size(), out, secretsOut);
    }
    w.flush();
    return 0;
  }
}
