package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trustml model inspect}, and the one-line errors for bad bundles and bad CSVs. */
class InspectCommandTest {
  @TempDir Path tmp;
  Path bundle;

  @BeforeEach
  void writeBundle() throws Exception {
    bundle = tmp.resolve("bundle");
    Cli.writeBundle(bundle);
  }

  @Test
  void describesBundle() {
    Cli.Result r = Cli.run("model", "inspect", bundle.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("negative, positive"), r.out());
    assertTrue(r.out().contains("forward, forward_emb"), r.out());
    assertTrue(r.out().contains("embedding       [20, 8]"), r.out());
    assertTrue(r.out().contains("claims no differential privacy"), r.out());
  }

  @Test
  void scoresCsv() throws Exception {
    Path csv = write("d.csv", "text,label\ngood movie,positive\n\"bad, awful\",negative\n");
    Cli.Result r = Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("2 rows, accuracy"), r.out());
  }

  @Test
  void missingDirectory() {
    assertBadInput(Cli.run("model", "inspect", tmp.resolve("nope").toString()), "not found");
  }

  @Test
  void corruptModel() throws Exception {
    Files.write(bundle.resolve("model.pt"), new byte[] {1, 2, 3, 4, 5});
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString()), "not a loadable TorchScript archive");
  }

  @Test
  void truncatedModel() throws Exception {
    byte[] full = Files.readAllBytes(bundle.resolve("model.pt"));
    Files.write(bundle.resolve("model.pt"), java.util.Arrays.copyOf(full, full.length / 2));
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString()), "not a loadable TorchScript archive");
  }

  @Test
  void cardNotJson() throws Exception {
    Files.writeString(bundle.resolve("trustml-model.json"), "{ \"labels\": [\"a\", ");
    assertBadInput(Cli.run("model", "inspect", bundle.toString()), "not valid JSON at line 1");
  }

  @Test
  void cardWithoutLabels() throws Exception {
    String card = Files.readString(bundle.resolve("trustml-model.json"));
    Files.writeString(
        bundle.resolve("trustml-model.json"),
        card.replaceAll("\"labels\" : \\[[^]]*\\]", "\"labels\" : []"));
    assertBadInput(Cli.run("model", "inspect", bundle.toString()), "'labels' is missing or empty");
  }

  @Test
  void cardLabelsDisagreeWithModel() throws Exception {
    String card = Files.readString(bundle.resolve("trustml-model.json"));
    Files.writeString(
        bundle.resolve("trustml-model.json"),
        card.replace("\"positive\"", "\"positive\", \"neutral\""));
    assertBadInput(Cli.run("model", "inspect", bundle.toString()), "has 2 outputs but the card");
  }

  @Test
  void missingTokenizer() throws Exception {
    Files.delete(bundle.resolve("vocab.txt"));
    assertBadInput(Cli.run("model", "inspect", bundle.toString()), "tokenizer file not found");
  }

  @Test
  void csvWithoutNamedColumn() throws Exception {
    Path csv = write("d.csv", "sentence,label\ngood,positive\n");
    Cli.Result r = Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString());
    assertBadInput(r, "no column 'text' in the header (columns: sentence, label)");
    assertTrue(r.err().contains("--text-column"), r.err());
  }

  @Test
  void csvWithUnknownLabel() throws Exception {
    Path csv = write("d.csv", "text,label\ngood,positive\nmeh,neutral\n");
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString()),
        "row 2 (line 3): label 'neutral' is not one of the model's labels");
  }

  @Test
  void emptyCsv() throws Exception {
    Path csv = write("d.csv", "");
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString()), "empty file");
  }

  @Test
  void headerOnlyCsv() throws Exception {
    Path csv = write("d.csv", "text,label\n");
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString()), "header only");
  }

  @Test
  void nonUtf8Csv() throws Exception {
    Path csv = tmp.resolve("latin1.csv");
    Files.write(csv, "text,label\ncaf\u00e9 good,positive\n".getBytes(StandardCharsets.ISO_8859_1));
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString()),
        "not valid UTF-8");
  }

  @Test
  void raggedRow() throws Exception {
    Path csv = write("d.csv", "text,label\ngood,positive\nbad\n");
    assertBadInput(
        Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString()),
        "row 2 (line 3): 1 field(s) but the header has 2");
  }

  @Test
  void bomIsAccepted() throws Exception {
    Path csv = write("d.csv", "\ufefftext,label\ngood,positive\n");
    Cli.Result r = Cli.run("model", "inspect", bundle.toString(), "--data", csv.toString());
    assertEquals(0, r.exit(), r.err());
  }

  @Test
  void verboseAddsStackTrace() {
    Cli.Result r = Cli.run("model", "inspect", "--verbose", tmp.resolve("nope").toString());
    assertEquals(3, r.exit());
    assertTrue(r.err().contains("\tat "), r.err());
  }

  private Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  /** One line naming the problem, exit 3, no stack trace. */
  static void assertBadInput(Cli.Result r, String fragment) {
    assertEquals(3, r.exit(), "exit code; stderr: " + r.err());
    assertEquals(1, r.errLines().size(), "exactly one line: " + r.err());
    assertTrue(r.err().contains(fragment), "'" + fragment + "' not in: " + r.err());
    assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
  }
}
