package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.audit.shadow.RecipeTrainer;
import dev.trustml.audit.shadow.ReferenceJob;
import dev.trustml.audit.shadow.ReferenceRows;
import dev.trustml.audit.shadow.ReferenceWork;
import dev.trustml.data.CsvColumns;
import dev.trustml.data.LabeledCsvReader;
import dev.trustml.data.LabeledCsvWriter;
import dev.trustml.data.LabeledText;
import dev.trustml.model.ModelBundle;
import dev.trustml.model.tokenize.VocabTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trustml train} with the options a plan writes trains the very model that {@code
 * --shadow-models} trains in-process for the same rows and seed: the TorchScript files are
 * byte-identical, for a non-private and a DP-SGD target.
 */
class RecipeCommandLineTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"nodp", "eps8"})
  void thePlansTrainCommandReplaysTheInProcessRecipeBitForBit(String variant) throws Exception {
    ModelBundle target = ModelBundle.open(SampleModels.bundle("sentiment", variant));
    assertNull(RecipeCommandLine.problem(target));
    List<LabeledText> rows;
    try (LabeledCsvReader r =
        LabeledCsvReader.open(
            SampleModels.root().resolve("sentiment/members.csv"), CsvColumns.DEFAULT)) {
      rows = r.readAll().subList(0, 300);
    }
    boolean[] in = new boolean[rows.size()];
    for (int i = 0; i < in.length; i++) {
      in[i] = i % 3 != 1;
    }
    List<String> labels = target.card().labels();
    ReferenceRows audit =
        new ReferenceRows(
            rows.stream().map(LabeledText::text).toArray(String[]::new),
            rows.stream().mapToInt(r -> labels.indexOf(r.label())).toArray());
    List<String> vocab =
        VocabTokenizer.load(target.tokenizerFile(), target.card().tokenizer().lowercaseOrDefault())
            .tokens();
    ReferenceWork work =
        new ReferenceWork(labels, audit, null, RecipeTrainer.of(target.card(), vocab));
    long seed = 3_000_012L;
    Path inProcess = tmp.resolve("in-process");
    work.trainer()
        .train(work, new ReferenceJob(2, 4, seed, in, "k", "test"), inProcess, tmp.resolve("log"));

    Path csv = tmp.resolve("train.csv");
    LabeledCsvWriter.write(csv, audit.selected(in, labels));
    Files.write(tmp.resolve("vocab.txt"), vocab);
    Path out = tmp.resolve("by-command");
    String command =
        RecipeCommandLine.of(target)
            .command(
                csv.toString(), out.toString(), tmp.resolve("vocab.txt").toString(), "" + seed);
    assertTrue(command.startsWith("trustml train --data "), command);
    String[] args = command.substring("trustml ".length()).split(" ");
    Cli.Result r = Cli.run(args);
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(
        Files.readAllBytes(inProcess.resolve("model.pt")),
        Files.readAllBytes(out.resolve("model.pt")),
        "same weights");
    assertEquals(
        Files.readAllLines(inProcess.resolve("vocab.txt")),
        Files.readAllLines(out.resolve("vocab.txt")));
    JsonNode card = new ObjectMapper().readTree(out.resolve("trustml-model.json").toFile());
    assertFalse(card.get("training").has("design"), "no split, no design: " + card);
    assertEquals(variant.equals("eps8"), card.get("privacy").isObject(), card.toString());
    assertTrue(Arrays.asList(args).contains("--split"), command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nodp"})
  void aBundleWithoutARecipeHasNoCommand(String variant) throws Exception {
    Path bundle = tmp.resolve("bare");
    Cli.writeBundle(bundle);
    ModelBundle b = ModelBundle.open(bundle);
    assertNotNull(RecipeCommandLine.problem(b));
    assertNull(RecipeCommandLine.of(b));
    assertNull(
        RecipeCommandLine.problem(ModelBundle.open(SampleModels.bundle("sentiment", variant))));
  }
}
