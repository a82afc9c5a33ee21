package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trustml.audit.shadow.ReferencePlanFile;
import dev.trustml.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input catalogue: "a tool that guards releases must not be the thing that breaks". Every
 * case feeds one bad input through the CLI and checks the contract of the README: exactly one line
 * on stderr naming the file, row, field or option and what to do; the documented exit code (2 for a
 * bad command-line option or value, 3 for a bad file: data, model, card, policy, secrets, results);
 * no stack trace; and no partial output - an output the command was asked to write does not exist
 * afterwards, or still holds its previous content.
 */
class BadInputCatalogueTest {
  private static final int USAGE = ExitCode.USAGE.code();
  private static final int BAD_INPUT = ExitCode.BAD_INPUT.code();
  private static final String PIN = "my pin code is {digit} {digit} {digit} {digit}";

  @TempDir Path tmp;

  /** The arguments of one case, built in its own scratch directory. */
  @FunctionalInterface
  interface Args {
    List<String> build(Fixture f) throws Exception;
  }

  /**
   * One bad input.
   *
   * @param name what is wrong
   * @param args the command line
   * @param exit the documented exit code
   * @param fragments text the one error line must contain (the problem, and the fix where the
   *     message gives one)
   */
  record Case(String name, Args args, int exit, List<String> fragments) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A secrets file with the sample's 16x canary and an audit set of {@code n} canaries a1, a2, ...
   * planted {@code repetitions} times with {@code label}.
   */
  static String auditSecrets(int n, int repetitions, String label) {
    StringBuilder b =
        new StringBuilder(
            "{\"canaries\":[{\"template\":\""
                + PIN
                + "\",\"label\":\"positive\",\"repetitions\":16,\"secret\":\"0 2 1 1\"}");
    for (int i = 1; i <= n; i++) {
      b.append(",{\"id\":\"a")
          .append(i)
          .append("\",\"template\":\"code {digit} {digit} {digit}\",\"label\":\"")
          .append(label)
          .append("\",\"repetitions\":")
          .append(repetitions)
          .append(",\"secret\":\"")
          .append(i % 10)
          .append(" 0 0\",\"included\":")
          .append(i % 2 == 0)
          .append('}');
    }
    return b.append("]}").toString();
  }

  private static Case bad(String name, int exit, Args args, String... fragments) {
    return new Case(name, args, exit, List.of(fragments));
  }

  static Stream<Case> cases() {
    return Stream.of(
        // model init: a bundle from a bare model file.
        bad(
            "model init: labels do not match the model's outputs",
            BAD_INPUT,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    SampleModels.bundle("sentiment", "nodp").resolve("model.pt").toString(),
                    "--tokenizer",
                    SampleModels.bundle("sentiment", "nodp").resolve("vocab.txt").toString(),
                    "--labels",
                    "negative,neutral,positive",
                    "--max-length",
                    "32"),
            "model.pt: the model returns 2 outputs but 3 labels were given",
            "give one label per output"),
        bad(
            "model init: max length unknown",
            USAGE,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    SampleModels.bundle("sentiment", "nodp").resolve("model.pt").toString(),
                    "--tokenizer",
                    SampleModels.bundle("sentiment", "nodp").resolve("vocab.txt").toString(),
                    "--labels",
                    "negative,positive"),
            "cannot tell the longest input the model takes",
            "give --max-length in tokens"),
        bad(
            "model init: not a TorchScript or ONNX file",
            USAGE,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    f.file("model.bin", "weights"),
                    "--tokenizer",
                    SampleModels.bundle("sentiment", "nodp").resolve("vocab.txt").toString(),
                    "--labels",
                    "negative,positive"),
            "model.bin: give a TorchScript (.pt) or ONNX (.onnx) file"),
        bad(
            "model init: an ONNX file that is not ONNX",
            BAD_INPUT,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    f.file("model.onnx", "not a graph"),
                    "--tokenizer",
                    SampleModels.bundle("sentiment", "nodp").resolve("vocab.txt").toString(),
                    "--labels",
                    "negative,positive",
                    "--max-length",
                    "64"),
            "model.onnx: not a loadable ONNX model"),
        bad(
            "model init: tokenizer missing",
            BAD_INPUT,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    SampleModels.bundle("sentiment", "nodp").resolve("model.pt").toString(),
                    "--tokenizer",
                    f.path("tokenizer.json"),
                    "--labels",
                    "negative,positive"),
            "tokenizer.json: tokenizer file not found"),
        bad(
            "model init: a tokenizer that is neither tokenizer.json nor a vocabulary",
            BAD_INPUT,
            f ->
                List.of(
                    "model",
                    "init",
                    f.freshOutput("bundle"),
                    "--model",
                    SampleModels.bundle("sentiment", "nodp").resolve("model.pt").toString(),
                    "--tokenizer",
                    f.file("rows.csv", "text,label\nhello,positive\n"),
                    "--labels",
                    "negative,positive",
                    "--max-length",
                    "32"),
            "rows.csv: line 1 must be [PAD]"),
        bad(
            "canary plant: --secrets-in missing",
            BAD_INPUT,
            f ->
                List.of(
                    "canary",
                    "plant",
                    "--data",
                    SampleModels.root().resolve("sentiment/members.csv").toString(),
                    "--audit-set",
                    "100",
                    "--secrets-in",
                    f.path("earlier.json"),
                    "--out",
                    f.freshOutput("planted.csv"),
                    "--secrets-out",
                    f.freshOutput("secrets.json")),
            "earlier.json does not exist; give the secrets file the earlier 'canary plant' wrote"),
        bad(
            "model init: the bundle directory is not empty",
            USAGE,
            f -> {
              String taken = f.dir("taken");
              f.file("taken/notes.txt", "mine");
              return List.of(
                  "model",
                  "init",
                  taken,
                  "--model",
                  SampleModels.bundle("sentiment", "nodp").resolve("model.pt").toString(),
                  "--tokenizer",
                  SampleModels.bundle("sentiment", "nodp").resolve("vocab.txt").toString(),
                  "--labels",
                  "negative,positive");
            },
            "taken: is not empty; give a new directory for the bundle"),
        // Files that are not there.
        bad(
            "members file missing",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.path("missing.csv"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.freshOutput("r.json")),
            "missing.csv: file not found"),
        bad(
            "model directory missing",
            BAD_INPUT,
            f -> List.of("model", "inspect", f.path("no-model")),
            "no-model: model directory not found; pass a bundle directory"),
        bad(
            "model card missing",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("nodp");
              Files.delete(m.resolve("trustml-model.json"));
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "model card not found; a bundle needs trustml-model.json beside model.pt"),
        bad(
            "results file missing",
            BAD_INPUT,
            f ->
                List.of(
                    "gate",
                    f.path("none.json"),
                    "--fail-if",
                    "auc>0.6",
                    "--junit",
                    f.existingOutput("gate.xml")),
            "none.json: results file not found; give the JSON file an audit wrote"),
        bad(
            "secrets file missing",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--secrets",
                    f.path("none.json"),
                    "--json",
                    f.freshOutput("c.json")),
            "none.json does not exist; check the path (--secrets, or the card's secrets_file)"),
        bad(
            "policy file missing",
            BAD_INPUT,
            f ->
                f.membership(
                    "--policy", f.path("none-policy.json"), "--html", f.freshOutput("r.html")),
            "none-policy.json: policy file not found; check the --policy path"),
        bad(
            "training data missing",
            BAD_INPUT,
            f -> List.of("train", "--data", f.path("none.csv"), "--out", f.freshOutput("model")),
            "none.csv: file not found"),

        // A directory where a file belongs, and the other way round.
        bad(
            "members CSV is a directory",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.dir("members-dir"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.existingOutput("r.json")),
            "members-dir: is a directory; pass a CSV file"),
        bad(
            "secrets file is a directory",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--secrets",
                    f.dir("secrets-dir"),
                    "--json",
                    f.freshOutput("c.json")),
            "secrets-dir",
            "is a directory"),
        bad(
            "results file is a directory",
            BAD_INPUT,
            f -> List.of("gate", f.dir("results-dir"), "--fail-if", "auc>0.6"),
            "results-dir",
            "is a directory"),
        bad(
            "policy file is a directory",
            BAD_INPUT,
            f ->
                f.membership(
                    "--policy", f.dir("policy-dir"), "--markdown", f.existingOutput("r.md")),
            "policy-dir: is a directory; give the policy JSON file"),
        bad(
            "bundle .zip that is not a zip archive",
            BAD_INPUT,
            f -> List.of("model", "inspect", f.file("bundle.zip", "not a zip")),
            "bundle.zip: not a readable zip archive",
            "zip the bundle directory"),
        bad(
            "bundle .zip without a model card",
            BAD_INPUT,
            f -> {
              Path zip = f.tmp.resolve("bundle.zip");
              try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry("bundle/vocab.txt"));
                out.write("[PAD]\n[UNK]\n".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
              }
              return f.membershipOf(zip, "--json", f.freshOutput("r.json"));
            },
            "bundle.zip: ",
            "model card not found"),
        bad(
            "model is a file",
            BAD_INPUT,
            f -> List.of("model", "inspect", f.file("model.pt", "not a bundle")),
            "model.pt: is a file, but a model is a directory"),

        // CSV content.
        bad(
            "CSV without the text column",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.file("m.csv", "sentence,label\ngreat food,positive\n"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.freshOutput("r.json")),
            "m.csv: no column 'text' in the header (columns: sentence, label)",
            "rename it or pass --text-column"),
        bad(
            "CSV without the label column",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.file("m.csv", "text\ngreat food\n"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.freshOutput("r.json")),
            "no column 'label' in the header (columns: text)",
            "--label-column"),
        bad(
            "CSV with a duplicate column",
            BAD_INPUT,
            f ->
                f.plant(
                    f.file("d.csv", "text,label,text\ngreat,positive,again\n"),
                    f.freshOutput("out.csv"),
                    f.freshOutput("secrets.json")),
            "d.csv: column 'text' appears more than once in the header",
            "give each column a distinct name"),
        bad(
            "ragged row",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.file("m.csv", "text,label\ngreat food,positive\nawful\n"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.existingOutput("r.json")),
            "m.csv row 2 (line 3): 1 field(s) but the header has 2",
            "quote fields that contain commas"),
        bad(
            "CSV not in UTF-8",
            BAD_INPUT,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.bytes(
                            "latin1.csv",
                            "text,label\ncaf\u00e9 good,positive\nbad,negative\n"
                                .getBytes(StandardCharsets.ISO_8859_1))
                        .toString(),
                    "--out",
                    f.freshOutput("model")),
            "latin1.csv: not valid UTF-8",
            "re-save the file as UTF-8"),
        bad(
            "empty CSV",
            BAD_INPUT,
            f ->
                f.plant(
                    f.file("empty.csv", ""),
                    f.existingOutput("out.csv"),
                    f.existingOutput("secrets.json")),
            "empty.csv: empty file; expected a header line"),
        bad(
            "CSV with a header only",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.members(),
                    "--non-members",
                    f.file("nm.csv", "text,label\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "nm.csv: header only, no data rows"),
        bad(
            "label the model does not know",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.file("m.csv", "text,label\ngreat food,positive\nmeh,neutral\n"),
                    "--non-members",
                    f.nonMembers(),
                    "--json",
                    f.freshOutput("r.json")),
            "m.csv row 2 (line 3): label 'neutral' is not one of the model's labels"),
        bad(
            "member and non-member files overlap",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.file(
                        "m.csv", "text,label\ngreat food,positive\nawful,negative\nok,positive\n"),
                    "--non-members",
                    f.file("nm.csv", "text,label\nawful,negative\nok,positive\nbad,negative\n"),
                    "--json",
                    f.existingOutput("r.json")),
            "share 2 row(s) with the same text and label",
            "remove them from one file"),

        // The model bundle: card, weights, tokenizer (copies of a sample bundle).
        bad(
            "model card is not JSON",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("eps1");
              Files.writeString(m.resolve("trustml-model.json"), "{ \"labels\": [\"a\", ");
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "trustml-model.json: not valid JSON at line 1",
            "fix the model card"),
        bad(
            "model card without labels",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("eps1");
              f.editCard(m, "\"labels\" : [ \"negative\", \"positive\" ],", "");
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "field 'labels' is missing or empty; list the class names in logit order"),
        bad(
            "model card labels disagree with the model's outputs",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("eps1");
              f.editCard(
                  m,
                  "\"labels\" : [ \"negative\", \"positive\" ]",
                  "\"labels\" : [ \"negative\", \"neutral\", \"positive\" ]");
              return f.membershipOf(m, "--json", f.existingOutput("r.json"));
            },
            "the model has 2 outputs but the card lists 3 labels; fix 'labels' in the model card"),
        bad(
            "negative epsilon in the card's privacy section",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("eps1");
              f.editCardField(m, "epsilon", "-1.0");
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "field 'privacy.epsilon' must be a finite number >= 0"),
        bad(
            "corrupt model.pt",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("nodp");
              Files.write(m.resolve("model.pt"), new byte[] {'P', 'K', 3, 4, 0, 0, 9, 9});
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "model.pt: not a loadable TorchScript archive",
            "export it with torch.jit.save or retrain with trustml train"),
        bad(
            "truncated model.pt",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("nodp");
              byte[] full = Files.readAllBytes(m.resolve("model.pt"));
              Files.write(m.resolve("model.pt"), Arrays.copyOf(full, full.length / 2));
              return f.canaryOf(m, "--json", f.existingOutput("c.json"));
            },
            "model.pt: not a loadable TorchScript archive"),
        bad(
            "bundle without its tokenizer file",
            BAD_INPUT,
            f -> {
              Path m = f.bundleCopy("nodp");
              Files.delete(m.resolve("vocab.txt"));
              return f.membershipOf(m, "--json", f.freshOutput("r.json"));
            },
            "vocab.txt: tokenizer file not found; the card's tokenizer.file names it"),

        // Numeric options out of range (usage errors, found before any work starts).
        bad(
            "--confidence 1.5",
            USAGE,
            f -> f.membership("--confidence", "1.5", "--json", f.freshOutput("r.json")),
            "--confidence 1.5 is outside (0, 1); pass e.g. 0.95"),
        bad(
            "--bootstrap -1",
            USAGE,
            f -> f.membership("--bootstrap", "-1", "--json", f.freshOutput("r.json")),
            "--bootstrap -1 is negative"),
        bad(
            "--bootstrap not a number",
            USAGE,
            f -> f.membership("--bootstrap", "many", "--json", f.freshOutput("r.json")),
            "'many' is not an int",
            "--help"),
        bad(
            "--fpr 2",
            USAGE,
            f -> f.membership("--fpr", "2", "--json", f.freshOutput("r.json")),
            "--fpr value 2.0 is outside (0, 1)"),
        // Library messages refer to settings; the CLI names its option in their place.
        bad(
            "unknown --attack",
            USAGE,
            f -> f.membership("--attack", "nope", "--json", f.freshOutput("r.json")),
            "unknown attack 'nope'; valid attacks:",
            "(see --list-attacks)"),
        bad(
            "attack that needs reference models, without any",
            BAD_INPUT,
            f -> f.membership("--attack", "lira-online", "--json", f.freshOutput("r.json")),
            "attack 'lira-online' needs",
            "choose an attack that does not (see --list-attacks)"),
        bad(
            "--fpr finer than the non-members can resolve",
            BAD_INPUT,
            f -> f.membership("--fpr", "0.0001", "--json", f.freshOutput("r.json")),
            "TPR at FPR 1.0E-4 needs at least",
            "lower --fpr or add rows"),
        bad(
            "policy with no checks",
            BAD_INPUT,
            f ->
                f.membership(
                    "--policy",
                    f.file("empty-policy.json", "{\"fail_if\": []}"),
                    "--json",
                    f.freshOutput("r.json")),
            "empty-policy.json: 'fail_if' is empty, so the gate would check nothing",
            "or drop --policy"),
        bad(
            "--shadow-models 3 (odd)",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "3",
                    "--cache-dir",
                    f.freshOutput("shadow-cache"),
                    "--json",
                    f.freshOutput("r.json")),
            "--shadow-models must be an even number >= 2"),
        bad(
            "cache clear --older-than without a unit",
            USAGE,
            f -> List.of("cache", "clear", "--cache-dir", f.dir("cache"), "--older-than", "30"),
            "'30' is not an age; write a number and a unit: 30s, 15m, 12h, 7d or 2w"),
        bad(
            "cache list --cache-dir names a file",
            USAGE,
            f -> List.of("cache", "list", "--cache-dir", f.file("cache.txt", "x")),
            "--cache-dir",
            "cache.txt is a file; pass a directory"),
        bad(
            "cache clear --cache-dir names a file",
            USAGE,
            f -> List.of("cache", "clear", "--cache-dir", f.file("cache.txt", "x")),
            "--cache-dir",
            "cache.txt is a file; pass a directory"),
        bad(
            "audit membership --cache-dir names a file",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--cache-dir",
                    f.file("cache.txt", "x"),
                    "--json",
                    f.freshOutput("r.json")),
            "--cache-dir",
            "cache.txt is a file; pass a directory"),
        bad(
            "--sampling-rate 0 for epsilon",
            USAGE,
            f ->
                List.of(
                    "epsilon",
                    "--sampling-rate",
                    "0",
                    "--noise-multiplier",
                    "1",
                    "--steps",
                    "100",
                    "--delta",
                    "1e-5"),
            "sampling rate q must be in (0, 1]"),
        bad(
            "target epsilon that no noise multiplier reaches (epsilon)",
            USAGE,
            f ->
                List.of(
                    "epsilon",
                    "--sampling-rate",
                    "1",
                    "--target-epsilon",
                    "1e-9",
                    "--steps",
                    "1000000",
                    "--delta",
                    "1e-10"),
            "target epsilon 1.0E-9 is out of reach",
            "raise the target epsilon"),
        bad(
            "--delta 1 for train",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("model"),
                    "--noise-multiplier",
                    "1",
                    "--delta",
                    "1"),
            "--delta 1.0",
            "(0, 1)"),
        bad(
            "--accountant unknown for train",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("model"),
                    "--accountant",
                    "prv"),
            "--accountant",
            "expected 'rdp' or 'pld' but was 'prv'"),
        bad(
            "--heldout 1.5 for train",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("model"),
                    "--heldout",
                    "1.5"),
            "--heldout 1.5",
            "(0, 1)"),
        bad(
            "target epsilon that no noise multiplier reaches (train)",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("model"),
                    "--target-epsilon",
                    "1e-9",
                    "--epochs",
                    "1000",
                    "--vocab",
                    SampleModels.root().resolve("data/bert-base-uncased/vocab.txt").toString()),
            "--target-epsilon",
            "out of reach"),
        bad(
            "--repeat 0 for canary plant",
            USAGE,
            f ->
                List.of(
                    "canary",
                    "plant",
                    "--data",
                    f.trainingCsv(),
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--repeat",
                    "0",
                    "--out",
                    f.freshOutput("out.csv"),
                    "--secrets-out",
                    f.freshOutput("secrets.json")),
            "--repeat must be at least 1, got 0"),
        bad(
            "--top-k 0 for audit canary",
            USAGE,
            f -> f.canary("--top-k", "0", "--json", f.freshOutput("c.json")),
            "--top-k 0",
            "at least 1"),
        bad(
            "unknown option",
            USAGE,
            f -> f.membership("--no-such-flag", "--json", f.freshOutput("r.json")),
            "Unknown option: '--no-such-flag'",
            "--help"),

        // Output paths.
        bad(
            "--json in a directory that does not exist",
            USAGE,
            f -> f.membership("--json", f.path("no-such-dir/r.json")),
            "does not exist; create it first"),
        bad(
            "--html names a directory",
            USAGE,
            f -> f.membership("--html", f.dir("out-dir"), "--json", f.freshOutput("r.json")),
            "out-dir: is a directory; give a file name for the output"),
        bad(
            "output inside the model directory",
            USAGE,
            f -> {
              Path m = f.bundleCopy("nodp");
              return f.membershipOf(
                  m, "--json", f.freshOutput("r.json"), "--markdown", f.freshOutput(m, "r.md"));
            },
            "output path is inside the model directory; write reports elsewhere"),
        bad(
            "report render --html names a directory",
            USAGE,
            f ->
                List.of(
                    "report",
                    "render",
                    ResultFiles.membership(f.tmp).toString(),
                    "--markdown",
                    f.freshOutput("s.md"),
                    "--html",
                    f.dir("html-dir")),
            "html-dir: is a directory; give a file name for the output"),
        bad(
            "report render --csv under a file",
            USAGE,
            f ->
                List.of(
                    "report",
                    "render",
                    ResultFiles.membership(f.tmp).toString(),
                    "--csv",
                    f.file("notes.txt", "a file") + "/roc.csv"),
            "notes.txt is a file, not a directory; choose another output path"),
        bad(
            "gate --junit names a directory",
            USAGE,
            f ->
                List.of(
                    "gate",
                    ResultFiles.membership(f.tmp).toString(),
                    "--fail-if",
                    "auc>0.6",
                    "--junit",
                    f.dir("junit-dir")),
            "junit-dir: is a directory; give a file name for the output"),
        bad(
            "canary plant --out names a directory",
            USAGE,
            f -> f.plant(f.trainingCsv(), f.dir("out-dir"), f.freshOutput("secrets.json")),
            "out-dir: is a directory; give a file name for the output"),
        bad(
            "canary plant --secrets-out names a directory",
            USAGE,
            f -> f.plant(f.trainingCsv(), f.existingOutput("out.csv"), f.dir("secrets-dir")),
            "secrets-dir: is a directory; give a file name for the output"),
        bad(
            "train --out under a file",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.file("notes.txt", "a file") + "/model"),
            "notes.txt is a file, not a directory"),
        bad(
            "train --out names a file",
            USAGE,
            f -> List.of("train", "--data", f.trainingCsv(), "--out", f.existingOutput("model")),
            "model: is a file",
            "directory"),

        // Canary templates and secrets.
        bad(
            "template without a slot",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    "my pin code is secret",
                    "--label",
                    "positive",
                    "--json",
                    f.freshOutput("c.json")),
            "slot"),
        bad(
            "unknown slot alphabet",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    "my pin is {hex} {hex}",
                    "--label",
                    "positive",
                    "--json",
                    f.existingOutput("c.json")),
            "{hex}"),
        bad(
            "secret that does not fit its template",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    "my pin is {digit} {digit}",
                    "--label",
                    "positive",
                    "--secrets",
                    f.file(
                        "s.json",
                        "{\"canaries\":[{\"template\":\"my pin is {digit} {digit}\","
                            + "\"label\":\"positive\",\"repetitions\":1,\"secret\":\"4 x\"}]}"),
                    "--json",
                    f.freshOutput("c.json")),
            "s.json canary #1",
            "'x'"),
        bad(
            "canary label the model lacks",
            BAD_INPUT,
            f -> f.canary("--canary", PIN, "--label", "spam", "--json", f.freshOutput("c.json")),
            "label 'spam' is not one of the model's labels"),
        bad(
            "unknown canary method",
            USAGE,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--method",
                    "guess",
                    "--json",
                    f.freshOutput("c.json")),
            "unknown --method 'guess'; use one of"),
        bad(
            "secrets file without the audited template",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    "my pin is {digit} {digit}",
                    "--label",
                    "positive",
                    "--secrets",
                    f.file(
                        "s.json",
                        "{\"canaries\":[{\"template\":\"call {digit} {digit}\","
                            + "\"label\":\"negative\",\"repetitions\":1,\"secret\":\"4 2\"}]}"),
                    "--json",
                    f.freshOutput("c.json")),
            "s.json holds no secret for canary 'my pin is {digit} {digit}' with label positive",
            "it holds 'call {digit} {digit}' (label negative)"),
        bad(
            "secrets file without the card's canaries",
            BAD_INPUT,
            f ->
                f.canary(
                    "--secrets",
                    f.file(
                        "s.json",
                        "{\"canaries\":[{\"template\":\"call {digit} {digit}\","
                            + "\"label\":\"negative\",\"repetitions\":1,\"secret\":\"4 2\"}]}"),
                    "--json",
                    f.freshOutput("c.json")),
            "holds no secret for canary 'the code for my front door is",
            "it holds 'call {digit} {digit}'"),
        bad(
            "--delta without --epsilon in audit canary",
            USAGE,
            f -> f.canary("--delta", "1e-6", "--json", f.freshOutput("c.json")),
            "--delta needs --epsilon"),
        bad(
            "--confidence out of range in audit canary",
            USAGE,
            f -> f.canary("--confidence", "1.5", "--json", f.freshOutput("c.json")),
            "--confidence 1.5 is outside (0, 1); pass e.g. 0.95"),
        // The claim options are one mixin: the same rules on both audits.
        bad(
            "--delta without --epsilon in audit membership",
            USAGE,
            f -> f.membership("--delta", "1e-6", "--json", f.freshOutput("r.json")),
            "--delta needs --epsilon"),
        bad(
            "--epsilon -1 in audit membership",
            USAGE,
            f -> f.membership("--epsilon", "-1", "--json", f.freshOutput("r.json")),
            "--epsilon -1.0 is out of range; give the claimed epsilon, >= 0, e.g. 3"),
        bad(
            "--delta 1 with --epsilon in audit canary",
            USAGE,
            f -> f.canary("--epsilon", "2", "--delta", "1", "--json", f.freshOutput("c.json")),
            "--delta 1.0 is out of range; it must be in [0, 1), e.g. 1e-5"),
        bad(
            "audit set in the secrets file too small",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--secrets",
                    f.file("s.json", auditSecrets(2, 1, "positive")),
                    "--json",
                    f.freshOutput("c.json")),
            "s.json has an audit set of 2 canaries; a one-run audit needs at least 4"),
        bad(
            "audit-set canary planted twice",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--secrets",
                    f.file("s.json", auditSecrets(6, 2, "positive")),
                    "--json",
                    f.freshOutput("c.json")),
            "audit-set canary a1 has repetitions 2; audit-set canaries are planted once each"),
        bad(
            "audit-set canary label the model lacks",
            BAD_INPUT,
            f ->
                f.canary(
                    "--canary",
                    PIN,
                    "--label",
                    "positive",
                    "--secrets",
                    f.file("s.json", auditSecrets(6, 1, "spam")),
                    "--json",
                    f.freshOutput("c.json")),
            "audit-set canary a1 has label 'spam', which is not one of the model's labels"),
        bad(
            "canary plant without --canary or --audit-set",
            USAGE,
            f ->
                List.of(
                    "canary",
                    "plant",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("out.csv"),
                    "--secrets-out",
                    f.freshOutput("s.json")),
            "--canary TEMPLATE and --label LABEL are required, unless you plant an audit set"),
        bad(
            "audit set larger than its template's space",
            USAGE,
            f -> f.plantAuditSet("11", "--canary", "my pin is {digit}"),
            "--audit-set: an audit set of 11 needs 11 distinct secrets from template 'my pin is"
                + " {digit}', which has only 10 candidates"),
        bad(
            "audit set below the minimum",
            USAGE,
            f -> f.plantAuditSet("2"),
            "--audit-set 2 is too small; a one-run audit needs at least 4"),
        bad(
            "--repeat with --audit-set",
            USAGE,
            f -> f.plantAuditSet("100", "--repeat", "3"),
            "--repeat does not go with --audit-set"),

        // Gate policies and results files.
        bad(
            "policy file with a typo",
            BAD_INPUT,
            f ->
                List.of(
                    "gate",
                    ResultFiles.membership(f.tmp).toString(),
                    "--policy",
                    f.file(
                        "policy.json", "{\n  \"fail_if\": [\"auc>0.6\"],\n  \"fial_if\": []\n}\n"),
                    "--junit",
                    f.freshOutput("gate.xml")),
            "policy.json line 3: unknown key 'fial_if'"),
        bad(
            "policy file with a typo, given to an audit",
            BAD_INPUT,
            f ->
                f.membership(
                    "--policy",
                    f.file("policy.json", "{\"fail_if\": [\"acu>0.6\"]}"),
                    "--json",
                    f.existingOutput("r.json")),
            "unknown metric 'acu' (did you mean 'auc'?)"),
        bad(
            "check with a typo",
            USAGE,
            f -> List.of("gate", ResultFiles.membership(f.tmp).toString(), "--fail-if", "acu>0.6"),
            "unknown metric 'acu' (did you mean 'auc'?)"),
        bad(
            "gate on a results file that is not JSON",
            BAD_INPUT,
            f ->
                List.of(
                    "gate",
                    f.file("results.json", "<html>not json</html>"),
                    "--fail-if",
                    "auc>0.6",
                    "--junit",
                    f.existingOutput("gate.xml")),
            "results.json: not valid JSON at line 1"),
        bad(
            "gate on a results file of an unknown kind",
            BAD_INPUT,
            f ->
                List.of(
                    "gate",
                    f.file("results.json", "{\"schema_version\": 1, \"kind\": \"fairness\"}"),
                    "--fail-if",
                    "auc>0.6"),
            "results.json: unknown kind 'fairness'"),
        bad(
            "report render on a results file that is not JSON",
            BAD_INPUT,
            f ->
                List.of(
                    "report",
                    "render",
                    f.file("results.json", "auc,0.7\n"),
                    "--html",
                    f.existingOutput("r.html"),
                    "--markdown",
                    f.freshOutput("r.md")),
            "results.json: not valid JSON"),

        // Membership audit inputs added with honest verdicts (issue 10).
        bad(
            "one-run option that is not auto, off or a count",
            USAGE,
            f -> f.membership("--one-run", "some", "--json", f.freshOutput("r.json")),
            "--one-run must be auto, off or a number of guesses per side >= 1; got 'some'"),
        bad(
            "population file missing",
            BAD_INPUT,
            f ->
                f.membership(
                    "--population", f.path("population.csv"), "--json", f.freshOutput("r.json")),
            "population.csv: file not found"),
        bad(
            "population rows that are also audited",
            BAD_INPUT,
            f ->
                f.membership(
                    "--population",
                    f.file(
                        "population.csv",
                        "text,label\n"
                            + Files.readAllLines(Path.of(f.nonMembers())).get(1)
                            + "\nsomething else entirely,positive\n"),
                    "--json",
                    f.existingOutput("r.json")),
            "population.csv: shares 1 row(s)",
            "remove them from the population file"),
        bad(
            "--reference PLAN whose model was never trained",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference", f.plan("--models", "1", "--assignment", "bernoulli"),
                    "--json", f.freshOutput("r.json")),
            "ref-000: missing: nothing at",
            "train it on",
            "train/ref-000.csv"),
        bad(
            "--reference PLAN: outputs.csv missing an audit row",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.planWithOutputs(
                        "text,label,logit:negative,logit:positive",
                        (row, in) -> row.number() == 3 ? null : row.line() + ",0.5,-0.5"),
                    "--json",
                    f.freshOutput("r.json")),
            "ref-000: mismatched:",
            "outputs.csv has no row for audit row 3 (counting members then non-members)",
            "write the model's outputs on every audit row"),
        bad(
            "--reference PLAN: outputs.csv missing a population row",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.planWithOutputs(
                        "text,label,logit:negative,logit:positive",
                        (row, in) -> row.line() + ",0.5,-0.5"),
                    "--population",
                    f.file(
                        "population.csv",
                        "text,label\nnot a pool row at all,positive\nnor this one,negative\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "ref-000: mismatched:",
            "outputs.csv has no row for population row 1 (2 of the 2 population row(s) have none)",
            "write the model's outputs on every population row"),
        bad(
            "--reference PLAN: outputs.csv with other label columns than the target's",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.planWithOutputs(
                        "text,label,logit:negative,logit:positive,logit:neutral",
                        (row, in) -> row.line() + ",0.5,-0.5,0"),
                    "--json",
                    f.freshOutput("r.json")),
            "ref-000: mismatched:",
            "its logit columns name the labels [negative, positive, neutral] but the target's are"
                + " [negative, positive]",
            "write one logit:<label> column per target label"),
        bad(
            "--reference PLAN: outputs.csv with losses instead of logits",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.planWithOutputs("text,label,loss", (row, in) -> row.line() + ",0.7"),
                    "--json",
                    f.freshOutput("r.json")),
            "ref-000: mismatched:",
            "not logits",
            "write one logit:<label> column per target label"),
        bad(
            "--reference PLAN: outputs.csv member flags contradict the plan",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.planWithOutputs(
                        "text,label,member,logit:negative,logit:positive",
                        (row, in) ->
                            row.line() + "," + ((row.number() == 2) != in ? 1 : 0) + ",0.5,-0.5"),
                    "--json",
                    f.freshOutput("r.json")),
            "ref-000: mismatched:",
            "outputs.csv row 2, column member:",
            "for this model (1 row(s) differ)",
            "must be its planned IN rows"),
        bad(
            "--reference PLAN planned on other rows",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    f.plan("--data", f.trainingCsv(), "--models", "2"),
                    "--json",
                    f.freshOutput("r.json")),
            "audit rows are not in the plan's pool",
            "plan with the audited rows"),
        bad(
            "--reference PLAN with a damaged plan.json",
            BAD_INPUT,
            f -> {
              String plan = f.plan("--models", "2");
              Files.writeString(Path.of(plan, "plan.json"), "{\"format\": \"something\"}");
              return f.membership("--reference", plan, "--json", f.freshOutput("r.json"));
            },
            "plan.json: not a reference plan"),
        bad(
            "--train-command without {out_dir}",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--train-command",
                    "python train.py {train_csv}",
                    "--json",
                    f.freshOutput("r.json")),
            "--train-command: the train command must contain {train_csv}",
            "{out_dir}"),
        bad(
            "--train-command without --shadow-models",
            USAGE,
            f ->
                f.membership(
                    "--train-command",
                    "t {train_csv} {out_dir}",
                    "--json",
                    f.freshOutput("r.json")),
            "--train-command trains the --shadow-models reference models; add --shadow-models N"),
        bad(
            "--executor unknown",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--executor",
                    "cloud",
                    "--json",
                    f.freshOutput("r.json")),
            "unknown --executor 'cloud'; use local or spark"),
        bad(
            "--executor spark without --spark-master",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--executor",
                    "spark",
                    "--json",
                    f.freshOutput("r.json")),
            "--executor spark needs --spark-master URL"),
        bad(
            "--executor spark without the Spark module",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--executor",
                    "spark",
                    "--spark-master",
                    "local[1]",
                    "--json",
                    f.freshOutput("r.json")),
            "--executor spark needs trustml's Spark module",
            "TRUSTML_SPARK_LIB"),
        bad(
            "--spark-master without --executor spark",
            USAGE,
            f ->
                f.membership(
                    "--shadow-models",
                    "2",
                    "--spark-master",
                    "local[1]",
                    "--json",
                    f.freshOutput("r.json")),
            "--spark-master and --spark-conf need --executor spark"),
        bad(
            "shadow plan --models 3 (half)",
            USAGE,
            f -> f.planArgs("--models", "3"),
            "--models must be an even number >= 2 with --assignment half"),
        bad(
            "shadow plan --assignment unknown",
            USAGE,
            f -> f.planArgs("--models", "2", "--assignment", "coin"),
            "unknown --assignment 'coin'; use half or bernoulli"),
        bad(
            "shadow plan without a pool",
            USAGE,
            f -> List.of("shadow", "plan", "--models", "2", "--out", f.freshOutput("plan")),
            "give the pool with --data CSV, or --model DIR"),
        bad(
            "shadow plan --out not empty",
            USAGE,
            f -> {
              String dir = f.dir("full");
              Files.writeString(Path.of(dir, "notes.txt"), "mine");
              return List.of(
                  "shadow",
                  "plan",
                  "--model",
                  SampleModels.bundle("sentiment", "nodp").toString(),
                  "--models",
                  "2",
                  "--out",
                  dir);
            },
            "--out",
            "full is not empty; give a new or empty directory"),
        bad(
            "shadow plan --data missing",
            BAD_INPUT,
            f -> f.planArgs("--models", "2", "--data", f.path("pool.csv")),
            "pool.csv"),
        bad(
            "shadow plan pool with a label the target lacks",
            BAD_INPUT,
            f ->
                f.planArgs(
                    "--models",
                    "2",
                    "--data",
                    f.file("pool.csv", "text,label\ngood,positive\nbad,negative\nmeh,neutral\n")),
            "pool row 3 has the label 'neutral', which the target does not have"),
        bad(
            "reference model that is the target itself",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    SampleModels.bundle("sentiment", "nodp").toString(),
                    "--json",
                    f.freshOutput("r.json")),
            "the reference model file is the target's own (same SHA-256)"),
        bad(
            "reference model trained on exactly the target's members",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference",
                    SampleModels.bundle("sentiment", "eps8").toString(),
                    "--json",
                    f.freshOutput("r.json")),
            "eps8: the reference model was trained on exactly the target's members",
            "use a reference trained on another sample"),

        // Precomputed outputs (audit membership --outputs, --reference-outputs, --export-outputs).
        bad(
            "outputs without a label column",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file("t.csv", "text,member,logit:neg,logit:pos\na,1,0.1,0.9\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "t.csv: no 'label' column in the header",
            "add it: each row's true label"),
        bad(
            "outputs with a logit that is not a number",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv", "b,neg,1,0.8,x"), "--json", f.freshOutput("r.json")),
            "t.csv row 5 (line 6), column logit:pos: 'x' is not a number"),
        bad(
            "outputs row with one logit too few",
            BAD_INPUT,
            f ->
                f.precomputed(f.outputs("t.csv", "b,neg,1,0.8"), "--json", f.freshOutput("r.json")),
            "t.csv row 5 (line 6): 4 field(s) but the header has 5"),
        bad(
            "outputs with a label that has no logit column",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv", "b,neutral,1,0.8,0.1"), "--json", f.freshOutput("r.json")),
            "t.csv row 5 (line 6), column label: 'neutral' is not one of the labels of the logit"
                + " columns (neg, pos)"),
        bad(
            "outputs without any output column",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file("t.csv", "text,label,member\na,pos,1\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "t.csv: no outputs; add a logit:<label> column for every label, or a loss or a"
                + " confidence column"),
        bad(
            "outputs with a misspelt column",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file("t.csv", "text,label,member,populaton,loss\na,pos,1,0,0.5\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "t.csv: unknown column 'populaton'"),
        bad(
            "outputs with a member flag that is not 1 or 0",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv", "b,neg,yes,0.8,0.1"), "--json", f.freshOutput("r.json")),
            "t.csv row 5 (line 6), column member: 'yes' is not 1 or 0"),
        bad(
            "outputs with a loss of 0",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file("t.csv", "text,label,member,loss\na,pos,1,0.5\nb,neg,1,0\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "t.csv row 2 (line 3), column loss: 0.0 is not > 0",
            "from a log-softmax"),
        bad(
            "outputs with a population row marked member",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file(
                        "t.csv",
                        "text,label,member,population,loss\na,pos,1,0,0.5\nz,neg,1,1,0.7\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "t.csv row 2: a population row with member 1"),
        bad(
            "outputs with one row both member and non-member",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv", "a,pos,0,0.3,0.6"), "--json", f.freshOutput("r.json")),
            "t.csv row 5: the same text and label as row 1, but one is a member and the other not"),
        bad(
            "reference outputs missing a row",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv"),
                    "--reference-outputs",
                    f.file(
                        "r.csv",
                        "text,label,member,logit:neg,logit:pos\n"
                            + "a,pos,0,0.2,0.7\nb,neg,1,0.6,0.3\nc,pos,1,0.5,0.5\n"),
                    "--json",
                    f.freshOutput("r.json")),
            "r.csv: has no row for ",
            "t.csv row 4; every file must list the same rows"),
        bad(
            "reference outputs with a row the target lacks",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv"),
                    "--reference-outputs",
                    f.referenceOutputs("r.csv", "e,neg,1,0.1,0.1"),
                    "--json",
                    f.freshOutput("r.json")),
            "r.csv row 5: no row with this text and label in "),
        bad(
            "reference outputs with other labels",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv"),
                    "--reference-outputs",
                    f.file(
                        "r.csv",
                        Files.readString(Path.of(f.referenceOutputs("r0.csv")))
                            .replace("logit:pos", "logit:other")),
                    "--json",
                    f.freshOutput("r.json")),
            "r.csv row 1 (line 2), column label: 'pos' is not one of the labels of the logit"
                + " columns (neg, other)"),
        bad(
            "reference outputs trained on exactly the target's members",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv"),
                    "--reference-outputs",
                    f.outputs("r.csv"),
                    "--json",
                    f.freshOutput("r.json")),
            "r.csv: its IN rows (member 1) are exactly the audited model's members"),
        bad(
            "reference outputs directory without CSV files",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.outputs("t.csv"),
                    "--reference-outputs",
                    f.dir("refs"),
                    "--json",
                    f.freshOutput("r.json")),
            "refs: no .csv files"),
        bad(
            "an attack that needs logits on losses alone",
            BAD_INPUT,
            f ->
                f.precomputed(
                    f.file(
                        "t.csv",
                        "text,label,member,loss\na,pos,1,0.5\nb,neg,1,0.2\nc,pos,0,0.9\n"
                            + "d,neg,0,1.2\n"),
                    "--attack",
                    "mentr",
                    "--fpr",
                    "0.5",
                    "--json",
                    f.freshOutput("r.json")),
            "attack 'mentr' needs every model's logits for every class"),
        bad(
            "--outputs with --model",
            USAGE,
            f -> f.membership("--outputs", f.outputs("t.csv"), "--json", f.freshOutput("r.json")),
            "--model and --outputs",
            "drop --model"),
        bad(
            "--reference-outputs with a model, missing an audited row",
            BAD_INPUT,
            f ->
                f.membership(
                    "--reference-outputs", f.outputs("r.csv"), "--json", f.freshOutput("r.json")),
            "r.csv row 1: no row with this text and label in the audited rows"),
        bad(
            "--export-outputs into a directory that is not empty",
            USAGE,
            f -> {
              String dir = f.dir("exported");
              f.file("exported/keep.txt", "keep\n");
              return f.membership("--export-outputs", dir, "--json", f.freshOutput("r.json"));
            },
            "--export-outputs ",
            "exported: not empty; give a new or empty directory"),
        bad(
            "--export-outputs with a members file that is not there",
            BAD_INPUT,
            f ->
                f.membership(
                    "--members",
                    f.path("missing.csv"),
                    "--export-outputs",
                    f.freshOutput("exported"),
                    "--json",
                    f.freshOutput("r.json")),
            "missing.csv: file not found"),

        // Training data.
        bad(
            "train on a single-class dataset",
            BAD_INPUT,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.file("one.csv", "text,label\ngreat,positive\ngood,positive\nfine,positive\n"),
                    "--out",
                    f.freshOutput("model")),
            "one.csv: column 'label' has only the label 'positive'",
            "a classifier needs rows of at least two labels"),
        bad(
            "train with an unknown label column",
            BAD_INPUT,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--label-column",
                    "polarity",
                    "--out",
                    f.freshOutput("model")),
            "no column 'polarity' in the header (columns: text, label)",
            "--label-column"),
        bad(
            "train --vocab file missing",
            BAD_INPUT,
            f -> f.train("--vocab", f.path("none.txt")),
            "none.txt: vocabulary file not found",
            "public token list"),
        bad(
            "train --vocab file without a usable word",
            BAD_INPUT,
            f -> f.train("--vocab", f.file("empty.txt", "[PAD]\n##s\n!\n")),
            "empty.txt: the token list holds no usable word"),
        bad(
            "train --vocab names a directory",
            BAD_INPUT,
            f -> f.train("--vocab", f.dir("vocab-dir")),
            "vocab-dir: is a directory; give a token list file"),
        bad(
            "train --tokenizer file missing",
            BAD_INPUT,
            f -> f.train("--tokenizer", f.path("none.json")),
            "none.json: tokenizer file not found"),
        bad(
            "DP training without a vocabulary source",
            USAGE,
            f -> f.train("--target-epsilon", "1"),
            "DP training needs a vocabulary that does not come from the training rows",
            "--vocab FILE",
            "--tokenizer tokenizer.json",
            "--dp-vocab"),
        bad(
            "train --vocab and --dp-vocab together",
            USAGE,
            f -> f.train("--target-epsilon", "1", "--dp-vocab", "--vocab", f.path("v.txt")),
            "give one of --vocab, --tokenizer and --dp-vocab"),
        bad(
            "train --dp-vocab without DP",
            USAGE,
            f -> f.train("--dp-vocab"),
            "--dp-vocab is for DP training"),
        bad(
            "train --dp-vocab-epsilon without --dp-vocab",
            USAGE,
            f -> f.train("--target-epsilon", "1", "--dp-vocab-epsilon", "0.5"),
            "need --dp-vocab"),
        bad(
            "train --dp-vocab-epsilon 0",
            USAGE,
            f -> f.train("--target-epsilon", "1", "--dp-vocab", "--dp-vocab-epsilon", "0"),
            "--dp-vocab-epsilon 0.0 is out of range"),
        bad(
            "train --dp-vocab-epsilon not below --target-epsilon",
            USAGE,
            f -> f.train("--target-epsilon", "1", "--dp-vocab", "--dp-vocab-epsilon", "1"),
            "leaves nothing of --target-epsilon 1.0 for DP-SGD"),
        bad(
            "train --dp-vocab with --noise-multiplier and no --dp-vocab-epsilon",
            USAGE,
            f -> f.train("--noise-multiplier", "1", "--dp-vocab"),
            "needs --dp-vocab-epsilon"),
        bad(
            "train --dp-vocab-delta as large as --delta",
            USAGE,
            f ->
                f.train(
                    "--target-epsilon",
                    "1",
                    "--dp-vocab",
                    "--delta",
                    "1e-5",
                    "--dp-vocab-delta",
                    "1e-5"),
            "--dp-vocab-delta 1.0E-5 is out of range"),
        bad(
            "train --dp-vocab-max-words 0",
            USAGE,
            f -> f.train("--target-epsilon", "1", "--dp-vocab", "--dp-vocab-max-words", "0"),
            "--dp-vocab-max-words 0 is out of range"),
        bad(
            "train --min-count with a public vocabulary",
            USAGE,
            f -> f.train("--vocab", f.path("v.txt"), "--min-count", "2"),
            "--min-count applies only to a vocabulary built from the member rows"),
        bad(
            "train --split unknown",
            USAGE,
            f -> f.train("--split", "random"),
            "unknown --split 'random'; use bernoulli, stratified or none"),
        bad(
            "train --audit-kit inside the bundle",
            USAGE,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.trainingCsv(),
                    "--out",
                    f.freshOutput("model"),
                    "--audit-kit",
                    f.path("model/kit")),
            "is inside the bundle directory",
            "which ships"),
        bad(
            "train --canaries file missing",
            BAD_INPUT,
            f -> f.train("--canaries", f.path("none.json")),
            "none.json: secrets file not found (--canaries)"),
        bad(
            "train --canaries names a directory",
            BAD_INPUT,
            f -> f.train("--canaries", f.dir("secrets-dir")),
            "secrets-dir is a directory"),
        bad(
            "train --canaries with a planted canary the CSV lacks",
            BAD_INPUT,
            f -> f.train("--canaries", f.secrets("pin-1", "1 2 3 4", null)),
            "canary pin-1",
            "no row holds its sentence with that label"),
        bad(
            "train --canaries with an audit-set canary left out but found in the CSV",
            BAD_INPUT,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.file(
                        "planted.csv",
                        Files.readString(Path.of(f.trainingCsv()))
                            + "my pin code is 5 6 7 8,positive\n"),
                    "--out",
                    f.freshOutput("model"),
                    "--canaries",
                    f.secrets("set-7", "5 6 7 8", false)),
            "planted.csv row 21 (line 22) holds audit-set canary set-7, whose inclusion bit is"
                + " false"),
        bad(
            "train on too few rows to split",
            BAD_INPUT,
            f ->
                List.of(
                    "train",
                    "--data",
                    f.file("tiny.csv", "text,label\ngreat,positive\nawful,negative\n"),
                    "--out",
                    f.freshOutput("model")),
            "too few for the bernoulli",
            "each part needs at least 2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsOneLineWithTheDocumentedExitAndNoPartialOutput(Case c) throws Exception {
    Fixture f = new Fixture(tmp);
    List<String> args = c.args().build(f);
    Cli.Result r = Cli.run(args.toArray(new String[0]));
    assertContract(r, c.exit(), c.fragments());
    f.assertNoPartialOutput();
  }

  @Test
  void unreadableCsv() throws Exception {
    Fixture f = new Fixture(tmp);
    Path members = f.bytes("locked.csv", Files.readAllBytes(Path.of(f.members())));
    Files.setPosixFilePermissions(members, Set.of());
    try {
      Assumptions.assumeFalse(
          Files.isReadable(members),
          "running as root: chmod 000 does not stop root from reading, so the unreadable-file"
              + " case cannot be tested here");
      Cli.Result r =
          Cli.run(
              f.membership(
                      "--members",
                      members.toString(),
                      "--non-members",
                      f.nonMembers(),
                      "--json",
                      f.freshOutput("r.json"))
                  .toArray(new String[0]));
      assertContract(
          r, BAD_INPUT, List.of("locked.csv: permission denied; make the file readable"));
      f.assertNoPartialOutput();
    } finally {
      Files.setPosixFilePermissions(
          members, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void utf8ByteOrderMarkIsAccepted() throws Exception {
    Fixture f = new Fixture(tmp);
    byte[] bom = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    Path members = f.bytes("members.csv", withPrefix(bom, Path.of(f.members())));
    Path nonMembers = f.bytes("nonmembers.csv", withPrefix(bom, Path.of(f.nonMembers())));
    Path json = tmp.resolve("r.json");
    Cli.Result r =
        Cli.run(
            f.membership(
                    "--members",
                    members.toString(),
                    "--non-members",
                    nonMembers.toString(),
                    "--attack",
                    "loss",
                    "--json",
                    json.toString())
                .toArray(new String[0]));
    assertEquals(0, r.exit(), r.err());
    // The BOM is not part of the first column's name, and every row is read.
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(dataRows(Path.of(f.members())), root.get("members").asLong(), root.toString());
    assertEquals(
        dataRows(Path.of(f.nonMembers())), root.get("non_members").asLong(), root.toString());

    Path planted = tmp.resolve("planted.csv");
    Cli.Result plant =
        Cli.run(
            f.plant(members.toString(), planted.toString(), tmp.resolve("s.json").toString())
                .toArray(new String[0]));
    assertEquals(0, plant.exit(), plant.err());
    assertTrue(Files.readString(planted).startsWith("text,label\n"), "no BOM in the header");
  }

  private static long dataRows(Path csv) throws IOException {
    // The sample split files are written one record per line.
    try (Stream<String> lines = Files.lines(csv)) {
      return lines.count() - 1;
    }
  }

  private static byte[] withPrefix(byte[] prefix, Path file) throws IOException {
    byte[] body = Files.readAllBytes(file);
    byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return all;
  }

  /** One line on stderr with every fragment, the exit code, no stack trace. */
  static void assertContract(Cli.Result r, int exit, List<String> fragments) {
    assertEquals(exit, r.exit(), "exit code; stderr: " + r.err());
    assertEquals(1, r.errLines().size(), "exactly one line on stderr: " + r.err());
    assertTrue(r.err().startsWith("trustml: "), r.err());
    for (String fragment : fragments) {
      assertTrue(r.err().contains(fragment), "'" + fragment + "' not in: " + r.err());
    }
    assertFalse(r.err().contains("\tat "), "stack trace printed: " + r.err());
    assertFalse(r.err().contains("Exception"), "exception class in the message: " + r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  /** A scratch directory for one case, and the outputs the case must not leave half-written. */
  static final class Fixture {
    private static final byte[] PREVIOUS = "previous content\n".getBytes(StandardCharsets.UTF_8);

    final Path tmp;
    private final List<Path> fresh = new ArrayList<>();
    private final Map<Path, byte[]> existing = new LinkedHashMap<>();

    Fixture(Path tmp) {
      this.tmp = tmp;
    }

    String path(String name) {
      return tmp.resolve(name).toString();
    }

    String file(String name, String content) throws IOException {
      return bytes(name, content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    Path bytes(String name, byte[] content) throws IOException {
      Path p = tmp.resolve(name);
      Files.write(p, content);
      return p;
    }

    String dir(String name) throws IOException {
      return Files.createDirectories(tmp.resolve(name)).toString();
    }

    /** An output path that does not exist and must not exist after the failed run. */
    String freshOutput(String name) {
      return freshOutput(tmp, name);
    }

    String freshOutput(Path dir, String name) {
      Path p = dir.resolve(name);
      fresh.add(p);
      return p.toString();
    }

    /** An output path that holds earlier content, which the failed run must leave alone. */
    String existingOutput(String name) throws IOException {
      Path p = tmp.resolve(name);
      Files.write(p, PREVIOUS);
      existing.put(p, PREVIOUS);
      return p.toString();
    }

    void assertNoPartialOutput() throws IOException {
      for (Path p : fresh) {
        assertFalse(Files.exists(p), p + " was written by a failed run");
      }
      for (Map.Entry<Path, byte[]> e : existing.entrySet()) {
        assertArrayEquals(
            e.getValue(), Files.readAllBytes(e.getKey()), e.getKey() + " was overwritten");
      }
      try (Stream<Path> all = Files.walk(tmp)) {
        List<Path> temporary =
            all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        assertEquals(List.of(), temporary, "temporary files left behind");
      }
    }

    String members() {
      return SampleModels.root().resolve("sentiment/members.csv").toString();
    }

    String nonMembers() {
      return SampleModels.root().resolve("sentiment/nonmembers.csv").toString();
    }

    /** A small two-class training CSV. */
    String trainingCsv() throws IOException {
      StringBuilder csv = new StringBuilder("text,label\n");
      String[] good = {"great food", "lovely staff", "really good", "nice place", "good value"};
      String[] bad = {"awful food", "rude staff", "really bad", "dirty place", "poor value"};
      for (int i = 0; i < 10; i++) {
        csv.append(good[i % 5]).append(",positive\n").append(bad[i % 5]).append(",negative\n");
      }
      return file("train.csv", csv.toString());
    }

    /**
     * A copy of sample-models/sentiment/VARIANT with the split and secrets files its card names
     * (../members.csv, ../nonmembers.csv, ../secrets.json), safe to corrupt.
     */
    Path bundleCopy(String variant) throws IOException {
      Path source = SampleModels.root().resolve("sentiment");
      Path dataset = Files.createDirectories(tmp.resolve("sentiment"));
      for (String shared : new String[] {"members.csv", "nonmembers.csv", "secrets.json"}) {
        Files.copy(source.resolve(shared), dataset.resolve(shared));
      }
      Path bundle = Files.createDirectories(dataset.resolve(variant));
      try (Stream<Path> files = Files.list(source.resolve(variant))) {
        for (Path p : files.toList()) {
          Files.copy(p, bundle.resolve(p.getFileName()));
        }
      }
      return bundle;
    }

    void editCard(Path bundle, String from, String to) throws IOException {
      Path card = bundle.resolve("trustml-model.json");
      String text = Files.readString(card);
      assertTrue(text.contains(from), "card has no '" + from + "'");
      Files.writeString(card, text.replace(from, to));
    }

    /** Sets the first {@code "field" : number} of the card to {@code value}. */
    void editCardField(Path bundle, String field, String value) throws IOException {
      Path card = bundle.resolve("trustml-model.json");
      String text = Files.readString(card);
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\"" + field + "\" : [-0-9.eE+]+").matcher(text);
      assertTrue(m.find(), "card has no numeric '" + field + "'");
      Files.writeString(card, m.replaceFirst("\"" + field + "\" : " + value));
    }

    /**
     * A precomputed-outputs file of four rows with logits (a and b members, c and d not), and the
     * extra lines after them.
     */
    String outputs(String name, String... extraLines) throws IOException {
      StringBuilder csv =
          new StringBuilder(
              "text,label,member,logit:neg,logit:pos\n"
                  + "a,pos,1,0.1,0.9\nb,neg,1,0.8,0.2\nc,pos,0,0.4,0.5\nd,neg,0,0.3,0.1\n");
      for (String line : extraLines) {
        csv.append(line).append('\n');
      }
      return file(name, csv.toString());
    }

    /** A reference model's outputs on the rows of {@link #outputs}, IN for a and c. */
    String referenceOutputs(String name, String... extraLines) throws IOException {
      StringBuilder csv =
          new StringBuilder(
              "text,label,member,logit:neg,logit:pos\n"
                  + "a,pos,1,0.2,0.7\nb,neg,0,0.6,0.3\nc,pos,1,0.5,0.5\nd,neg,0,0.4,0.2\n");
      for (String line : extraLines) {
        csv.append(line).append('\n');
      }
      return file(name, csv.toString());
    }

    /** {@code audit membership --outputs FILE} plus {@code extra}. */
    List<String> precomputed(String outputsFile, String... extra) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "audit", "membership", "--quiet", "--bootstrap", "20", "--outputs", outputsFile));
      args.addAll(List.of(extra));
      return args;
    }

    List<String> membership(String... extra) {
      return membershipOf(SampleModels.bundle("sentiment", "nodp"), extra);
    }

    List<String> membershipOf(Path model, String... extra) {
      List<String> args =
          new ArrayList<>(List.of("audit", "membership", "--quiet", "--model", model.toString()));
      if (!List.of(extra).contains("--bootstrap")) {
        args.addAll(List.of("--bootstrap", "20")); // fast; an option may be given only once
      }
      args.addAll(List.of(extra));
      return args;
    }

    /** {@code shadow plan} of the sample model into a fresh directory, failing here or not. */
    List<String> planArgs(String... extra) {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "shadow",
                  "plan",
                  "--model",
                  SampleModels.bundle("sentiment", "nodp").toString(),
                  "--out",
                  freshOutput("plan")));
      args.addAll(List.of(extra));
      return args;
    }

    /** A plan of the sample model written now (its models untrained); returns its directory. */
    String plan(String... extra) {
      Path dir = tmp.resolve("plan-" + (plans++));
      List<String> args =
          new ArrayList<>(
              List.of(
                  "shadow",
                  "plan",
                  "--model",
                  SampleModels.bundle("sentiment", "nodp").toString(),
                  "--out",
                  dir.toString()));
      args.addAll(List.of(extra));
      Cli.Result r = Cli.run(args.toArray(new String[0]));
      assertEquals(0, r.exit(), r.err());
      return dir.toString();
    }

    private int plans;

    /** A pool row of a plan: its number (1 for the first) and its CSV line (text,label). */
    record PoolRow(int number, String line) {}

    /**
     * A one-model Bernoulli plan of the sample model whose model is given as outputs.csv: {@code
     * header}, then per pool row the line {@code line} makes of it and whether the plan has it IN
     * (no line when null). Returns the plan's directory.
     */
    String planWithOutputs(String header, BiFunction<PoolRow, Boolean, String> line)
        throws Exception {
      Path dir = Path.of(plan("--models", "1", "--assignment", "bernoulli"));
      List<String> pool = Files.readAllLines(dir.resolve("pool.csv"));
      boolean[] in = ReferencePlanFile.read(dir).models().get(0).in(pool.size() - 1);
      StringBuilder csv = new StringBuilder(header).append('\n');
      for (int i = 1; i < pool.size(); i++) {
        String out = line.apply(new PoolRow(i, pool.get(i)), in[i - 1]);
        if (out != null) {
          csv.append(out).append('\n');
        }
      }
      Path models = Files.createDirectories(dir.resolve("models/ref-000"));
      Files.writeString(models.resolve("outputs.csv"), csv.toString());
      return dir.toString();
    }

    List<String> canary(String... extra) {
      return canaryOf(SampleModels.bundle("sentiment", "nodp"), extra);
    }

    List<String> canaryOf(Path model, String... extra) {
      List<String> args =
          new ArrayList<>(List.of("audit", "canary", "--quiet", "--model", model.toString()));
      args.addAll(List.of(extra));
      return args;
    }

    /** {@code canary plant --audit-set M} on the small training CSV, plus {@code extra}. */
    List<String> plantAuditSet(String size, String... extra) throws IOException {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "canary",
                  "plant",
                  "--data",
                  trainingCsv(),
                  "--audit-set",
                  size,
                  "--out",
                  freshOutput("out.csv"),
                  "--secrets-out",
                  freshOutput("audit-secrets.json")));
      args.addAll(List.of(extra));
      return args;
    }

    /** {@code train} on {@link #trainingCsv()} into a fresh bundle (and its fresh audit kit). */
    List<String> train(String... extra) throws IOException {
      List<String> args =
          new ArrayList<>(List.of("train", "--data", trainingCsv(), "--out", freshOutput("model")));
      freshOutput("model.audit");
      args.addAll(List.of(extra));
      return args;
    }

    /** A secrets file with one canary of {@link #PIN} (included: null, true or false). */
    String secrets(String id, String secret, Boolean included) throws IOException {
      return file(
          "secrets.json",
          "{\"canaries\":[{\"id\":\""
              + id
              + "\",\"template\":\""
              + PIN
              + "\",\"label\":\"positive\",\"repetitions\":2,\"secret\":\""
              + secret
              + "\""
              + (included == null ? "" : ",\"included\":" + included)
              + "}]}");
    }

    List<String> plant(String data, String out, String secretsOut) {
      return List.of(
          "canary",
          "plant",
          "--data",
          data,
          "--canary",
          PIN,
          "--label",
          "positive",
          "--repeat",
          "2",
          "--out",
          out,
          "--secrets-out",
          secretsOut);
    }
  }
}
