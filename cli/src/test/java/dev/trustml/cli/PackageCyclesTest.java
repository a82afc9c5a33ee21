package dev.trustml.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trustml.engine.onnx.OnnxProvider;
import dev.trustml.engine.pytorch.TorchScriptProvider;
import dev.trustml.membership.Attack;
import dev.trustml.reports.ResultsJson;
import dev.trustml.tokenizers.hf.HuggingFaceTokenizerProvider;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * No package cycles in trustml's modules: a package may depend on another only if that one does not
 * depend back, directly or through others. Cycles make a package impossible to understand, test or
 * move on its own. The walk reads the compiled classes of {@code attacks}, {@code reports}, {@code
 * cli} and the engine modules (every class named in each class file's constant pool, including
 * types that appear only in signatures) and finds the strongly connected components of the package
 * graph.
 */
class PackageCyclesTest {
  private static final Pattern TYPE = Pattern.compile("L(dev/trustml/[A-Za-z0-9_/$]+);");

  @Test
  void noPackageCyclesInAnyModule() throws Exception {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    for (Class<?> anchor :
        List.of(
            Attack.class,
            ResultsJson.class,
            Trustml.class,
            TorchScriptProvider.class,
            OnnxProvider.class,
            HuggingFaceTokenizerProvider.class)) {
      readClasses(location(anchor), graph);
    }
    assertTrue(graph.containsKey("dev.trustml.audit"), "the walk found the audit package");
    assertTrue(
        graph.get("dev.trustml.engine.pytorch").containsKey("dev.trustml.model"),
        "the walk sees the engines' use of the core");
    assertTrue(
        graph.get("dev.trustml.audit").containsKey("dev.trustml.membership"),
        "the walk sees the audit package's use of attacks");
    List<String> problems = new ArrayList<>();
    for (Set<String> cycle : cycles(graph)) {
      problems.add(describe(cycle, graph));
    }
    assertEquals(List.of(), problems, "package cycles");
  }

  @Test
  void findsACycle() {
    Map<String, Map<String, String>> graph = new TreeMap<>();
    graph.computeIfAbsent("a", k -> new TreeMap<>()).put("b", "a.X -> b.Y");
    graph.computeIfAbsent("b", k -> new TreeMap<>()).put("c", "b.Y -> c.Z");
    graph.computeIfAbsent("c", k -> new TreeMap<>()).put("a", "c.Z -> a.X");
    graph.computeIfAbsent("d", k -> new TreeMap<>()).put("a", "d.W -> a.X");
    assertEquals(List.of(Set.of("a", "b", "c")), cycles(graph));
  }

  private static Path location(Class<?> anchor) throws URISyntaxException {
    return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Adds every class under {@code root} (a classes directory or a jar) to the graph. */
  private static void readClasses(Path root, Map<String, Map<String, String>> graph)
      throws IOException {
    if (Files.isDirectory(root)) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f :
            (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
          addClass(Files.readAllBytes(f), graph);
        }
      }
      return;
    }
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(root))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().endsWith(".class")) {
          addClass(zip.readAllBytes(), graph);
        }
      }
    }
  }

  private static void addClass(byte[] bytes, Map<String, Map<String, String>> graph)
      throws IOException {
    ClassRefs refs = ClassRefs.read(new ByteArrayInputStream(bytes));
    if (!refs.self.startsWith("dev/trustml/")) {
      return;
    }
    String from = packageOf(refs.self);
    Map<String, String> edges = graph.computeIfAbsent(from, k -> new TreeMap<>());
    for (String target : refs.referenced) {
      String to = packageOf(target);
      if (target.startsWith("dev/trustml/") && !to.equals(from)) {
        edges.putIfAbsent(to, refs.self.replace('/', '.') + " -> " + target.replace('/', '.'));
      }
    }
  }

  private static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return internalName.substring(0, Math.max(0, slash)).replace('/', '.');
  }

  /** The package sets of the strongly connected components with more than one package (Tarjan). */
  static List<Set<String>> cycles(Map<String, Map<String, String>> graph) {
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
      Map<String, Map<String, String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> out,
      int[] counter) {
    index.put(v, counter[0]);
    low.put(v, counter[0]);
    counter[0]++;
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
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
        out.add(Set.copyOf(component));
      }
    }
  }

  /** The cycle's packages and one class-level edge between each pair of them. */
  private static String describe(Set<String> cycle, Map<String, Map<String, String>> graph) {
    StringBuilder text = new StringBuilder("cycle " + new TreeSet<>(cycle) + ":");
    for (String from : new TreeSet<>(cycle)) {
      for (Map.Entry<String, String> e : graph.get(from).entrySet()) {
        if (cycle.contains(e.getKey())) {
          text.append(" ").append(e.getValue()).append(";");
        }
      }
    }
    return text.toString();
  }

  /** The classes one class file names: its own and every other in its constant pool. */
  private record ClassRefs(String self, Set<String> referenced) {
    static ClassRefs read(InputStream bytes) throws IOException {
      DataInputStream in = new DataInputStream(bytes);
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException("not a class file");
      }
      in.readUnsignedShort(); // minor version
      in.readUnsignedShort(); // major version
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      int[] classNameIndex = new int[count];
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1 -> utf8[i] = in.readUTF();
          case 7 -> classNameIndex[i] = in.readUnsignedShort();
          case 8, 16, 19, 20 -> in.readUnsignedShort(); // String, MethodType, Module, Package
          case 15 -> { // MethodHandle
            in.readUnsignedByte();
            in.readUnsignedShort();
          }
          case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // 4-byte entries and index pairs
          case 5, 6 -> { // long, double: two slots
            in.readLong();
            i++;
          }
          default -> throw new IOException("unknown constant pool tag " + tag);
        }
      }
      in.readUnsignedShort(); // access flags
      String self = utf8[classNameIndex[in.readUnsignedShort()]];
      Set<String> referenced = new TreeSet<>();
      for (int i = 1; i < count; i++) {
        if (classNameIndex[i] != 0) {
          String name = utf8[classNameIndex[i]];
          if (!name.startsWith("[")) {
            referenced.add(name);
          }
        }
        if (utf8[i] != null) {
          // Descriptors and signatures name types used only in declarations.
          Matcher m = TYPE.matcher(utf8[i]);
          while (m.find()) {
            referenced.add(m.group(1));
          }
        }
      }
      return new ClassRefs(self, referenced);
    }
  }
}
