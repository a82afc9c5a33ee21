package dev.trustml.spark;

import dev.trustml.audit.shadow.ReferenceExecutor;
import dev.trustml.audit.shadow.ReferenceExecutorProvider;
import dev.trustml.error.ExitCode;
import dev.trustml.error.TrustmlException;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/** The {@code spark} executor: found by the CLI through {@link java.util.ServiceLoader}. */
public final class SparkExecutorProvider implements ReferenceExecutorProvider {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public ReferenceExecutor open(String master, Map<String, String> settings)
      throws TrustmlException {
    try {
      return new SparkReferenceExecutor(
          new JavaSparkContext(
              SparkSettings.of(
                  master, System.getenv(), System.getProperty("java.class.path", ""), settings)));
    } catch (RuntimeException | ExceptionInInitializerError e) {
      throw new TrustmlException(
          ExitCode.BAD_INPUT,
          "cannot start Spark with master '"
              + master
              + "': "
              + e
              + "; check the master URL and the Spark settings (on Java 17 the JVM needs"
              + " Spark's --add-opens flags: the trustml launcher adds them)",
          e);
    }
  }
}
