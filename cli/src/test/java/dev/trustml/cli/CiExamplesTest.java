package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.trustml.error.TrustmlException;
import dev.trustml.reports.gate.GatePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The CI files a user copies (examples/*.yml) and the GitHub Action (action.yml) parse as YAML, and
 * every trustml command line in them is accepted by the CLI's own parser with those options and
 * values, its --fail-if checks by the gate: no job that fails on first use because of a renamed
 * command, option or metric. Variables are taken from the files' own env/variables blocks and the
 * action's input defaults, so a command line using an undefined variable fails too.
 */
class CiExamplesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String UNDEFINED = "<undefined variable ";
  private static final Set<String> SCRIPT_KEYS =
      Set.of("run", "script", "before_script", "after_script");

  static List<Path> ciFiles() throws IOException {
    Path root = SampleModels.root().getParent();
    List<Path> files = new ArrayList<>(List.of(root.resolve("action.yml")));
    try (Stream<Path> examples = Files.list(root.resolve("examples"))) {
      examples.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().forEach(files::add);
    }
    return files;
  }

  @Test
  void theActionAndBothExamplesAreChecked() throws IOException {
    List<String> names = ciFiles().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.containsAll(List.of("action.yml", "github-actions.yml", "gitlab-ci.yml")));
  }

  @Test
  void everyTrustmlCommandLineParses() throws IOException {
    for (Path file : ciFiles()) {
      JsonNode doc = YAML.readTree(file.toFile());
      Map<String, String> vars = variables(doc);
      List<List<String>> commands = new ArrayList<>();
      for (String script : scripts(doc)) {
        for (List<String> words : ShellCommands.parse(script, name -> lookup(vars, name))) {
          if (words.get(0).equals("trustml") || words.get(0).endsWith("/trustml")) {
            commands.add(words);
          }
        }
      }
      assertFalse(commands.isEmpty(), file + " runs no trustml command");
      for (List<String> words : commands) {
        check(file, words.subList(1, words.size()));
      }
    }
  }

  @Test
  void aRenamedOptionOrAnUndefinedVariableIsCaught() {
    // The check itself must be able to fail: an option trustml does not have...
    assertThrows(
        () -> check(Path.of("x.yml"), List.of("audit", "membership", "--model", "m", "--shadows")));
    // ...a gate metric it does not know...
    assertThrows(() -> check(Path.of("x.yml"), List.of("gate", "r.json", "--fail-if", "aucc>0.6")));
    // ...and a variable no env block defines.
    List<String> words =
        ShellCommands.parse("trustml audit membership --model \"$MODLE\"", n -> lookup(Map.of(), n))
            .get(0);
    assertThrows(() -> check(Path.of("x.yml"), words.subList(1, words.size())));
  }

  private static void assertThrows(Runnable r) {
    try {
      r.run();
    } catch (AssertionError expected) {
      return;
    }
    fail("the check accepted a bad command line");
  }

  private static void check(Path file, List<String> args) {
    String line = "trustml " + String.join(" ", args);
    for (String a : args) {
      assertFalse(a.contains(UNDEFINED), file + ": " + line);
    }
    CommandLine.ParseResult parsed;
    try {
      parsed = Trustml.commandLine().parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      throw new AssertionError(file + ": " + line + ": " + e.getMessage(), e);
    }
    CommandLine.ParseResult leaf = parsed;
    while (leaf.hasSubcommand()) {
      leaf = leaf.subcommand();
    }
    if (leaf.hasMatchedOption("--fail-if")) {
      List<String> checks = leaf.matchedOption("--fail-if").getValue();
      try {
        assertEquals(checks.size(), GatePolicy.fromOptions(checks).checks().size());
      } catch (TrustmlException e) {
        throw new AssertionError(file + ": " + line + ": " + e.getMessage(), e);
      }
    }
  }

  /** env:, variables: and the action's inputs (their defaults, or a sample path). */
  private static Map<String, String> variables(JsonNode doc) {
    Map<String, String> vars = new HashMap<>();
    JsonNode inputs = doc.path("inputs");
    for (Map.Entry<String, JsonNode> input : inputs.properties()) {
      JsonNode dflt = input.getValue().get("default");
      vars.put("inputs." + input.getKey(), dflt == null ? "your-" + input.getKey() : dflt.asText());
    }
    collectEnv(doc, vars);
    return vars;
  }

  private static void collectEnv(JsonNode node, Map<String, String> vars) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if ((e.getKey().equals("env") || e.getKey().equals("variables"))
            && e.getValue().isObject()) {
          e.getValue().properties().forEach(v -> vars.put(v.getKey(), v.getValue().asText()));
        }
        collectEnv(e.getValue(), vars);
      }
    } else if (node.isArray()) {
      node.forEach(n -> collectEnv(n, vars));
    }
  }

  /** The shell scripts: GitHub's run: and GitLab's script:, before_script: and after_script:. */
  private static List<String> scripts(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (SCRIPT_KEYS.contains(e.getKey())) {
          if (e.getValue().isTextual()) {
            out.add(e.getValue().asText());
          } else {
            e.getValue().forEach(line -> out.add(line.asText()));
          }
        } else {
          out.addAll(scripts(e.getValue()));
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> out.addAll(scripts(n)));
    }
    return out;
  }

  /** A variable's value with ${{ }} expressions inside it resolved; a marker when undefined. */
  private static String lookup(Map<String, String> vars, String name) {
    String key = name.startsWith("env.") ? name.substring(4) : name;
    String value = vars.get(key);
    if (value == null) {
      return UNDEFINED + name + ">";
    }
    return ShellCommands.parse(value, n -> lookup(vars, n)).stream()
        .flatMap(List::stream)
        .reduce((a, b) -> a + " " + b)
        .orElse("");
  }
}
