package dev.trustml.audit.shadow;

import java.nio.file.Path;

/**
 * How to obtain reference (shadow) models for LiRA and RMIA.
 *
 * @param count how many; each audit row is IN for exactly half of them (so count must be even)
 * @param seed seeds the IN/OUT assignment and every model's training
 * @param cacheDir the {@link ShadowCache} directory, shared with other audits (null: a private
 *     temporary one, deleted afterwards)
 * @param threads models trained at once by the local executor
 * @param trainCommand the user's command that trains one model, or null for the target's recipe
 * @param executor where the jobs run, or null for a {@link LocalExecutor} with {@code threads}
 */
public record ShadowPlan(
    int count,
    long seed,
    Path cacheDir,
    int threads,
    TrainCommandTemplate trainCommand,
    ReferenceExecutor executor) {

  /** trustml's recipe, on local threads. */
  public ShadowPlan(int count, long seed, Path cacheDir, int threads) {
    this(count, seed, cacheDir, threads, null, null);
  }
}
