package dev.trustml.privacy;

/**
 * The two directions of add-or-remove-one adjacency. For Poisson subsampling they give different
 * privacy loss distributions, and a guarantee must hold for the worse of the two (dp_accounting's
 * {@code AdjacencyType}; Zhu, Dong &amp; Wang 2022, "Optimal Accounting of Differential Privacy via
 * Characteristic Function", Sec. 5).
 */
enum Adjacency {
  /** Upper P = N(0, s^2), lower Q = (1-q) N(0, s^2) + q N(1, s^2): loss bounded by -log(1-q). */
  ADD,
  /** Upper P = (1-q) N(0, s^2) + q N(1, s^2), lower Q = N(0, s^2): loss unbounded above. */
  REMOVE
}
