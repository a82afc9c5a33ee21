package dev.trustml.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No package of the core's model layer depends, directly or through others, on a package that
 * depends back on it: the package graph of {@code target/classes}, from the JDK's {@code jdeps},
 * has no strongly connected component of more than one package among {@code dev.trustml.model*}.
 */
class PackageCyclesTest {
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(dev\\.trustml\\.[\\w.]+)\\s+->\\s+(dev\\.trustml\\.[\\w.]+)\\s");

  /** Package-to-package dependencies among trustml's packages in {@code classes}. */
  static Map<String, Set<String>> packageGraph(Path classes) {
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            classes.toString());
    assertEquals(0, status, err.toString());
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\n")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && !m.group(1).equals(m.group(2))) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
      }
    }
    return graph;
  }

  /** Strongly connected components of more than one package (Tarjan's algorithm). */
  static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> out = new ArrayList<>();
    int[] counter = {0};
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out, counter);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]++);
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out, counter);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component);
      }
    }
  }

  @Test
  void findsACycleWhereThereIsOne() {
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("a", Set.of("b"));
    g.put("b", Set.of("c"));
    g.put("c", Set.of("a"));
    g.put("d", Set.of("a"));
    assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
  }

  @Test
  void theModelPackagesHaveNoCycle() {
    Path classes = Path.of("target/classes");
    assertTrue(Files.isDirectory(classes), "run from the attacks module");
    Map<String, Set<String>> graph = packageGraph(classes);
    assertTrue(graph.containsKey("dev.trustml.model"), "jdeps saw the packages: " + graph);
    List<Set<String>> model =
        cycles(graph).stream()
            .filter(c -> c.stream().anyMatch(p -> p.startsWith("dev.trustml.model")))
            .toList();
    assertEquals(List.of(), model, "package cycles in the model layer");
  }
}
