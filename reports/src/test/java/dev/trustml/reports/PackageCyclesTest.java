package dev.trustml.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
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
 * The packages of this module form no cycle, checked on the compiled classes with the JDK's {@code
 * jdeps}. The layering that keeps it so: {@code reports.text} (wording and numbers) and {@code
 * reports.schema} (result kinds and their schemas) at the bottom, {@code reports.gate} above them,
 * the HTML report ({@code reports.html}) above the gate, and {@code reports} itself on top, where
 * the format registry names every renderer.
 */
class PackageCyclesTest {
  private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)\\s+.*$");

  @Test
  void reportsPackagesFormNoCycle() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDir(), "dev.trustml.reports");
    assertTrue(graph.size() >= 5, "jdeps saw too few packages: " + graph.keySet());
    // Edges the code certainly has: the graph is read, not empty.
    assertTrue(graph.get("dev.trustml.reports").contains("dev.trustml.reports.html"), "" + graph);
    assertTrue(
        graph.get("dev.trustml.reports.html").contains("dev.trustml.reports.gate"), "" + graph);
    assertEquals(List.of(), cycles(graph), "package cycles (each a strongly connected set)");
  }

  @Test
  void subpackagesNeverDependOnTheRegistryPackage() throws Exception {
    Map<String, Set<String>> graph = packageGraph(classesDir(), "dev.trustml.reports");
    graph.forEach(
        (from, to) -> {
          if (!from.equals("dev.trustml.reports")) {
            assertTrue(!to.contains("dev.trustml.reports"), from + " depends on " + to);
          }
        });
  }

  /** The finder itself: a two-package cycle and a three-package cycle are found, a chain is not. */
  @Test
  void findsCyclesInAKnownGraph() {
    Map<String, Set<String>> g = new TreeMap<>();
    g.put("a", Set.of("b"));
    g.put("b", Set.of("a", "c"));
    g.put("c", Set.of("d"));
    g.put("d", Set.of("e"));
    g.put("e", Set.of("c"));
    g.put("f", Set.of("a"));
    assertEquals(List.of(List.of("a", "b"), List.of("c", "d", "e")), cycles(g));
    assertEquals(List.of(), cycles(Map.of("x", Set.of("y"), "y", Set.of())));
  }

  private static Path classesDir() throws URISyntaxException {
    return Path.of(ReportFormat.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Package -> packages it uses, for packages under {@code prefix} (self-edges dropped). */
  static Map<String, Set<String>> packageGraph(Path classes, String prefix) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            classes.toString());
    assertEquals(0, status, "jdeps failed: " + err);
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.matches() && m.group(1).startsWith(prefix)) {
        Set<String> uses = graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
        if (m.group(2).startsWith(prefix) && !m.group(2).equals(m.group(1))) {
          uses.add(m.group(2));
        }
      }
    }
    return graph;
  }

  /** Strongly connected sets of more than one package (Tarjan), each sorted, in sorted order. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> found = new ArrayList<>();
    for (String v : new TreeSet<>(graph.keySet())) {
      if (!index.containsKey(v)) {
        strongConnect(v, graph, index, low, stack, onStack, found);
      }
    }
    found.sort((x, y) -> x.get(0).compareTo(y.get(0)));
    return found;
  }

  private static void strongConnect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> found) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        strongConnect(w, graph, index, low, stack, onStack, found);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        component.sort(null);
        found.add(component);
      }
    }
  }
}
