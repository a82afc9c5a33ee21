package dev.trustml.cli;

import dev.trustml.audit.shadow.ReferenceExecutor;
import dev.trustml.audit.shadow.ReferenceExecutorProvider;
import dev.trustml.error.TrustmlException;
import dev.trustml.error.UsageException;
import java.util.Locale;
import java.util.Map;

/**
 * Where {@code --shadow-models} runs, from {@code --executor}, {@code --spark-master} and {@code
 * --spark-conf}: the local executor (null: the audit makes one with {@code --threads}), or Spark
 * through its optional module, found on the class path.
 */
record ReferenceExecutorChoice(String name, String master, Map<String, String> settings) {
  static final String LOCAL = "local";
  static final String SPARK = "spark";

  /** Checks the options before any work. */
  static ReferenceExecutorChoice of(
      String executor, String master, Map<String, String> settings, int shadowModels)
      throws UsageException {
    String name = executor.toLowerCase(Locale.ROOT);
    if (!name.equals(LOCAL) && !name.equals(SPARK)) {
      throw new UsageException("unknown --executor '" + executor + "'; use local or spark");
    }
    if (name.equals(SPARK)) {
      if (master == null || master.isBlank()) {
        throw new UsageException(
            "--executor spark needs --spark-master URL (e.g. local[2] or spark://host:7077)");
      }
      if (shadowModels == 0) {
        throw new UsageException(
            "--executor spark trains the --shadow-models reference models; add --shadow-models N");
      }
    } else if (master != null || !settings.isEmpty()) {
      throw new UsageException("--spark-master and --spark-conf need --executor spark");
    }
    return new ReferenceExecutorChoice(name, master, Map.copyOf(settings));
  }

  /** The executor to hand the audit: null for the local one (the audit makes it). */
  ReferenceExecutor open() throws TrustmlException {
    if (name.equals(LOCAL)) {
      return null;
    }
    ReferenceExecutorProvider provider =
        ReferenceExecutorProvider.find(SPARK)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--executor spark needs trustml's Spark module, which is not on the class"
                            + " path: install the Spark add-on (make dist-spark) and point"
                            + " TRUSTML_SPARK_LIB at its lib directory"));
    return provider.open(master, settings);
  }
}
