package dev.trustml.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as a user gets it: the tarball built by {@code package} is extracted into a temporary
 * directory, its {@code bin/trustml} is put on PATH through a symlink, and the commands run from
 * another working directory on a copied sample bundle, in an environment with Java (through
 * JAVA_HOME) and a handful of coreutils but no Maven and no repository. Runs in the {@code verify}
 * phase (failsafe), after the tarball exists.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseTarballIT {
  /** The only programs on PATH besides trustml: what bin/trustml needs (no java, no mvn). */
  private static final List<String> TOOLS =
      List.of("bash", "env", "readlink", "dirname", "cksum", "cut", "mkdir", "mv", "rm");

  @TempDir static Path tmp;
  static Path release;
  static Path path;
  static Path work;

  /** Exit code and output of one command. */
  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void extractTheTarball() throws Exception {
    Path tarball = Path.of(System.getProperty("trustml.tarball"));
    assertTrue(Files.isRegularFile(tarball), "no tarball at " + tarball + "; run mvn package");
    Path opt = Files.createDirectories(tmp.resolve("opt"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", opt.toString())
            .inheritIO()
            .start();
    assertTrue(tar.waitFor(300, TimeUnit.SECONDS), "tar did not finish");
    assertEquals(0, tar.exitValue(), "tar failed");
    release = opt.resolve("trustml-" + System.getProperty("trustml.version"));

    path = Files.createDirectories(tmp.resolve("path"));
    Files.createSymbolicLink(path.resolve("trustml"), release.resolve("bin/trustml"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(path.resolve(tool), which(tool));
    }

    // The user's project: a model bundle and its data, somewhere else than the release.
    work = Files.createDirectories(tmp.resolve("work"));
    Path samples = Path.of(System.getProperty("trustml.samples")).resolve("sentiment");
    Path models = Files.createDirectories(work.resolve("models/sentiment"));
    for (String f : List.of("members.csv", "nonmembers.csv", "secrets.json")) {
      Files.copy(samples.resolve(f), models.resolve(f));
    }
    Path eps8 = Files.createDirectories(models.resolve("eps8"));
    try (Stream<Path> files = Files.list(samples.resolve("eps8"))) {
      for (Path f : files.toList()) {
        Files.copy(f, eps8.resolve(f.getFileName()));
      }
    }
    Files.createDirectories(work.resolve("out"));
  }

  /** The tool links point outside the temporary directory: remove them before JUnit cleans up. */
  @AfterAll
  static void removeToolLinks() throws IOException {
    for (String tool : TOOLS) {
      Files.deleteIfExists(path.resolve(tool));
    }
  }

  private static Path which(String tool) {
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " not found in /usr/bin or /bin");
  }

  /** Runs {@code trustml args} as a user would, from the work directory, found through PATH. */
  static Run trustml(Map<String, String> extraEnv, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("trustml"));
    cmd.addAll(List.of(args));
    // ProcessBuilder resolves the program with the parent's PATH: give it the symlink's path.
    cmd.set(0, path.resolve("trustml").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
    env.put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // libtorch's native libraries: the shared extraction the other tests use (450 MB, read-only
    // after the first extraction); a fresh one here would only add time and disk.
    env.put("DJL_CACHE_DIR", System.getProperty("trustml.djlCache"));
    env.putAll(extraEnv);
    pb.redirectOutput(tmp.resolve("stdout.txt").toFile());
    pb.redirectError(tmp.resolve("stderr.txt").toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "trustml " + String.join(" ", args) + " hung");
    return new Run(
        p.exitValue(),
        Files.readString(tmp.resolve("stdout.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8));
  }

  static Run trustml(String... args) throws Exception {
    return trustml(Map.of(), args);
  }

  @Test
  @Order(1)
  void releaseHoldsTheLauncherLibrariesCompletionAndNotices() throws IOException {
    assertTrue(Files.isExecutable(release.resolve("bin/trustml")), "bin/trustml is executable");
    for (String f :
        List.of(
            "README.md",
            "LICENSE",
            "THIRD-PARTY.md",
            "CHANGELOG.md",
            "completion/trustml.bash",
            "completion/trustml.zsh",
            "lib/trustml.classlist")) {
      assertTrue(Files.isRegularFile(release.resolve(f)), f + " is in the release");
    }
    Set<String> jars;
    try (Stream<Path> files = Files.list(release.resolve("lib"))) {
      jars =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".jar"))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    String version = System.getProperty("trustml.version");
    List<String> own =
        List.of("cli", "attacks", "reports", "tokenizers-hf", "engine-pytorch", "engine-onnx");
    for (String module : own) {
      assertTrue(
          jars.contains("trustml-" + module + "-" + version + ".jar"), module + " in " + jars);
    }
    // Exactly the bundled third-party libraries of THIRD-PARTY.md, plus trustml's own jars.
    assertEquals(ThirdPartyNoticesTest.noticed().size() + own.size(), jars.size(), jars.toString());
    assertTrue(
        Files.isRegularFile(release.resolve("licenses/jackson-core/NOTICE")),
        "notices of the bundled jars are copied");
    assertTrue(
        Files.isRegularFile(release.resolve("licenses/onnxruntime/ThirdPartyNotices.txt")),
        "ONNX Runtime's notices, kept at its jar's root, are copied too");
  }

  @Test
  @Order(2)
  void versionComesFromTheBuild() throws Exception {
    Run r = trustml("--version");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "trustml " + System.getProperty("trustml.version"), r.out().lines().findFirst().get());
    assertEquals("", r.err());
  }

  @Test
  @Order(3)
  void inspectsAModelInTheUsersDirectory() throws Exception {
    Run r = trustml("model", "inspect", "models/sentiment/eps8");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("sentiment-eps8"), r.out());
  }

  @Test
  @Order(4)
  void auditsAndGatesWithTheDocumentedExitCodes() throws Exception {
    Run audit =
        trustml(
            "audit",
            "membership",
            "--model",
            "models/sentiment/eps8",
            "--bootstrap",
            "50",
            "--quiet",
            "--json",
            "out/membership.json",
            "--markdown",
            "out/membership.md",
            "--junit",
            "out/gate.xml",
            "--fail-if",
            "auc>0.99");
    assertEquals(0, audit.exit(), audit.err());
    for (String f : List.of("membership.json", "membership.md", "gate.xml")) {
      assertTrue(Files.size(work.resolve("out").resolve(f)) > 0, f + " written");
    }
    // The sample model leaks a little (AUC about 0.58): a 0.5 limit fails the gate (exit 1), a 0.9
    // limit passes it (exit 0).
    Run fails = trustml("gate", "out/membership.json", "--fail-if", "auc>0.5");
    assertEquals(1, fails.exit(), fails.out() + fails.err());
    Run passes = trustml("gate", "out/membership.json", "--fail-if", "auc>0.9");
    assertEquals(0, passes.exit(), passes.out() + passes.err());
  }

  @Test
  @Order(5)
  void badInputAndUsageErrorsAreOneLineWithTheirExitCodes() throws Exception {
    Run missing = trustml("model", "inspect", "models/no-such-model");
    assertEquals(3, missing.exit(), missing.err());
    assertEquals(1, missing.err().lines().count(), missing.err());
    Run usage = trustml("gate", "out/membership.json", "--no-such-option");
    assertEquals(2, usage.exit(), usage.err());
    assertEquals(1, usage.err().lines().count(), usage.err());
    // The Spark executor is an add-on the tarball does not hold: the launcher says where it goes.
    Run spark =
        trustml(
            "audit",
            "membership",
            "--model",
            "models/sentiment/eps8",
            "--shadow-models",
            "2",
            "--executor",
            "spark",
            "--spark-master",
            "local[1]");
    assertEquals(2, spark.exit(), spark.err());
    assertEquals(1, spark.err().lines().count(), spark.err());
    assertTrue(spark.err().contains("--executor spark needs the Spark add-on"), spark.err());
    assertTrue(spark.err().contains("TRUSTML_SPARK_LIB"), spark.err());
    // The benchmark is a separate module (make bench), not a command of the release.
    Run bench = trustml("bench");
    assertEquals(2, bench.exit(), bench.err());
  }

  @Test
  @Order(6)
  void startsFromAClassDataSharingArchiveBuiltForThisDirectory() throws Exception {
    // The earlier runs built the archive in the user's cache (XDG_CACHE_HOME)...
    Path cds = tmp.resolve("cache/trustml/cds");
    try (Stream<Path> files = Files.list(cds)) {
      assertEquals(1, files.filter(f -> f.toString().endsWith(".jsa")).count(), "one archive");
    }
    // ...and the JVM maps trustml's classes from it, although the release was built elsewhere.
    Run r = trustml(Map.of("TRUSTML_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
    assertEquals(0, r.exit(), r.err());
    assertTrue(
        r.out().contains("dev.trustml.cli.Trustml source: shared objects file"),
        "trustml's main class comes from the archive");
    Run off =
        trustml(
            Map.of("TRUSTML_CDS", "off", "TRUSTML_JAVA_OPTS", "-Xlog:class+load=info"),
            "--version");
    assertFalse(off.out().contains("dev.trustml.cli.Trustml source: shared objects file"));
  }
}
