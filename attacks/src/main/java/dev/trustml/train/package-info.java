/**
 * trustml's trainer: non-private minibatch training and DP-SGD for the built-in text classifier,
 * and {@link dev.trustml.train.TrainJob}, which turns a labelled CSV into a model bundle with its
 * member / non-member split and a model card.
 *
 * <p><b>Implementation choice: plain Java arrays, not DJL NDArrays.</b> The model is small (a
 * gather-and-mean, two dense layers), so per-example work is a few thousand multiply-adds - less
 * than the overhead of a handful of native tensor calls (7-9 us each through DJL, see the project's
 * DJL notes). Tight loops over {@code double[]} give: determinism (a fixed order of every floating
 * point operation, so the same data and seed give bit-identical weights on any machine with the
 * same JDK), thread safety (each run owns its arrays, so reference models train in parallel
 * threads), no native memory to manage, and speed. Parameters are kept in double and rounded to
 * float once at the end; libtorch only ever runs the finished TorchScript bundle.
 *
 * <p><b>DP-SGD</b> follows Abadi et al. 2016 (Algorithm 1) with Poisson sampling ({@link
 * dev.trustml.train.PoissonSampler}), per-example clipping over all parameters jointly and Gaussian
 * noise N(0, sigma^2 C^2) on the sum, divided by the expected batch size qN. Per-example norms come
 * in closed form without materialising per-example gradients (ghost clipping, {@link
 * dev.trustml.train.BatchPass}); the naive per-example computation ({@link
 * dev.trustml.train.NaiveClipping}) stays as the reference the tests and the benchmark ({@code
 * TrainBench} in the bench module) compare against.
 *
 * <p><b>Embedding noise</b> (V x D Gaussians per step) is what makes DP-SGD slower than non-private
 * training. With plain SGD it is added lazily ({@link dev.trustml.train.LazyRowNoise} explains why
 * that is exact in distribution); with Adam it is drawn eagerly every step, from the JDK's ziggurat
 * Gaussian generator ({@code SplittableRandom.nextGaussian}), which is several times faster than
 * the polar method.
 */
package dev.trustml.train;
