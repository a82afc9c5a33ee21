package dev.trustml.audit.shadow;

import dev.trustml.error.TrustmlException;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes {@link ReferenceExecutor}s of a distributed engine that is not part of trustml's core (a
 * {@link ServiceLoader} provider, e.g. the optional Spark module): the core never names the engine.
 */
public interface ReferenceExecutorProvider {
  /** The executor's name, e.g. {@code spark}. */
  String name();

  /**
   * Connects to the engine.
   *
   * @param master where the engine runs (for Spark: a master URL such as {@code local[2]} or {@code
   *     spark://host:7077})
   * @param settings engine settings passed through (for Spark: configuration keys and values)
   */
  ReferenceExecutor open(String master, Map<String, String> settings) throws TrustmlException;

  /** The provider named {@code name} on the class path, if any. */
  static Optional<ReferenceExecutorProvider> find(String name) {
    for (ReferenceExecutorProvider p : ServiceLoader.load(ReferenceExecutorProvider.class)) {
      if (p.name().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
