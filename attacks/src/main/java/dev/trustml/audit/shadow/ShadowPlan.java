package dev.trustml.audit.shadow;

import java.nio.file.Path;

/**
 * How to train reference (shadow) models for LiRA and RMIA.
 *
 * @param count how many; each audit row is IN for exactly half of them (so count must be even)
 * @param seed seeds the IN/OUT assignment and every model's training
 * @param cacheDir the {@link ShadowCache} directory, shared with other audits (null: a private
 *     temporary one, deleted afterwards)
 * @param threads models trained at once
 */
public record ShadowPlan(int count, long seed, Path cacheDir, int threads) {}
