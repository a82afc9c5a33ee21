package dev.trustml.canary.modiva;

/** Receives progress of a long computation, e.g. to draw a progress bar. */
public interface Progress {
  /** Does nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void start(long total) {}

        @Override
        public void advance(long n) {}

        @Override
        public void done() {}
      };

  /** The computation has {@code total} units of work. */
  void start(long total);

  /** {@code n} more units are finished. */
  void advance(long n);

  /** The computation finished (also called when it fails). */
  void done();
}
