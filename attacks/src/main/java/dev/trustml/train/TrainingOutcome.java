package dev.trustml.train;

import dev.trustml.model.TextClassifierWeights;

/**
 * What a training run produced.
 *
 * @param weights the trained weights
 * @param steps optimiser steps taken
 * @param dpSgd the resolved DP-SGD mechanism, or null for non-private training
 * @param examplesProcessed sum of the batch sizes over all steps
 * @param seconds wall time of the training loop
 * @param cpuSeconds CPU time of the training loop's thread (NaN where the JVM cannot measure it);
 *     unlike wall time it does not grow when other processes compete for the cores
 */
public record TrainingOutcome(
    TextClassifierWeights weights,
    long steps,
    DpSgdConfig dpSgd,
    long examplesProcessed,
    double seconds,
    double cpuSeconds) {}
